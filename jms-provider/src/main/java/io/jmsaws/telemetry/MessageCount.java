package io.jmsaws.telemetry;

import java.util.function.ToLongFunction;

/**
 * The per-destination counts of {@link MessagingMetrics} that only grow, with the one name and
 * description each exporter gives them (OpenTelemetry uses the conventions' names for sent and
 * received instead, and splits sent by service): so the Micrometer meters and the OpenTelemetry
 * instruments cannot drift apart.
 */
public enum MessageCount {
    SENT("jmsaws.messages.sent", "Messages whose send SQS or SNS confirmed", MessagingMetrics.Destination::sent),
    RECEIVED("jmsaws.messages.received", "Messages ReceiveMessage brought to a consumer of this process",
            MessagingMetrics.Destination::received),
    ACKNOWLEDGED("jmsaws.messages.acknowledged", "Received messages deleted after acknowledgement or commit",
            MessagingMetrics.Destination::acknowledged),
    REDELIVERED("jmsaws.messages.redelivered", "Received messages delivered to an application before (JMSRedelivered)",
            MessagingMetrics.Destination::redelivered),
    EXPIRED("jmsaws.messages.expired", "Messages past their JMSExpiration, deleted unseen", MessagingMetrics.Destination::expired),
    DEAD_LETTERED("jmsaws.messages.dead_lettered", "Failed deliveries given back at maxReceiveCount (SQS moves them to the DLQ)",
            MessagingMetrics.Destination::deadLettered),
    VISIBILITY_EXTENSIONS("jmsaws.visibility.extensions", "ChangeMessageVisibility calls keeping held messages invisible",
            MessagingMetrics.Destination::visibilityExtensions);

    /** The Micrometer meter's name, and the OpenTelemetry instrument's where the conventions have none. */
    public final String meterName;
    public final String description;
    private final ToLongFunction<MessagingMetrics.Destination> value;

    MessageCount(String meterName, String description, ToLongFunction<MessagingMetrics.Destination> value) {
        this.meterName = meterName;
        this.description = description;
        this.value = value;
    }

    public long of(MessagingMetrics.Destination destination) {
        return value.applyAsLong(destination);
    }
}
