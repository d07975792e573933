package io.jmsaws.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** Java serialization for ObjectMessage bodies, with the trusted-package check on every class read. */
final class TrustedObjectInput extends ObjectInputStream {
    private final TrustedPackages trusted;

    private TrustedObjectInput(byte[] bytes, TrustedPackages trusted) throws IOException {
        super(new ByteArrayInputStream(bytes));
        this.trusted = trusted;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        if (!trusted.trusts(desc.getName())) {
            throw new InvalidClassException(desc.getName(), "not in the trusted packages");
        }
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl != null) {
            try {
                return Class.forName(desc.getName(), false, tccl);
            } catch (ClassNotFoundException e) {
                // fall back to the default resolution below
            }
        }
        return super.resolveClass(desc);
    }

    static byte[] serialize(Serializable object) throws JMSException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(object);
        } catch (IOException e) {
            MessageFormatException mfe = new MessageFormatException("the object of type " + object.getClass().getName()
                    + " cannot be serialized: " + e);
            mfe.initCause(e);
            throw mfe;
        }
        return out.toByteArray();
    }

    static Serializable deserialize(byte[] bytes, TrustedPackages trusted) throws JMSException {
        try (TrustedObjectInput in = new TrustedObjectInput(bytes, trusted)) {
            return (Serializable) in.readObject();
        } catch (InvalidClassException e) {
            MessageFormatException mfe = new MessageFormatException("ObjectMessage refused to deserialize class " + e.classname
                    + ": it is not in the trusted packages [" + trusted + "]; add its package to the 'trustedPackages' option");
            mfe.initCause(e);
            throw mfe;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            MessageFormatException mfe = new MessageFormatException("the ObjectMessage body cannot be deserialized: " + e);
            mfe.initCause(e);
            throw mfe;
        }
    }
}
