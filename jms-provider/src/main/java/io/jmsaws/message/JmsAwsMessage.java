package io.jmsaws.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JMS message: headers, properties and the read-only/write-only state rules. Subclasses own the
 * body. Knows nothing of SQS: the wire codec turns it into a request and back.
 */
public class JmsAwsMessage implements Message {
    /** JMS-defined properties (spec 3.5.9) the provider sets. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    public static final String JMSX_GROUP_ID = "JMSXGroupID";

    /** What {@link #acknowledge()} does for a received message; set by the session that delivered it. */
    @FunctionalInterface
    public interface Acknowledger {
        void acknowledge() throws JMSException;
    }

    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private boolean propertiesReadOnly;
    protected boolean bodyReadOnly;
    private transient Acknowledger acknowledger;
    private String originConnectionId; // the connection that published it (topics: noLocal)
    private String originClientId; // and its client id, if any (durable noLocal: any connection of that id)
    private transient java.util.function.Supplier<String> outlookIfGivenBack;
    /** The trace context it carries (set by send(), or read on receipt); not a property. */
    private transient io.jmsaws.telemetry.TraceContext traceContext;

    public MessageKind kind() {
        return MessageKind.MESSAGE;
    }

    // ---- headers ----

    @Override public String getJMSMessageID() { return messageId; }
    @Override public void setJMSMessageID(String id) { this.messageId = id; }
    @Override public long getJMSTimestamp() { return timestamp; }
    @Override public void setJMSTimestamp(long timestamp) { this.timestamp = timestamp; }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationId = correlationID == null ? null : new String(correlationID, StandardCharsets.UTF_8);
    }

    @Override public void setJMSCorrelationID(String correlationID) { this.correlationId = correlationID; }
    @Override public String getJMSCorrelationID() { return correlationId; }
    @Override public Destination getJMSReplyTo() { return replyTo; }
    @Override public void setJMSReplyTo(Destination replyTo) { this.replyTo = replyTo; }
    @Override public Destination getJMSDestination() { return destination; }
    @Override public void setJMSDestination(Destination destination) { this.destination = destination; }
    @Override public int getJMSDeliveryMode() { return deliveryMode; }
    @Override public void setJMSDeliveryMode(int deliveryMode) { this.deliveryMode = deliveryMode; }
    @Override public boolean getJMSRedelivered() { return redelivered; }
    @Override public void setJMSRedelivered(boolean redelivered) { this.redelivered = redelivered; }
    @Override public String getJMSType() { return type; }
    @Override public void setJMSType(String type) { this.type = type; }
    @Override public long getJMSExpiration() { return expiration; }
    @Override public void setJMSExpiration(long expiration) { this.expiration = expiration; }
    @Override public long getJMSDeliveryTime() { return deliveryTime; }
    @Override public void setJMSDeliveryTime(long deliveryTime) { this.deliveryTime = deliveryTime; }
    @Override public int getJMSPriority() { return priority; }
    @Override public void setJMSPriority(int priority) { this.priority = priority; }

    // ---- properties ----

    @Override
    public void clearProperties() {
        properties.clear();
        propertiesReadOnly = false;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.containsKey(name);
    }

    @Override public boolean getBooleanProperty(String name) throws JMSException { return TypeConversions.toBoolean(properties.get(name)); }
    @Override public byte getByteProperty(String name) throws JMSException { return TypeConversions.toByte(properties.get(name)); }
    @Override public short getShortProperty(String name) throws JMSException { return TypeConversions.toShort(properties.get(name)); }
    @Override public int getIntProperty(String name) throws JMSException { return TypeConversions.toInt(properties.get(name)); }
    @Override public long getLongProperty(String name) throws JMSException { return TypeConversions.toLong(properties.get(name)); }
    @Override public float getFloatProperty(String name) throws JMSException { return TypeConversions.toFloat(properties.get(name)); }
    @Override public double getDoubleProperty(String name) throws JMSException { return TypeConversions.toDouble(properties.get(name)); }
    @Override public String getStringProperty(String name) throws JMSException { return TypeConversions.toStringValue(properties.get(name)); }
    @Override public Object getObjectProperty(String name) { return properties.get(name); }

    @Override
    public Enumeration<String> getPropertyNames() {
        return Collections.enumeration(properties.keySet());
    }

    @Override public void setBooleanProperty(String name, boolean value) throws JMSException { put(name, value); }
    @Override public void setByteProperty(String name, byte value) throws JMSException { put(name, value); }
    @Override public void setShortProperty(String name, short value) throws JMSException { put(name, value); }
    @Override public void setIntProperty(String name, int value) throws JMSException { put(name, value); }
    @Override public void setLongProperty(String name, long value) throws JMSException { put(name, value); }
    @Override public void setFloatProperty(String name, float value) throws JMSException { put(name, value); }
    @Override public void setDoubleProperty(String name, double value) throws JMSException { put(name, value); }
    @Override public void setStringProperty(String name, String value) throws JMSException { put(name, value); }

    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        if (!TypeConversions.isValidPropertyValue(value)) {
            throw new MessageFormatException("property '" + name + "': a JMS property value must be a Boolean, Byte, Short, "
                    + "Integer, Long, Float, Double or String, not " + value.getClass().getName());
        }
        put(name, value);
    }

    private void put(String name, Object value) throws JMSException {
        PropertyNames.check(name);
        if (propertiesReadOnly) {
            throw new MessageNotWriteableException("the properties of a received message are read-only; call clearProperties() first");
        }
        properties.put(name, value);
    }

    /** Properties as the codec sees them, in the order they were set. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Sets a property regardless of the read-only state: for the provider (JMSX properties, decoding). */
    public void setPropertyInternal(String name, Object value) {
        properties.put(name, value);
    }

    public void removePropertyInternal(String name) {
        properties.remove(name);
    }

    // ---- body and state ----

    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
    }

    protected void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the body of a received message is read-only; call clearBody() first");
        }
    }

    /** Puts a received message into the state the spec gives it: body and properties read-only. */
    public void makeReadOnly() throws JMSException {
        propertiesReadOnly = true;
        bodyReadOnly = true;
    }

    public String originConnectionId() {
        return originConnectionId;
    }

    public void setOriginConnectionId(String id) {
        this.originConnectionId = id;
    }

    /** Says what becomes of this received message if it is given back now (set by the session that delivered it). */
    public void setOutlookIfGivenBack(java.util.function.Supplier<String> outlook) {
        this.outlookIfGivenBack = outlook;
    }

    /**
     * What becomes of this received message if it is given back now: "it is delivered again in
     * 2000 ms (delivery 2, 1 more before the dead-letter queue orders-dlq)", or "SQS moves it to
     * the dead-letter queue orders-dlq (…)". For a log line about a failed delivery.
     */
    public io.jmsaws.telemetry.TraceContext traceContext() { return traceContext; }

    public void setTraceContext(io.jmsaws.telemetry.TraceContext context) { this.traceContext = context; }

    public String outlookIfGivenBack() {
        java.util.function.Supplier<String> o = outlookIfGivenBack;
        return o == null ? "it will be delivered again" : o.get();
    }

    /** The client id of the connection that published it, if it had one (durable noLocal subscriptions). */
    public String originClientId() {
        return originClientId;
    }

    public void setOriginClientId(String id) {
        this.originClientId = id;
    }

    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (!isBodyAssignableTo(c)) {
            throw new MessageFormatException("the body of this " + kind() + " message cannot be assigned to " + c.getName());
        }
        return c.cast(bodyOrNull());
    }

    @SuppressWarnings("rawtypes")
    @Override
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        Object body = bodyOrNull();
        return body == null || c.isInstance(body);
    }

    /** The body as {@link #getBody} returns it, or null when there is none. */
    protected Object bodyOrNull() throws JMSException {
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + ", properties=" + properties.keySet() + "]";
    }
}
