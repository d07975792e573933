package io.jmsaws.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/** A stream of uninterpreted bytes, written in write-only mode and read after {@link #reset()}. */
public class JmsAwsBytesMessage extends JmsAwsMessage implements BytesMessage {
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(buffer);
    private byte[] content;
    private DataInputStream in;

    @Override
    public MessageKind kind() {
        return MessageKind.BYTES;
    }

    /** The body in either mode, for the wire codec and getBody. */
    public byte[] bodyBytes() {
        return in != null ? content : buffer.toByteArray();
    }

    /** Sets the received body and puts the message into read-only mode. */
    public void setReceivedBody(byte[] bytes) {
        content = bytes;
        in = new DataInputStream(new ByteArrayInputStream(bytes));
        bodyReadOnly = true;
    }

    @Override
    public void makeReadOnly() throws JMSException {
        super.makeReadOnly();
        if (in == null) setReceivedBody(buffer.toByteArray());
    }

    @Override
    public void reset() {
        if (in == null) {
            content = buffer.toByteArray();
        }
        in = new DataInputStream(new ByteArrayInputStream(content));
        bodyReadOnly = true;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        buffer = new ByteArrayOutputStream();
        out = new DataOutputStream(buffer);
        content = null;
        in = null;
    }

    @Override
    public long getBodyLength() throws JMSException {
        readMode();
        return content.length;
    }

    @Override
    protected Object bodyOrNull() {
        // getBody "will reset the BytesMessage before and after use": a reader starts again from the first byte
        if (in != null) in = new DataInputStream(new ByteArrayInputStream(content));
        byte[] b = bodyBytes();
        return b.length == 0 ? null : b.clone();
    }

    @SuppressWarnings("rawtypes")
    @Override
    public boolean isBodyAssignableTo(Class c) {
        return bodyBytes().length == 0 || c.isAssignableFrom(byte[].class);
    }

    private DataInputStream readMode() throws MessageNotReadableException {
        if (in == null) throw new MessageNotReadableException("the BytesMessage is in write-only mode; call reset() to read it");
        return in;
    }

    private DataOutputStream writeMode() throws MessageNotWriteableException {
        if (in != null) throw new MessageNotWriteableException("the BytesMessage is in read-only mode; call clearBody() to write it");
        return out;
    }

    @FunctionalInterface
    private interface Read<T> {
        T read(DataInputStream in) throws IOException;
    }

    private <T> T read(Read<T> r) throws JMSException {
        DataInputStream stream = readMode();
        try {
            return r.read(stream);
        } catch (EOFException e) {
            throw new MessageEOFException("unexpected end of the BytesMessage body");
        } catch (IOException e) {
            throw new MessageFormatException("cannot read the BytesMessage body: " + e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void write(DataOutputStream out) throws IOException;
    }

    private void write(Write w) throws JMSException {
        try {
            w.write(writeMode());
        } catch (IOException e) {
            throw new MessageFormatException("cannot write the BytesMessage body: " + e);
        }
    }

    @Override public boolean readBoolean() throws JMSException { return read(DataInputStream::readBoolean); }
    @Override public byte readByte() throws JMSException { return read(DataInputStream::readByte); }
    @Override public int readUnsignedByte() throws JMSException { return read(DataInputStream::readUnsignedByte); }
    @Override public short readShort() throws JMSException { return read(DataInputStream::readShort); }
    @Override public int readUnsignedShort() throws JMSException { return read(DataInputStream::readUnsignedShort); }
    @Override public char readChar() throws JMSException { return read(DataInputStream::readChar); }
    @Override public int readInt() throws JMSException { return read(DataInputStream::readInt); }
    @Override public long readLong() throws JMSException { return read(DataInputStream::readLong); }
    @Override public float readFloat() throws JMSException { return read(DataInputStream::readFloat); }
    @Override public double readDouble() throws JMSException { return read(DataInputStream::readDouble); }
    @Override public String readUTF() throws JMSException { return read(s -> s.readUTF()); }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is outside 0.." + value.length);
        }
        int n = read(s -> s.read(value, 0, length));
        return length == 0 ? 0 : n;
    }

    @Override public void writeBoolean(boolean value) throws JMSException { write(o -> o.writeBoolean(value)); }
    @Override public void writeByte(byte value) throws JMSException { write(o -> o.writeByte(value)); }
    @Override public void writeShort(short value) throws JMSException { write(o -> o.writeShort(value)); }
    @Override public void writeChar(char value) throws JMSException { write(o -> o.writeChar(value)); }
    @Override public void writeInt(int value) throws JMSException { write(o -> o.writeInt(value)); }
    @Override public void writeLong(long value) throws JMSException { write(o -> o.writeLong(value)); }
    @Override public void writeFloat(float value) throws JMSException { write(o -> o.writeFloat(value)); }
    @Override public void writeDouble(double value) throws JMSException { write(o -> o.writeDouble(value)); }
    @Override public void writeUTF(String value) throws JMSException { write(o -> o.writeUTF(value)); }
    @Override public void writeBytes(byte[] value) throws JMSException { write(o -> o.write(value)); }
    @Override public void writeBytes(byte[] value, int offset, int length) throws JMSException { write(o -> o.write(value, offset, length)); }

    @Override
    public void writeObject(Object value) throws JMSException {
        writeMode(); // a read-only message says so before anything else
        if (value == null) throw new NullPointerException("BytesMessage.writeObject does not take null");
        if (value instanceof Boolean v) writeBoolean(v);
        else if (value instanceof Byte v) writeByte(v);
        else if (value instanceof Short v) writeShort(v);
        else if (value instanceof Character v) writeChar(v);
        else if (value instanceof Integer v) writeInt(v);
        else if (value instanceof Long v) writeLong(v);
        else if (value instanceof Float v) writeFloat(v);
        else if (value instanceof Double v) writeDouble(v);
        else if (value instanceof String v) writeUTF(v);
        else if (value instanceof byte[] v) writeBytes(v);
        else throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName());
    }
}
