package io.jmsaws.wire;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.limits.SqsLimits;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
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
import jakarta.jms.MessageFormatException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JMS message ⇄ SQS body + message attributes.
 *
 * <p>Layout: headers SQS has no field for go into one attribute ({@link WireHeaders}); each property
 * becomes a typed attribute named and typed as AWS's amazon-sqs-java-messaging-lib does
 * ({@code Number.int}, {@code Number.Boolean} "1"/"0", …), so both libraries read each other's Text,
 * Bytes and Object messages. SQS carries at most ten attributes; properties beyond that budget, and
 * values an attribute cannot carry (empty strings, characters SQS rejects, NaN), are packed together
 * into one more attribute, {@code JMS_AWS_Props}, so nothing is ever dropped.
 */
public final class WireCodec {

    public static final String HEADERS_ATTRIBUTE = "JMS_AWS_Headers";
    public static final String PACKED_PROPERTIES_ATTRIBUTE = "JMS_AWS_Props";
    /** AWS library compatibility: the message type ("text", "byte", "object"). */
    public static final String AWS_MESSAGE_TYPE = "JMS_SQSMessageType";
    public static final String AWS_CORRELATION_ID = "JMS_SQSCorrelationID";
    public static final String AWS_REPLY_TO_QUEUE_NAME = "JMS_SQSReplyToQueueName";
    public static final String AWS_REPLY_TO_QUEUE_URL = "JMS_SQSReplyToQueueURL";

    public static final String JMSX_DELIVERY_COUNT = JmsAwsMessage.JMSX_DELIVERY_COUNT;
    public static final String JMSX_GROUP_ID = JmsAwsMessage.JMSX_GROUP_ID;
    public static final String JMS_SQS_DEDUPLICATION_ID = "JMS_SQS_DeduplicationId";
    public static final String JMS_SQS_SEQUENCE_NUMBER = "JMS_SQS_SequenceNumber";

    static final Set<String> RESERVED_ATTRIBUTES = Set.of(HEADERS_ATTRIBUTE, PACKED_PROPERTIES_ATTRIBUTE,
            AWS_MESSAGE_TYPE, AWS_CORRELATION_ID, AWS_REPLY_TO_QUEUE_NAME, AWS_REPLY_TO_QUEUE_URL);
    /** Properties the provider sets on receipt: never sent back out when a received message is forwarded. */
    static final Set<String> RECEIVE_ONLY_PROPERTIES = Set.of(JMSX_DELIVERY_COUNT, JMS_SQS_SEQUENCE_NUMBER);

    /** Body of messages whose real body is empty or absent: SQS rejects an empty body. */
    static final String PLACEHOLDER_BODY = " ";
    static final String BODY_NULL = "n";
    static final String BODY_EMPTY = "e";
    static final String BODY_UTF16_BASE64 = "u";

    static final String FIFO_GROUP_ID_CHARS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private WireCodec() {
    }

    // ------------------------------------------------------------------------------------ encode

