package io.jmsaws.client;

import io.jmsaws.message.JmsAwsBytesMessage;
import io.jmsaws.message.JmsAwsMapMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.message.TypeConversions;
import io.jmsaws.util.JmsExceptions;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JMSProducer: settings and properties applied to every message it sends, over one anonymous
 * classic producer of the context's session.
 */
final class JmsAwsJMSProducer implements JMSProducer {
    private final JmsAwsSession session;
    private final MessageProducer producer;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive;
    private long deliveryDelay;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private CompletionListener async;
    private String correlationId;
    private String type;
    private Destination replyTo;

    JmsAwsJMSProducer(JmsAwsSession session) {
        this.session = session;
        this.producer = JmsExceptions.runtime(() -> session.createProducer(null));
    }

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) throw new MessageFormatRuntimeException("the message must not be null");
        JmsExceptions.runtime(() -> {
            for (Map.Entry<String, Object> e : properties.entrySet()) message.setObjectProperty(e.getKey(), e.getValue());
            if (correlationId != null) message.setJMSCorrelationID(correlationId);
            if (type != null) message.setJMSType(type);
            if (replyTo != null) message.setJMSReplyTo(replyTo);
            producer.setDeliveryDelay(deliveryDelay);
            producer.setDisableMessageID(disableMessageId);
            producer.setDisableMessageTimestamp(disableTimestamp);
            if (async != null) producer.send(destination, message, deliveryMode, priority, timeToLive, async);
            else producer.send(destination, message, deliveryMode, priority, timeToLive);
        });
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, new JmsAwsTextMessage(body));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        JmsAwsMapMessage m = new JmsAwsMapMessage();
        if (body != null) {
            JmsExceptions.runtime(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) m.setObject(e.getKey(), e.getValue());
            });
        }
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        JmsAwsBytesMessage m = new JmsAwsBytesMessage();
        if (body != null) JmsExceptions.runtime(() -> m.writeBytes(body));
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        ObjectMessage m = JmsExceptions.runtime(() -> session.createObjectMessage(body));
        return send(destination, m);
    }

    @Override public JMSProducer setDisableMessageID(boolean value) { disableMessageId = value; return this; }
    @Override public boolean getDisableMessageID() { return disableMessageId; }
    @Override public JMSProducer setDisableMessageTimestamp(boolean value) { disableTimestamp = value; return this; }
    @Override public boolean getDisableMessageTimestamp() { return disableTimestamp; }

    @Override
    public JMSProducer setDeliveryMode(int mode) {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new jakarta.jms.JMSRuntimeException("delivery mode " + mode + " is neither PERSISTENT nor NON_PERSISTENT");
        }
        deliveryMode = mode;
        return this;
    }

    @Override public int getDeliveryMode() { return deliveryMode; }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) throw new jakarta.jms.JMSRuntimeException("priority " + priority + " is outside 0..9");
        this.priority = priority;
        return this;
    }

    @Override public int getPriority() { return priority; }
    @Override public JMSProducer setTimeToLive(long ttl) { timeToLive = ttl; return this; }
    @Override public long getTimeToLive() { return timeToLive; }
    @Override public JMSProducer setDeliveryDelay(long delay) { deliveryDelay = delay; return this; }
    @Override public long getDeliveryDelay() { return deliveryDelay; }
    @Override public JMSProducer setAsync(CompletionListener listener) { async = listener; return this; }
    @Override public CompletionListener getAsync() { return async; }

    private JMSProducer put(String name, Object value) {
        io.jmsaws.message.PropertyNames.check(name);
        if (!TypeConversions.isValidPropertyValue(value)) {
            throw new MessageFormatRuntimeException("property '" + name + "': not a valid JMS property type: " + value.getClass().getName());
        }
        properties.put(name, value);
        return this;
    }

    @Override public JMSProducer setProperty(String name, boolean value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, byte value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, short value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, int value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, long value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, float value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, double value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, String value) { return put(name, value); }
    @Override public JMSProducer setProperty(String name, Object value) { return put(name, value); }
    @Override public JMSProducer clearProperties() { properties.clear(); return this; }
    @Override public boolean propertyExists(String name) { return properties.containsKey(name); }

    private <T> T get(String name, Conversion<T> c) {
        try {
            return c.convert(properties.get(name));
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    @FunctionalInterface
    private interface Conversion<T> {
        T convert(Object v) throws JMSException;
    }

    @Override public boolean getBooleanProperty(String name) { return get(name, TypeConversions::toBoolean); }
    @Override public byte getByteProperty(String name) { return get(name, TypeConversions::toByte); }
    @Override public short getShortProperty(String name) { return get(name, TypeConversions::toShort); }
    @Override public int getIntProperty(String name) { return get(name, TypeConversions::toInt); }
    @Override public long getLongProperty(String name) { return get(name, TypeConversions::toLong); }
    @Override public float getFloatProperty(String name) { return get(name, TypeConversions::toFloat); }
    @Override public double getDoubleProperty(String name) { return get(name, TypeConversions::toDouble); }
    @Override public String getStringProperty(String name) { return get(name, TypeConversions::toStringValue); }
    @Override public Object getObjectProperty(String name) { return properties.get(name); }
    /** A view backed by this producer, as the API says: later settings show in it. */
    @Override public Set<String> getPropertyNames() { return Collections.unmodifiableSet(properties.keySet()); }

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] id) {
        correlationId = id == null ? null : new String(id, StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    @Override public JMSProducer setJMSCorrelationID(String id) { correlationId = id; return this; }
    @Override public String getJMSCorrelationID() { return correlationId; }
    @Override public JMSProducer setJMSType(String type) { this.type = type; return this; }
    @Override public String getJMSType() { return type; }
    @Override public JMSProducer setJMSReplyTo(Destination replyTo) { this.replyTo = replyTo; return this; }
    @Override public Destination getJMSReplyTo() { return replyTo; }
}
