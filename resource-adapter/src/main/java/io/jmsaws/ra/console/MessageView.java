package io.jmsaws.ra.console;

import java.util.Map;

/** One peeked message, decoded as JMS (a JMX composite: getters only). */
public final class MessageView {
    private final String messageId;
    private final String type;
    private final String correlationId;
    private final String jmsType;
    private final long timestamp;
    private final int deliveryCount;
    private final String groupId;
    private final Map<String, String> properties;
    private final String bodyPreview;

    MessageView(String messageId, String type, String correlationId, String jmsType, long timestamp, int deliveryCount,
                String groupId, Map<String, String> properties, String bodyPreview) {
        this.messageId = messageId;
        this.type = type;
        this.correlationId = correlationId;
        this.jmsType = jmsType;
        this.timestamp = timestamp;
        this.deliveryCount = deliveryCount;
        this.groupId = groupId;
        this.properties = properties;
        this.bodyPreview = bodyPreview;
    }

    public String getMessageId() { return messageId; }
    /** TextMessage, BytesMessage, MapMessage, ObjectMessage, StreamMessage or Message. */
    public String getType() { return type; }
    public String getCorrelationId() { return correlationId; }
    public String getJmsType() { return jmsType; }
    public long getTimestamp() { return timestamp; }
    /** SQS's receive count, this peek included. */
    public int getDeliveryCount() { return deliveryCount; }
    public String getGroupId() { return groupId; }
    /** The application's properties, as strings. */
    public Map<String, String> getProperties() { return properties; }
    /** The body's first characters (or bytes, in hex); an ObjectMessage of an untrusted class is not deserialized. */
    public String getBodyPreview() { return bodyPreview; }
}
