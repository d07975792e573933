package io.jmsaws.policy;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.limits.SqsLimits;

/**
 * How a consumer fetches: {@code prefetch} messages asked for per request (within SQS's 10), long
 * polls of up to {@code waitTimeSeconds}. A listener's consumer, and with {@code readAhead} a
 * receive() consumer that keeps reading, asks for the next batch when half of {@code prefetch} is
 * left; what nobody takes for {@code idleReleaseMillis} goes back to the queue.
 */
public record PrefetchPolicy(int prefetch, int waitTimeSeconds, boolean readAhead, long idleReleaseMillis) {

    public static PrefetchPolicy from(JmsAwsConfig config) {
        return new PrefetchPolicy(config.getInt(Option.PREFETCH), config.getInt(Option.WAIT_TIME_SECONDS),
                config.getBoolean(Option.READ_AHEAD), config.getInt(Option.IDLE_RELEASE_MILLIS));
    }

    /** Messages asked for per ReceiveMessage. */
    public int batchSize() {
        return Math.min(SqsLimits.MAX_RECEIVE_MESSAGES, prefetch);
    }
}