    public static OutboundMessage encode(JmsAwsMessage m, SendTarget target) throws JMSException {
        WireHeaders headers = WireHeaders.empty()
                .put(WireHeaders.KIND, m.kind().code())
                .put(WireHeaders.MESSAGE_ID, m.getJMSMessageID())
                .put(WireHeaders.TIMESTAMP, m.getJMSTimestamp());
        if (m.getJMSExpiration() != 0) headers.put(WireHeaders.EXPIRATION, m.getJMSExpiration());
        if (m.getJMSDeliveryTime() > m.getJMSTimestamp()) headers.put(WireHeaders.DELIVERY_TIME, m.getJMSDeliveryTime());
        if (m.getJMSPriority() != jakarta.jms.Message.DEFAULT_PRIORITY) headers.put(WireHeaders.PRIORITY, m.getJMSPriority());
        if (m.getJMSDeliveryMode() != DeliveryMode.PERSISTENT) headers.put(WireHeaders.DELIVERY_MODE, m.getJMSDeliveryMode());
        headers.put(WireHeaders.TYPE, m.getJMSType());
        headers.put(WireHeaders.REPLY_TO, replyToCode(m.getJMSReplyTo()));
        headers.put(WireHeaders.ORIGIN_CONNECTION, m.originConnectionId());
        headers.put(WireHeaders.ORIGIN_CLIENT_ID, m.originClientId());
        TraceContext trace = m.traceContext();
        if (trace != null) headers.put(WireHeaders.TRACE_PARENT, trace.traceparent()).put(WireHeaders.TRACE_STATE, trace.tracestate());

        String body = encodeBody(m, headers);

        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        String correlationId = m.getJMSCorrelationID();
        if (correlationId != null) {
            if (!correlationId.isEmpty() && SqsLimits.firstInvalidCharacter(correlationId) < 0) {
                attributes.put(AWS_CORRELATION_ID, string(correlationId));
            } else {
                headers.put(WireHeaders.CORRELATION_ID, correlationId);
            }
        }
        if (m.kind() == MessageKind.BYTES) attributes.put(AWS_MESSAGE_TYPE, string("byte"));
        if (m.kind() == MessageKind.OBJECT) attributes.put(AWS_MESSAGE_TYPE, string("object"));
        attributes.put(HEADERS_ATTRIBUTE, string(headers.encode()));

        String groupId = null;
        String dedupId = null;
        Map<String, Object> props = new LinkedHashMap<>(m.properties());
        RECEIVE_ONLY_PROPERTIES.forEach(props::remove);
        if (target.fifo()) {
            Object g = props.remove(JMSX_GROUP_ID);
            groupId = g == null ? target.defaultGroupId() : g.toString();
            checkGroupId(groupId, target);
            Object d = props.remove(JMS_SQS_DEDUPLICATION_ID);
            if (d != null) {
                dedupId = d.toString();
            } else if (!target.contentBasedDeduplication()) {
                // derived from the message id, so that a retried send of this message is deduplicated
                dedupId = m.getJMSMessageID().startsWith("ID:") ? m.getJMSMessageID().substring(3) : m.getJMSMessageID();
            }
            checkDeduplicationId(dedupId, target);
        } else if (target.fairGroups() && props.get(JMSX_GROUP_ID) != null) {
            // a fair queue: SQS shares throughput between the groups; the order stays best-effort
            groupId = props.remove(JMSX_GROUP_ID).toString();
            checkGroupId(groupId, target);
        }
        encodeProperties(props, attributes, target);

        Integer delaySeconds = null;
        long delay = m.getJMSDeliveryTime() - m.getJMSTimestamp();
        if (target.delaySeconds() && delay > 0 && delay <= SqsLimits.MAX_DELAY_SECONDS * 1000L) {
            // rounded up: never early. Longer delays, and FIFO queues (no per-message delay), are
            // held back by the consumer through the delivery time in the headers.
            delaySeconds = (int) ((delay + 999) / 1000);
        }

        // X-Ray's header for Lambda and X-Ray: an SQS system attribute, outside the size and the ten attributes; SNS takes none
        String traceHeader = trace == null || target.topic() ? null : trace.awsTraceHeader();
        OutboundMessage out = new OutboundMessage(body, attributes, groupId, dedupId, delaySeconds, sizeOf(body, attributes), traceHeader);
        if (!target.offloading()) {
            try {
                checkSize(out, target);
            } catch (MessageFormatException tooLarge) {
                if (trace == null) throw tooLarge;
                // the trace fields must never be what makes a message too large: it goes without them
                m.setTraceContext(null);
                return encode(m, target);
            }
        }
        return out;
    }

