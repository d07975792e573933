package io.jmsaws.client;

/** A pause that doubles from {@code first} up to {@code max} while things keep failing, and starts over after a success. Not thread-safe. */
final class Backoff {
    private final long first;
    private final long max;
    private long current;

    Backoff(long firstMillis, long maxMillis) {
        this.first = firstMillis;
        this.max = maxMillis;
    }

    /** The next pause, in milliseconds. */
    long next() {
        current = current == 0 ? first : Math.min(max, current * 2);
        return current;
    }

    void reset() {
        current = 0;
    }
}
