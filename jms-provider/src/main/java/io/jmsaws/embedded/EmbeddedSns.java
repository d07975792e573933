package io.jmsaws.embedded;

import io.jmsaws.limits.SqsLimits;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SNS of one embedded instance: topics (standard and FIFO) fanning out to the instance's SQS
 * queues, with raw delivery or SNS's JSON envelope, and filter policies. Like AWS, a queue gets
 * nothing unless its access Policy lets SNS send to it, and a raw-delivery message with more than
 * 10 attributes is discarded (SQS could not take it) without any error to the publisher.
 */
public final class EmbeddedSns {
    public static final int MAX_PUBLISH_BYTES = SqsLimits.SNS_MAX_PUBLISH_BYTES;

    final EmbeddedSqs sqs;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicLong discarded = new AtomicLong();

    static final class Topic {
        final String name;
        final String arn;
        final boolean fifo;
        final Map<String, String> attributes;
        final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
        final Map<String, Long> dedup = new HashMap<>();

        Topic(String name, String arn, Map<String, String> attributes) {
            this.name = name;
            this.arn = arn;
            this.fifo = name.endsWith(".fifo");
            this.attributes = new ConcurrentHashMap<>(attributes);
        }

        /** MaximumMessageSize: 256 KiB unless the topic was created with another. */
        int maxMessageSize() {
            String v = attributes.get("MaximumMessageSize");
            return v == null ? MAX_PUBLISH_BYTES : Integer.parseInt(v);
        }
    }

    static final class Subscription {
        final String arn;
        final String topicArn;
        final String endpoint;
        final Map<String, String> attributes = new ConcurrentHashMap<>();
        volatile FilterPolicy filter;

        Subscription(String arn, String topicArn, String endpoint) {
            this.arn = arn;
            this.topicArn = topicArn;
            this.endpoint = endpoint;
        }

        boolean raw() {
            return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
        }
    }

    /** A message being published: its attributes as SNS has them, name → [type, value]. */
    record Publication(String message, Map<String, String[]> attributes, Map<String, MessageAttributeValue> sqsAttributes,
                       String groupId, String deduplicationId) {
    }

    EmbeddedSns(EmbeddedSqs sqs) {
        this.sqs = sqs;
    }

    /** Messages discarded on their way to a subscription (too many attributes for raw delivery, no queue policy). */
    public long discardedDeliveries() {
        return discarded.get();
    }

    void reset() {
        topics.clear();
        discarded.set(0);
    }

    String arnOf(String name) {
        return "arn:aws:sns:" + EmbeddedSqs.REGION + ":" + EmbeddedSqs.ACCOUNT_ID + ":" + name;
    }

