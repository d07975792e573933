package io.jmsaws.ra.metrics;

/** What the adapter's connections did with one queue or topic since the adapter started (see {@code MessagingMetrics}). */
public interface DestinationMetricsMXBean {
    long getSent();

    long getReceived();

    long getAcknowledged();

    long getRedelivered();

    long getExpired();

    long getDeadLettered();

    /** Messages held invisible by the adapter's consumers now. */
    long getHeld();

    long getVisibilityExtensions();

    double getSendLatencyAverageMillis();

    double getSendLatencyMaxMillis();

    /** From the message's JMSTimestamp to its receipt: how long messages waited. */
    double getReceiveLagAverageMillis();

    double getReceiveLagMaxMillis();
}
