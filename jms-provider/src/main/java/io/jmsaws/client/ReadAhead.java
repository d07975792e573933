package io.jmsaws.client;

import io.jmsaws.policy.PrefetchPolicy;

/**
 * When a receive() consumer reads ahead, and when what a consumer holds unread has waited long
 * enough to go back. A consumer reads ahead (its next ReceiveMessage under way before the
 * application asks) only once it has read repeatedly: every message read ahead and given back
 * unseen raises its receive count, and with a low {@code maxReceiveCount} that sends it to the
 * DLQ undelivered — while Spring's {@code JmsTemplate.receive()} opens and closes a consumer for
 * each message. Until then a fetch asks only for what the waiting receive() takes. A consumer
 * whose read-ahead went back unread (nobody took it for the idle bound: the application is slower
 * than that per batch, or paused) reads ahead no more — each such return costs every message held
 * one receive toward its queue's maxReceiveCount. Not thread-safe: used under the
 * {@link Prefetcher}'s monitor.
 */
final class ReadAhead {
    /** Messages a consumer must have taken before it reads ahead. */
    static final int READS_BEFORE_READING_AHEAD = 2;

    private final boolean enabled;
    private final long idleReleaseMillis;
    private int reads;
    /** What it read ahead went back unread once: from then on it asks only for what a receive() takes. */
    private boolean slowReader;
    private long lastTaken = System.currentTimeMillis();

    ReadAhead(PrefetchPolicy policy) {
        this.enabled = policy.readAhead();
        this.idleReleaseMillis = policy.idleReleaseMillis();
    }

    /** {@code readAhead=true} (the default); false: fetch only while a receive() waits, whole batches (as before read-ahead). */
    boolean enabled() { return enabled; }

    /** The consumer keeps reading: its next ReceiveMessage may go out before it is asked for. */
    boolean active() { return enabled && !slowReader && reads >= READS_BEFORE_READING_AHEAD; }

    /**
     * Whether what the consumer holds goes back after the idle bound while its connection is
     * started: with read-ahead (what it holds it fetched unasked); with {@code readAhead=false}
     * only on a stopped connection, as before read-ahead a started consumer kept its batch.
     */
    boolean releasesWhenIdle(boolean started) { return enabled || !started; }

    /** receive() returned a message. */
    void taken(long now) {
        reads++;
        lastTaken = now;
    }

    /** The application asked (a receive() began, a listener took one): what is held is not idle. */
    void asked(long now) { lastTaken = now; }

    /** Milliseconds until what is held has been idle for the bound; zero or less: it has. */
    long idleIn(long now) { return lastTaken + idleReleaseMillis - now; }

    /**
     * What was held went back unread: on a started connection the consumer is slower than the
     * bound and reads ahead no more (see the class comment); on a stopped one it starts over.
     */
    void wentIdle(boolean started) {
        reads = 0;
        if (started) slowReader = true;
    }

    /**
     * A poll made ahead came back empty and no receive() waits: the next one waits for a receive()
     * (an idle consumer nobody reads from must not poll on its own, least of all with 0-second polls).
     */
    void cameBackEmpty() { reads = Math.min(reads, READS_BEFORE_READING_AHEAD - 1); }
}
