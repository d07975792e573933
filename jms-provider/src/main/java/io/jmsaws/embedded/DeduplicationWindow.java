package io.jmsaws.embedded;

import io.jmsaws.limits.SqsLimits;

import java.util.HashMap;
import java.util.Map;

/**
 * A FIFO queue's 5-minute deduplication window: a send whose deduplication key was sent within it
 * is accepted, answered like the original, and not stored. Guarded by its queue's lock.
 */
final class DeduplicationWindow {
    /** The original send of a key: what a duplicate is answered with. */
    record Original(String messageId, String sequenceNumber, long expiresAt) {
    }

    private final Map<String, Original> originals = new HashMap<>();

    /** The original of a duplicate within the window, or null. */
    Original originalOf(String key, long now) {
        originals.values().removeIf(o -> o.expiresAt() <= now);
        return originals.get(key);
    }

    void remember(String key, String messageId, String sequenceNumber, long now) {
        originals.put(key, new Original(messageId, sequenceNumber, now + SqsLimits.DEDUPLICATION_WINDOW_MILLIS));
    }
}
