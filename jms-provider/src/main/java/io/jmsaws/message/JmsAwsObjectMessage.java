package io.jmsaws.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.Serializable;

/**
 * Holds the object serialized, as the spec requires (a later change to the object does not change
 * the message), and deserializes it only through {@link TrustedObjectInput}'s allow-list.
 */
public class JmsAwsObjectMessage extends JmsAwsMessage implements ObjectMessage {
    private byte[] serialized;
    private TrustedPackages trustedPackages = TrustedPackages.DEFAULT;

    @Override
    public MessageKind kind() {
        return MessageKind.OBJECT;
    }

    public void setTrustedPackages(TrustedPackages trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : TrustedObjectInput.serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : TrustedObjectInput.deserialize(serialized, trustedPackages);
    }

    /** The serialized form, for the wire codec. */
    public byte[] serializedBody() {
        return serialized;
    }

    public void setSerializedBody(byte[] bytes) {
        this.serialized = bytes;
    }

    @Override
    public void clearBody() throws JMSException {
        super.clearBody();
        serialized = null;
    }

    @Override
    protected Object bodyOrNull() throws JMSException {
        return getObject();
    }

    @SuppressWarnings("rawtypes")
    @Override
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        if (serialized == null) return true;
        try { // any type the object is an instance of: an interface it implements (List, Map, CharSequence) included

            return c.isInstance(getObject());
        } catch (MessageFormatException e) {
            return false;
        }
    }
}
