package io.jmsaws.policy;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.limits.SqsLimits;

/**
 * How long a message the application saw and gave back (recover, rollback, a listener that threw)
 * stays invisible before SQS delivers it again: {@code redeliveryDelay × redeliveryBackoff^(n-1)}
 * for its n-th delivery, capped by {@code maxRedeliveryDelay}. Implemented as the message's
 * visibility timeout, so it holds across processes and counts toward the queue's
 * maxReceiveCount like any redelivery.
 */
public record RedeliveryPolicy(long initialDelayMillis, double backoff, long maxDelayMillis) {

    public static RedeliveryPolicy from(JmsAwsConfig config) {
        return new RedeliveryPolicy(Long.parseLong(config.get(Option.REDELIVERY_DELAY)),
                Double.parseDouble(config.get(Option.REDELIVERY_BACKOFF)), Long.parseLong(config.get(Option.MAX_REDELIVERY_DELAY)));
    }

    /** The visibility timeout, in whole seconds (rounded up), for a message delivered {@code deliveryCount} times. */
    public int delaySeconds(int deliveryCount) {
        if (initialDelayMillis <= 0) return 0;
        double delay = initialDelayMillis * Math.pow(backoff, Math.max(0, deliveryCount - 1));
        long capped = (long) Math.min(delay, maxDelayMillis);
        return (int) Math.min(SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS, (capped + 999) / 1000);
    }
}
