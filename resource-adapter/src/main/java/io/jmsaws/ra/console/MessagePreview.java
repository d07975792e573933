package io.jmsaws.ra.console;

import io.jmsaws.message.JmsAwsMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A peeked message as the console shows it: headers, properties as strings, the body's beginning. */
final class MessagePreview {
    static final int PREVIEW_CHARACTERS = 300;
    private static final int PREVIEW_BYTES = 48;

    private MessagePreview() {
    }

    static MessageView of(JmsAwsMessage m) {
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String name : Collections.list((java.util.Enumeration<String>) m.getPropertyNames())) {
                if (name.startsWith("JMSX")) continue; // shown as columns (delivery count, group)
                properties.put(name, String.valueOf(m.getObjectProperty(name)));
            }
            int count = m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 1;
            return new MessageView(m.getJMSMessageID(), type(m), m.getJMSCorrelationID(), m.getJMSType(), m.getJMSTimestamp(), count,
                    m.getStringProperty("JMSXGroupID"), properties, body(m));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message " + safeId(m) + ": " + e.getMessage());
        }
    }

    private static String type(JmsAwsMessage m) {
        if (m instanceof TextMessage) return "TextMessage";
        if (m instanceof BytesMessage) return "BytesMessage";
        if (m instanceof MapMessage) return "MapMessage";
        if (m instanceof ObjectMessage) return "ObjectMessage";
        if (m instanceof StreamMessage) return "StreamMessage";
        return "Message";
    }

    private static String body(JmsAwsMessage m) throws JMSException {
        if (m instanceof TextMessage t) return cut(t.getText());
        if (m instanceof BytesMessage b) {
            long length = b.getBodyLength();
            byte[] first = new byte[(int) Math.min(length, PREVIEW_BYTES)];
            b.readBytes(first);
            b.reset();
            return length + " bytes: " + HexFormat.ofDelimiter(" ").formatHex(first) + (length > first.length ? " …" : "");
        }
        if (m instanceof MapMessage map) {
            StringBuilder out = new StringBuilder("{");
            for (String name : Collections.list((java.util.Enumeration<String>) map.getMapNames())) {
                if (out.length() > 1) out.append(", ");
                out.append(name).append('=').append(map.getObject(name));
            }
            return cut(out.append('}').toString());
        }
        if (m instanceof ObjectMessage o) {
            try {
                Object value = o.getObject();
                return value == null ? "(null)" : cut(value.getClass().getName() + ": " + value);
            } catch (JMSException untrusted) {
                // trustedPackages decides what may be deserialized, for the console as for any consumer
                return "(not deserialized: " + untrusted.getMessage() + ")";
            }
        }
        if (m instanceof StreamMessage s) {
            StringBuilder out = new StringBuilder("[");
            try {
                while (out.length() < PREVIEW_CHARACTERS) {
                    Object value = s.readObject();
                    if (out.length() > 1) out.append(", ");
                    out.append(value);
                }
            } catch (MessageEOFException end) {
                // all read
            }
            s.reset();
            return cut(out.append(']').toString());
        }
        return "(no body)";
    }

    private static String cut(String s) {
        if (s == null) return "(null)";
        return s.length() <= PREVIEW_CHARACTERS ? s : s.substring(0, PREVIEW_CHARACTERS) + " … (" + s.length() + " characters)";
    }

    private static String safeId(JmsAwsMessage m) {
        return m.getJMSMessageID();
    }
}
