package io.jmsaws.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

public class JmsAwsMapMessage extends JmsAwsMessage implements MapMessage {
    private final Map<String, Object> map = new LinkedHashMap<>();

    @Override
    public MessageKind kind() {
        return MessageKind.MAP;
    }

    /** The entries, for the wire codec. */
    public Map<String, Object> entries() {
        return Collections.unmodifiableMap(map);
    }

    public void putInternal(String name, Object value) {
        map.put(name, value);
    }

    @Override public boolean getBoolean(String name) throws JMSException { return TypeConversions.toBoolean(map.get(name)); }
    @Override public byte getByte(String name) throws JMSException { return TypeConversions.toByte(map.get(name)); }
    @Override public short getShort(String name) throws JMSException { return TypeConversions.toShort(map.get(name)); }
    @Override public char getChar(String name) throws JMSException { return TypeConversions.toChar(map.get(name)); }
    @Override public int getInt(String name) throws JMSException { return TypeConversions.toInt(map.get(name)); }
    @Override public long getLong(String name) throws JMSException { return TypeConversions.toLong(map.get(name)); }
    @Override public float getFloat(String name) throws JMSException { return TypeConversions.toFloat(map.get(name)); }
    @Override public double getDouble(String name) throws JMSException { return TypeConversions.toDouble(map.get(name)); }
    @Override public String getString(String name) throws JMSException { return TypeConversions.toStringValue(map.get(name)); }

    @Override
    public byte[] getBytes(String name) throws JMSException {
        byte[] b = TypeConversions.toBytes(map.get(name));
        return b == null ? null : b.clone();
    }

    @Override
    public Object getObject(String name) {
        Object v = map.get(name);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(map.keySet());
    }

    @Override public void setBoolean(String name, boolean value) throws JMSException { set(name, value); }
    @Override public void setByte(String name, byte value) throws JMSException { set(name, value); }
    @Override public void setShort(String name, short value) throws JMSException { set(name, value); }
    @Override public void setChar(String name, char value) throws JMSException { set(name, value); }
    @Override public void setInt(String name, int value) throws JMSException { set(name, value); }
    @Override public void setLong(String name, long value) throws JMSException { set(name, value); }
    @Override public void setFloat(String name, float value) throws JMSException { set(name, value); }
    @Override public void setDouble(String name, double value) throws JMSException { set(name, value); }
    @Override public void setString(String name, String value) throws JMSException { set(name, value); }
    @Override public void setBytes(String name, byte[] value) throws JMSException { set(name, value == null ? null : value.clone()); }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        set(name, copy);
    }

    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!TypeConversions.isValidBodyValue(value)) {
            throw new MessageFormatException("map entry '" + name + "': a MapMessage value must be a boxed primitive, String or byte[], not "
                    + value.getClass().getName());
        }
        set(name, value instanceof byte[] b ? b.clone() : value);
    }

    private void set(String name, Object value) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a MapMessage entry name must not be null or empty");
        }
        checkBodyWritable();
        map.put(name, value);
    }

    @Override
    public boolean itemExists(String name) {
        return map.containsKey(name);
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        map.clear();
    }

    @Override
    protected Object bodyOrNull() {
        return map.isEmpty() ? null : new LinkedHashMap<>(map);
    }
}
