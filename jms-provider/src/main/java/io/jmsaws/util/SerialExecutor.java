package io.jmsaws.util;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in order, on a shared pool: a session's listener deliveries and
 * completion callbacks are serial (a JMS rule) without a thread of their own while idle.
 */
public final class SerialExecutor implements Executor {
    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) return;
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // the next tasks (later deliveries, completion callbacks) still run
                org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SerialExecutor.class);
                log.error("jms-aws: a session task failed: {}; the session's next tasks run as usual", e.toString());
                log.debug("session task failure", e);
            }
        }
    }
}