    /** What SQS counts against MaximumMessageSize: the body plus attribute names, types and values. */
    public static int sizeOf(String body, Map<String, MessageAttributeValue> attributes) {
        int size = utf8Length(body);
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            size += utf8Length(e.getKey()) + utf8Length(e.getValue().dataType());
            size += e.getValue().stringValue() != null ? utf8Length(e.getValue().stringValue()) : e.getValue().binaryValue().asByteArray().length;
        }
        return size;
    }

    /** Refuses, before any request, a message its destination could not take. */
    public static void checkSize(OutboundMessage m, SendTarget target) throws MessageFormatException {
        int size = m.encodedSize();
        if (size > target.maxMessageSize()) {
            throw new MessageFormatException("the message is " + size + " bytes once encoded (body " + utf8Length(m.body())
                    + " bytes, attributes " + (size - utf8Length(m.body())) + " bytes), over the MaximumMessageSize of "
                    + target.displayName() + " (" + target.maxMessageSize() + " bytes); nothing was sent"
                    + (target.offloading() ? " (the body went to S3; the attributes alone are too large)" : ""));
        }
    }

    private static String encodeBody(JmsAwsMessage m, WireHeaders headers) throws JMSException {
        byte[] binary;
        switch (m.kind()) {
            case TEXT -> {
                String text = ((JmsAwsTextMessage) m).getText();
                if (text == null) return marked(headers, BODY_NULL);
                if (text.isEmpty()) return marked(headers, BODY_EMPTY);
                if (SqsLimits.firstInvalidCharacter(text) >= 0) {
                    // SQS rejects control characters and lone surrogates: carry the exact UTF-16 instead
                    headers.put(WireHeaders.BODY_ENCODING, BODY_UTF16_BASE64);
                    return Base64.getEncoder().encodeToString(WireDecoder.utf16(text));
                }
                return text;
            }
            case BYTES -> binary = ((JmsAwsBytesMessage) m).bodyBytes();
            case OBJECT -> {
                binary = ((JmsAwsObjectMessage) m).serializedBody();
                if (binary == null) return marked(headers, BODY_NULL);
            }
            case MAP -> binary = TypedValues.writeMap(((JmsAwsMapMessage) m).entries());
            case STREAM -> binary = TypedValues.writeList(((JmsAwsStreamMessage) m).values());
            default -> {
                return marked(headers, BODY_EMPTY);
            }
        }
        if (binary.length == 0) return marked(headers, BODY_EMPTY);
        return Base64.getEncoder().encodeToString(binary);
    }

    private static String marked(WireHeaders headers, String encoding) {
        headers.put(WireHeaders.BODY_ENCODING, encoding);
        return PLACEHOLDER_BODY;
    }

    private static void encodeProperties(Map<String, Object> props, Map<String, MessageAttributeValue> attributes,
                                         SendTarget target) throws JMSException {
        Map<String, Object> packed = new LinkedHashMap<>();
        Map<String, MessageAttributeValue> individual = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : props.entrySet()) {
            String name = AttributeNames.encode(e.getKey());
            MessageAttributeValue value = attributeValue(e.getValue());
            if (value == null || name.length() > SqsLimits.MAX_ATTRIBUTE_NAME_LENGTH || RESERVED_ATTRIBUTES.contains(name)) {
                packed.put(e.getKey(), e.getValue());
            } else {
                individual.put(name, value);
                // SNS filter policies compare numbers only within ±10⁹ and 5 decimals: a copy in the packed
                // attribute lets such a message through every compiled policy (FilterPolicyCompiler)
                if (target.snsFilters() && e.getValue() instanceof Number n && !SqsLimits.snsFilterComparable(n)) {
                    packed.put(e.getKey(), n);
                }
            }
        }
        // an offloading target keeps one attribute free for the payload's size attribute
        int budget = SqsLimits.MAX_MESSAGE_ATTRIBUTES - attributes.size() - (target.offloading() ? 1 : 0);
        boolean onlyShadows = packed.keySet().stream().allMatch(k -> individual.containsKey(AttributeNames.encode(k)));
        if (individual.size() + (packed.isEmpty() ? 0 : 1) <= budget && onlyShadows) {
            // every property keeps its own attribute (plus, if any, the packed copies of numbers SNS cannot compare)
            attributes.putAll(individual);
            if (!packed.isEmpty()) attributes.put(PACKED_PROPERTIES_ATTRIBUTE, packedValue(packed));
            return;
        }
        if (budget < 1) {
            throw new MessageFormatException("the message headers leave no SQS attribute for its properties on " + target.displayName());
        }
        // one slot goes to the packed attribute; the first properties set keep their own attributes
        int room = budget - 1;
        for (Map.Entry<String, MessageAttributeValue> e : individual.entrySet()) {
            String jmsName = AttributeNames.decode(e.getKey());
            if (room > 0) {
                attributes.put(e.getKey(), e.getValue());
                room--;
            } else {
                packed.put(jmsName, props.get(jmsName));
            }
        }
        attributes.put(PACKED_PROPERTIES_ATTRIBUTE, packedValue(packed));
    }

    private static MessageAttributeValue packedValue(Map<String, Object> packed) {
        return string(Base64.getEncoder().encodeToString(TypedValues.writeMap(packed)));
    }

    /** The attribute for a property value, or null when an attribute cannot carry it exactly. */
    private static MessageAttributeValue attributeValue(Object v) {
        if (v instanceof String s) {
            return s.isEmpty() || SqsLimits.firstInvalidCharacter(s) >= 0 ? null : string(s);
        }
        if (v instanceof Boolean b) return number("Number.Boolean", b ? "1" : "0");
        if (v instanceof Integer i) return number("Number.int", i.toString());
        if (v instanceof Long l) return number("Number.long", l.toString());
        if (v instanceof Short s) return number("Number.short", s.toString());
        if (v instanceof Byte b) return number("Number.byte", b.toString());
        if (v instanceof Double d) return plainDecimal(d.toString()) ? number("Number.double", d.toString()) : null;
        if (v instanceof Float f) return plainDecimal(f.toString()) ? number("Number.float", f.toString()) : null;
        return null; // null values: only the packed form can say "present but null"
    }

    /** SQS numbers are decimal strings; NaN, infinities and exponent notation go packed instead. */
    private static boolean plainDecimal(String s) {
        return !s.contains("E") && !s.contains("N") && !s.contains("I");
    }

    private static void checkGroupId(String groupId, SendTarget target) throws MessageFormatException {
        if (groupId.isEmpty() || groupId.length() > 128 || !groupId.chars().allMatch(WireCodec::isFifoIdChar)) {
            throw new MessageFormatException("JMSXGroupID '" + groupId + "' cannot be the MessageGroupId of "
                    + target.displayName() + ": it must be 1 to 128 characters of a-z, A-Z, 0-9 and punctuation");
        }
    }

    private static void checkDeduplicationId(String dedupId, SendTarget target) throws MessageFormatException {
        if (dedupId != null && (dedupId.isEmpty() || dedupId.length() > 128 || !dedupId.chars().allMatch(WireCodec::isFifoIdChar))) {
            throw new MessageFormatException("JMS_SQS_DeduplicationId '" + dedupId + "' is not valid for FIFO queue "
                    + target.displayName() + ": it must be 1 to 128 characters of a-z, A-Z, 0-9 and punctuation");
        }
    }

    private static boolean isFifoIdChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || FIFO_GROUP_ID_CHARS.indexOf(c) >= 0;
    }

    private static String replyToCode(Destination d) {
        if (d == null) return null;
        if (d instanceof JmsAwsTemporaryQueue tq) return "tq:" + tq.name();
        if (d instanceof JmsAwsTemporaryTopic tt) return "tt:" + tt.name();
        if (d instanceof JmsAwsDestination jd) return (jd.isTopic() ? "t:" : "q:") + jd.name();
        return null;
    }

    private static MessageAttributeValue string(String s) {
        return MessageAttributeValue.builder().dataType("String").stringValue(s).build();
    }

    private static MessageAttributeValue number(String type, String s) {
        return MessageAttributeValue.builder().dataType(type).stringValue(s).build();
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    /** See {@link WireDecoder#decode}. */
    public static JmsAwsMessage decode(Message sqs, JmsAwsDestination from, TrustedPackages trusted) throws JMSException {
        return WireDecoder.decode(sqs, from, trusted);
    }
}