    synchronized Topic create(String name, Map<String, String> attributes) {
        boolean fifoName = name.endsWith(".fifo");
        String base = fifoName ? name.substring(0, name.length() - 5) : name;
        if (base.isEmpty() || name.length() > 256 || !base.matches("[A-Za-z0-9_-]+")) {
            throw SnsErrors.invalidParameter("Topic Name: topic names must be made up of only uppercase and lowercase ASCII letters, "
                    + "numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
        }
        if (fifoName != "true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsErrors.invalidParameter("Topic Name: a FIFO topic's name must end with .fifo and it needs FifoTopic=true");
        }
        String size = attributes.get("MaximumMessageSize");
        if (size != null && !(size.matches("\\d{4,7}") && Integer.parseInt(size) >= 1024 && Integer.parseInt(size) <= SqsLimits.ABSOLUTE_MAX_MESSAGE_SIZE)) {
            throw SnsErrors.invalidParameter("Attributes: MaximumMessageSize must be an integer from 1024 to 1048576, not " + size);
        }
        Topic existing = topics.get(name);
        if (existing != null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getValue().equalsIgnoreCase(existing.attributes.getOrDefault(e.getKey(), ""))) {
                    throw SnsErrors.invalidParameter("Attributes: Topic already exists with different attributes");
                }
            }
            return existing;
        }
        Topic t = new Topic(name, arnOf(name), attributes);
        topics.put(name, t);
        return t;
    }

    Topic byArn(String arn) {
        if (arn != null) {
            Topic t = topics.get(arn.substring(arn.lastIndexOf(':') + 1));
            if (t != null && t.arn.equals(arn)) return t;
        }
        throw SnsErrors.notFound("Topic " + arn);
    }

    void delete(String arn) {
        topics.values().removeIf(t -> t.arn.equals(arn));
    }

    List<Topic> topics() {
        return new ArrayList<>(topics.values());
    }

    Subscription subscribe(Topic t, String protocol, String endpoint, Map<String, String> attributes) {
        if (!"sqs".equals(protocol)) throw SnsErrors.invalidParameter("Protocol: the embedded SNS delivers to SQS queues only, not " + protocol);
        if (endpoint == null || !endpoint.startsWith("arn:aws:sqs:")) {
            throw SnsErrors.invalidParameter("SQS endpoint ARN: an SQS subscription takes the queue ARN, not " + endpoint);
        }
        synchronized (t) {
            for (Subscription s : t.subscriptions.values()) {
                if (s.endpoint.equals(endpoint)) {
                    applyAttributes(s, attributes);
                    return s;
                }
            }
            if (t.maxMessageSize() > MAX_PUBLISH_BYTES && t.subscriptions.size() >= SqsLimits.SNS_LARGE_TOPIC_MAX_SUBSCRIPTIONS) {
                // AWS: a topic whose MaximumMessageSize is above 256 KiB takes at most 100 subscriptions
                throw SnsErrors.invalidParameter("Invalid parameter: the topic's MaximumMessageSize is above 262144 bytes: it supports at most "
                        + SqsLimits.SNS_LARGE_TOPIC_MAX_SUBSCRIPTIONS + " subscriptions");
            }
            Subscription s = new Subscription(t.arn + ":" + UUID.randomUUID(), t.arn, endpoint);
            applyAttributes(s, attributes);
            t.subscriptions.put(s.arn, s);
            return s;
        }
    }

    void applyAttributes(Subscription s, Map<String, String> attributes) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            switch (e.getKey()) {
                case "FilterPolicy" -> {
                    s.filter = e.getValue() == null || e.getValue().isEmpty() ? null : FilterPolicy.parse(e.getValue());
                    s.attributes.put(e.getKey(), e.getValue());
                }
                case "RawMessageDelivery", "FilterPolicyScope", "RedrivePolicy" -> s.attributes.put(e.getKey(), e.getValue());
                default -> throw SnsErrors.invalidParameter("AttributeName: unknown subscription attribute " + e.getKey());
            }
        }
    }

    Subscription subscriptionByArn(String arn) {
        for (Topic t : topics.values()) {
            Subscription s = t.subscriptions.get(arn);
            if (s != null) return s;
        }
        throw SnsErrors.notFound("Subscription " + arn);
    }

    void unsubscribe(String arn) {
        for (Topic t : topics.values()) t.subscriptions.remove(arn);
    }

    /** Publishes to every subscription whose filter passes; returns the message id (and sequence number for FIFO). */
    String[] publish(Topic t, Publication p) {
        int size = p.message().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String[]> a : p.attributes().entrySet()) size += a.getKey().length() + a.getValue()[0].length() + a.getValue()[1].length();
        if (size > t.maxMessageSize()) {
            throw SnsErrors.invalidParameter("Message too long: " + size + " bytes, the limit is " + t.maxMessageSize());
        }
        String dedupId = null;
        if (t.fifo) {
            if (p.groupId() == null) throw SnsErrors.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
            dedupId = p.deduplicationId() != null ? p.deduplicationId()
                    : "true".equalsIgnoreCase(t.attributes.get("ContentBasedDeduplication")) ? Hashes.sha256Hex(p.message()) : null;
            if (dedupId == null) {
                throw SnsErrors.invalidParameter("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }
            long now = System.currentTimeMillis();
            synchronized (t.dedup) {
                t.dedup.values().removeIf(expiry -> expiry <= now);
                if (t.dedup.putIfAbsent(dedupId, now + SqsLimits.DEDUPLICATION_WINDOW_MILLIS) != null) {
                    return new String[]{UUID.randomUUID().toString(), null}; // a duplicate: accepted, not delivered
                }
            }
        } else if (p.groupId() != null && p.deduplicationId() != null) {
            throw SnsErrors.invalidParameter("MessageDeduplicationId is only for FIFO topics");
        }
        String id = UUID.randomUUID().toString();
        for (Subscription s : t.subscriptions.values()) deliver(t, s, p, id, dedupId);
        return new String[]{id, t.fifo ? String.format("%020d", sqs.nextSequenceNumber()) : null};
    }

    private void deliver(Topic t, Subscription s, Publication p, String id, String dedupId) {
        if (s.filter != null && !s.filter.matches(p.attributes())) return;
        EmbeddedQueue q = sqs.queueByArn(s.endpoint);
        if (q == null || !allowsSns(q, t.arn)) {
            discarded.incrementAndGet(); // AWS: the delivery fails, the publisher is not told
            return;
        }
        String body;
        Map<String, MessageAttributeValue> attrs;
        if (s.raw()) {
            if (p.sqsAttributes().size() > SqsLimits.MAX_MESSAGE_ATTRIBUTES) {
                discarded.incrementAndGet(); // AWS discards it: SQS would refuse more than 10 attributes
                return;
            }
            body = p.message();
            attrs = p.sqsAttributes();
        } else {
            body = envelope(t, p, id);
            attrs = Map.of();
        }
        try {
            // a standard topic passes a MessageGroupId on too (since July 2025): fair queues among its subscribers
            q.send(new SendSpec(body, attrs, null, p.groupId(), q.fifo ? dedupId : null));
        } catch (RuntimeException e) {
            discarded.incrementAndGet();
        }
    }

    /** The queue's access Policy must let sns.amazonaws.com send, for this topic or any. */
    private static boolean allowsSns(EmbeddedQueue q, String topicArn) {
        String policy = q.attributes().asMap().get("Policy");
        return policy != null && policy.contains("sns.amazonaws.com") && policy.contains("sqs:SendMessage")
                && (policy.contains(topicArn) || !policy.contains("aws:SourceArn"));
    }

    private static String envelope(Topic t, Publication p, String id) {
        StringBuilder sb = new StringBuilder("{\"Type\":\"Notification\",\"MessageId\":\"").append(id)
                .append("\",\"TopicArn\":\"").append(t.arn).append("\",\"Message\":").append(json(p.message()))
                .append(",\"Timestamp\":\"").append(Instant.now()).append("\",\"MessageAttributes\":{");
        String sep = "";
        for (Map.Entry<String, String[]> a : p.attributes().entrySet()) {
            sb.append(sep).append(json(a.getKey())).append(":{\"Type\":").append(json(a.getValue()[0])).append(",\"Value\":")
                    .append(json(a.getValue()[1])).append('}');
            sep = ",";
        }
        return sb.append("}}").toString();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** SNS attribute → the SQS attribute a raw delivery carries (same name and type). */
    static MessageAttributeValue toSqs(String type, String stringValue, SdkBytes binary) {
        MessageAttributeValue.Builder b = MessageAttributeValue.builder().dataType(type);
        return type.startsWith("Binary") ? b.binaryValue(binary).build() : b.stringValue(stringValue).build();
    }

    static String binaryAsText(SdkBytes b) {
        return Base64.getEncoder().encodeToString(b.asByteArray());
    }

    static Map<String, String[]> view(Map<String, MessageAttributeValue> sqsAttributes) {
        Map<String, String[]> v = new LinkedHashMap<>();
        sqsAttributes.forEach((k, a) -> v.put(k, new String[]{a.dataType(),
                a.stringValue() != null ? a.stringValue() : binaryAsText(a.binaryValue())}));
        return v;
    }
}
