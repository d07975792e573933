package io.jmsaws.wire;

import static io.jmsaws.wire.WireCodec.*;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.message.JmsAwsBytesMessage;
import io.jmsaws.message.JmsAwsMapMessage;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.JmsAwsObjectMessage;
import io.jmsaws.message.JmsAwsStreamMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.message.MessageKind;
import io.jmsaws.message.TrustedPackages;
import io.jmsaws.telemetry.TraceContext;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * SQS body + message attributes → JMS message: the decoding half of {@link WireCodec}, whose
 * constants name the attributes. Lenient by design: what cannot be read as jms-aws's format arrives
 * as a plain message, never as an error that would stop a consumer.
 */
final class WireDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(WireDecoder.class);

    private WireDecoder() {
    }

    /**
     * Decodes a received SQS message. A message not written by jms-aws (a plain SQS producer, AWS's
     * JMS library) becomes a Text, Bytes or Object message by its {@code JMS_SQSMessageType}; a
     * malformed one still arrives, as a TextMessage of its raw body, never as an error that would
     * stop the consumer.
     */
    static JmsAwsMessage decode(Message sqs, JmsAwsDestination from, TrustedPackages trusted) throws JMSException {
        Map<String, MessageAttributeValue> attrs = sqs.messageAttributes();
        MessageAttributeValue headerAttr = attrs.get(HEADERS_ATTRIBUTE);
        JmsAwsMessage m;
        WireHeaders headers = null;
        if (headerAttr != null) {
            try {
                headers = WireHeaders.decode(headerAttr.stringValue());
                m = decodeBody(MessageKind.fromCode(headers.get(WireHeaders.KIND)), sqs.body(), headers.get(WireHeaders.BODY_ENCODING));
            } catch (RuntimeException | IOException e) {
                LOG.warn("message {} on {} has a malformed {} attribute ({}); delivering its raw body as a TextMessage",
                        sqs.messageId(), from, HEADERS_ATTRIBUTE, e.toString());
                headers = null;
                m = new JmsAwsTextMessage(sqs.body());
            }
        } else {
            m = decodeForeignBody(sqs, attrs.get(AWS_MESSAGE_TYPE), from);
        }
        if (m instanceof JmsAwsObjectMessage om) om.setTrustedPackages(trusted);

        Map<MessageSystemAttributeName, String> sys = sqs.attributes();
        if (headers != null) {
            try {
                applyHeaders(m, headers);
            } catch (RuntimeException e) {
                // header values no jms-aws writes (another client's bug, a hand-made message): deliver it all the same
                LOG.warn("message {} on {} has malformed header values in {} ({}); delivering it with SQS's own id and time",
                        sqs.messageId(), from, HEADERS_ATTRIBUTE, e.toString());
                headers = null;
            }
        }
        if (headers == null) {
            m.setJMSMessageID("ID:" + sqs.messageId());
            String sent = sys.get(MessageSystemAttributeName.SENT_TIMESTAMP);
            m.setJMSTimestamp(sent == null ? 0 : Long.parseLong(sent));
            m.setJMSDeliveryTime(m.getJMSTimestamp());
            MessageAttributeValue replyName = attrs.get(AWS_REPLY_TO_QUEUE_NAME);
            if (replyName != null) m.setJMSReplyTo(new JmsAwsQueue(replyName.stringValue()));
        }
        // the W3C context jms-aws wrote is authoritative; AWSTraceHeader continues traces of Lambda, SNS, EventBridge producers
        TraceContext trace = new TraceContext(headers == null ? null : headers.get(WireHeaders.TRACE_PARENT),
                headers == null ? null : headers.get(WireHeaders.TRACE_STATE), sys.get(MessageSystemAttributeName.AWS_TRACE_HEADER));
        if (!trace.isEmpty()) m.setTraceContext(trace);
        MessageAttributeValue corr = attrs.get(AWS_CORRELATION_ID);
        if (corr != null) m.setJMSCorrelationID(corr.stringValue());
        m.setJMSDestination(from);

        for (Map.Entry<String, MessageAttributeValue> e : attrs.entrySet()) {
            if (RESERVED_ATTRIBUTES.contains(e.getKey())) continue;
            m.setPropertyInternal(AttributeNames.decode(e.getKey()), propertyValue(e.getValue()));
        }
        MessageAttributeValue packed = attrs.get(PACKED_PROPERTIES_ATTRIBUTE);
        if (packed != null) {
            try {
                TypedValues.readMap(Base64.getDecoder().decode(packed.stringValue())).forEach(m::setPropertyInternal);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("message {} on {}: malformed {} attribute ({}); it is delivered as a String property",
                        sqs.messageId(), from, PACKED_PROPERTIES_ATTRIBUTE, e.toString());
                m.setPropertyInternal(PACKED_PROPERTIES_ATTRIBUTE, packed.stringValue());
            }
        }

        String receiveCount = sys.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        int count = receiveCount == null ? 1 : Integer.parseInt(receiveCount);
        m.setPropertyInternal(JMSX_DELIVERY_COUNT, count);
        m.setJMSRedelivered(count > 1);
        String group = sys.get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        if (group != null) m.setPropertyInternal(JMSX_GROUP_ID, group);
        String seq = sys.get(MessageSystemAttributeName.SEQUENCE_NUMBER);
        if (seq != null) m.setPropertyInternal(JMS_SQS_SEQUENCE_NUMBER, seq);
        String dedup = sys.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
        if (dedup != null) m.setPropertyInternal(JMS_SQS_DEDUPLICATION_ID, dedup);
        m.makeReadOnly();
        return m;
    }

    private static JmsAwsMessage decodeBody(MessageKind kind, String body, String encoding) throws IOException, JMSException {
        boolean isNull = BODY_NULL.equals(encoding);
        boolean isEmpty = BODY_EMPTY.equals(encoding);
        switch (kind) {
            case TEXT -> {
                if (isNull) return new JmsAwsTextMessage(null);
                if (isEmpty) return new JmsAwsTextMessage("");
                if (BODY_UTF16_BASE64.equals(encoding)) {
                    return new JmsAwsTextMessage(fromUtf16(Base64.getDecoder().decode(body)));
                }
                return new JmsAwsTextMessage(body);
            }
            case BYTES -> {
                JmsAwsBytesMessage m = new JmsAwsBytesMessage();
                m.setReceivedBody(isEmpty ? new byte[0] : Base64.getDecoder().decode(body));
                return m;
            }
            case OBJECT -> {
                JmsAwsObjectMessage m = new JmsAwsObjectMessage();
                m.setSerializedBody(isNull || isEmpty ? null : Base64.getDecoder().decode(body));
                return m;
            }
            case MAP -> {
                JmsAwsMapMessage m = new JmsAwsMapMessage();
                if (!isEmpty) TypedValues.readMap(Base64.getDecoder().decode(body)).forEach(m::putInternal);
                return m;
            }
            case STREAM -> {
                JmsAwsStreamMessage m = new JmsAwsStreamMessage();
                if (!isEmpty) {
                    List<Object> values = new ArrayList<>(TypedValues.readList(Base64.getDecoder().decode(body)));
                    values.forEach(m::addInternal);
                }
                return m;
            }
            default -> {
                return new JmsAwsMessage();
            }
        }
    }

    private static void applyHeaders(JmsAwsMessage m, WireHeaders headers) throws JMSException {
        m.setJMSMessageID(headers.get(WireHeaders.MESSAGE_ID));
        m.setJMSTimestamp(headers.getLong(WireHeaders.TIMESTAMP, 0));
        m.setJMSExpiration(headers.getLong(WireHeaders.EXPIRATION, 0));
        m.setJMSDeliveryTime(headers.getLong(WireHeaders.DELIVERY_TIME, m.getJMSTimestamp()));
        m.setJMSPriority((int) headers.getLong(WireHeaders.PRIORITY, jakarta.jms.Message.DEFAULT_PRIORITY));
        m.setJMSDeliveryMode((int) headers.getLong(WireHeaders.DELIVERY_MODE, DeliveryMode.PERSISTENT));
        m.setJMSType(headers.get(WireHeaders.TYPE));
        m.setJMSReplyTo(replyToFromCode(headers.get(WireHeaders.REPLY_TO)));
        m.setJMSCorrelationID(headers.get(WireHeaders.CORRELATION_ID));
        m.setOriginConnectionId(headers.get(WireHeaders.ORIGIN_CONNECTION));
        m.setOriginClientId(headers.get(WireHeaders.ORIGIN_CLIENT_ID));
    }

    private static JmsAwsMessage decodeForeignBody(Message sqs, MessageAttributeValue type, JmsAwsDestination from) {
        String t = type == null ? "text" : type.stringValue();
        try {
            if ("byte".equals(t)) {
                JmsAwsBytesMessage m = new JmsAwsBytesMessage();
                m.setReceivedBody(Base64.getDecoder().decode(sqs.body()));
                return m;
            }
            if ("object".equals(t)) {
                JmsAwsObjectMessage m = new JmsAwsObjectMessage();
                m.setSerializedBody(Base64.getDecoder().decode(sqs.body()));
                return m;
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("message {} on {} says {}={} but its body is not base64; delivering it as a TextMessage",
                    sqs.messageId(), from, AWS_MESSAGE_TYPE, t);
        }
        return new JmsAwsTextMessage(sqs.body());
    }

    private static Destination replyToFromCode(String code) {
        if (code == null) return null;
        int colon = code.indexOf(':');
        String kind = code.substring(0, colon);
        String name = code.substring(colon + 1);
        return switch (kind) {
            case "t" -> new JmsAwsTopic(name);
            case "tq" -> new JmsAwsTemporaryQueue(name, null); // owned by another connection, or by this one: see JmsAwsConnection.owns
            case "tt" -> new JmsAwsTemporaryTopic(name, null);
            default -> new JmsAwsQueue(name);
        };
    }

    /** A received attribute as a JMS property value, by its data type (AWS library names first). */
    private static Object propertyValue(MessageAttributeValue v) {
        String type = v.dataType();
        if (type.startsWith("Binary")) {
            return v.binaryValue() == null ? null : Base64.getEncoder().encodeToString(v.binaryValue().asByteArray());
        }
        String s = v.stringValue();
        if (!type.startsWith("Number")) return s;
        try {
            switch (type.toLowerCase()) {
                case "number.boolean": return "1".equals(s) || "true".equalsIgnoreCase(s);
                case "number.int": return Integer.valueOf(s);
                case "number.long": return Long.valueOf(s);
                case "number.short": return Short.valueOf(s);
                case "number.byte": return Byte.valueOf(s);
                case "number.double": return Double.valueOf(s);
                case "number.float": return Float.valueOf(s);
                default:
                    long l = Long.parseLong(s);
                    return l == (int) l ? (Object) (int) l : (Object) l;
            }
        } catch (NumberFormatException e) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e2) {
                return s;
            }
        }
    }

    /** UTF-16 code units as they are: the JDK's UTF-16 encoder would replace a lone surrogate with '?'. */
    static byte[] utf16(String s) {
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            b[2 * i] = (byte) (s.charAt(i) >> 8);
            b[2 * i + 1] = (byte) s.charAt(i);
        }
        return b;
    }

    private static String fromUtf16(byte[] b) {
        char[] c = new char[b.length / 2];
        for (int i = 0; i < c.length; i++) c[i] = (char) ((b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF);
        return new String(c);
    }
}
