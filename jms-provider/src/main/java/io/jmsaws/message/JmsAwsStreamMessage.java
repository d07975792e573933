package io.jmsaws.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sequence of typed values. Reading converts like a MapMessage; a read that fails with a
 * conversion error leaves the position where it was (spec 3.11.3). A byte[] value may be read in
 * several {@link #readBytes} calls.
 */
public class JmsAwsStreamMessage extends JmsAwsMessage implements StreamMessage {
    private final List<Object> values = new ArrayList<>();
    private int position = -1; // -1: write-only mode
    private int bytesOffset = -1; // progress inside a byte[] value, -1 when none is being read

    @Override
    public MessageKind kind() {
        return MessageKind.STREAM;
    }

    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    public void addInternal(Object value) {
        values.add(value);
    }

    @Override
    public void makeReadOnly() throws JMSException {
        super.makeReadOnly();
        reset();
    }

    @Override
    public void reset() {
        position = 0;
        bytesOffset = -1;
        bodyReadOnly = true;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        values.clear();
        position = -1;
        bytesOffset = -1;
    }

    @FunctionalInterface
    private interface Conversion<T> {
        T convert(Object v) throws JMSException;
    }

    private <T> T next(Conversion<T> conversion) throws JMSException {
        if (position < 0) throw new MessageNotReadableException("the StreamMessage is in write-only mode; call reset() to read it");
        if (bytesOffset >= 0) throw new MessageFormatException("a byte[] value is partly read; finish it with readBytes()");
        if (position >= values.size()) throw new MessageEOFException("no more values in the StreamMessage");
        T result = conversion.convert(values.get(position)); // throws before the position moves
        position++;
        return result;
    }

    @Override public boolean readBoolean() throws JMSException { return next(TypeConversions::toBoolean); }
    @Override public byte readByte() throws JMSException { return next(TypeConversions::toByte); }
    @Override public short readShort() throws JMSException { return next(TypeConversions::toShort); }
    @Override public char readChar() throws JMSException { return next(TypeConversions::toChar); }
    @Override public int readInt() throws JMSException { return next(TypeConversions::toInt); }
    @Override public long readLong() throws JMSException { return next(TypeConversions::toLong); }
    @Override public float readFloat() throws JMSException { return next(TypeConversions::toFloat); }
    @Override public double readDouble() throws JMSException { return next(TypeConversions::toDouble); }
    @Override public String readString() throws JMSException { return next(TypeConversions::toStringValue); }

    @Override
    public Object readObject() throws JMSException {
        return next(v -> v instanceof byte[] b ? b.clone() : v);
    }

    @Override
    public int readBytes(byte[] target) throws JMSException {
        if (position < 0) throw new MessageNotReadableException("the StreamMessage is in write-only mode; call reset() to read it");
        if (position >= values.size()) throw new MessageEOFException("no more values in the StreamMessage");
        Object v = values.get(position);
        if (v == null) {
            position++;
            return -1;
        }
        if (!(v instanceof byte[] bytes)) throw new MessageFormatException("the next value is a " + v.getClass().getSimpleName() + ", not byte[]");
        int offset = Math.max(bytesOffset, 0);
        int remaining = bytes.length - offset;
        if (remaining == 0) {
            // the whole array has been read: this call reports its end and moves on
            bytesOffset = -1;
            position++;
            return bytesOffset == -1 && offset == 0 && bytes.length == 0 ? 0 : -1;
        }
        int n = Math.min(remaining, target.length);
        System.arraycopy(bytes, offset, target, 0, n);
        bytesOffset = offset + n;
        if (n < target.length) {
            // the array fitted: the value is complete
            bytesOffset = -1;
            position++;
        }
        return n;
    }

    private void add(Object value) throws MessageNotWriteableException {
        if (position >= 0 || bodyReadOnly) throw new MessageNotWriteableException("the StreamMessage is in read-only mode; call clearBody() to write it");
        values.add(value);
    }

    @Override public void writeBoolean(boolean value) throws JMSException { add(value); }
    @Override public void writeByte(byte value) throws JMSException { add(value); }
    @Override public void writeShort(short value) throws JMSException { add(value); }
    @Override public void writeChar(char value) throws JMSException { add(value); }
    @Override public void writeInt(int value) throws JMSException { add(value); }
    @Override public void writeLong(long value) throws JMSException { add(value); }
    @Override public void writeFloat(float value) throws JMSException { add(value); }
    @Override public void writeDouble(double value) throws JMSException { add(value); }
    @Override public void writeString(String value) throws JMSException { add(value); }
    @Override public void writeBytes(byte[] value) throws JMSException { add(value == null ? null : value.clone()); }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        add(copy);
    }

    @Override
    public void writeObject(Object value) throws JMSException {
        if (!TypeConversions.isValidBodyValue(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName());
        }
        add(value instanceof byte[] b ? b.clone() : value);
    }

    @Override
    protected Object bodyOrNull() throws JMSException {
        throw new MessageFormatException("a StreamMessage body cannot be read with getBody");
    }

    @SuppressWarnings("rawtypes")
    @Override
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }
}
