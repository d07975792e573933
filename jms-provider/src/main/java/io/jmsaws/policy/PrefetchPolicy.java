package io.jmsaws.policy;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.limits.SqsLimits;

/**
 * How a consumer fetches: {@code prefetch} messages asked for per request (within SQS's 10), long
 * polls of up to {@code waitTimeSeconds}. A listener's consumer asks for the next batch when half
 * of {@code prefetch} is left.
 */
public record PrefetchPolicy(int prefetch, int waitTimeSeconds) {

    public static PrefetchPolicy from(JmsAwsConfig config) {
        return new PrefetchPolicy(config.getInt(Option.PREFETCH), config.getInt(Option.WAIT_TIME_SECONDS));
    }

    /** Messages asked for per ReceiveMessage. */
    public int batchSize() {
        return Math.min(SqsLimits.MAX_RECEIVE_MESSAGES, prefetch);
    }
}
