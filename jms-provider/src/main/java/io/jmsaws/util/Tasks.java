package io.jmsaws.util;

import org.slf4j.Logger;

/** Background tasks that cannot die quietly. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * A periodic task that survives its own failures. {@code ScheduledExecutorService} cancels a
     * periodic task for good, and silently, the first time it throws: a visibility keeper or a
     * lease renewal that died so would let SQS hand held messages to others, or let another
     * process sweep a live subscription.
     */
    public static Runnable surviving(String what, Logger log, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.warn("jms-aws: {} failed ({}); it runs again at its next tick", what, e.toString());
                log.debug("{} failed", what, e);
            }
        };
    }
}
