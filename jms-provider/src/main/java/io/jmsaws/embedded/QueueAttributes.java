package io.jmsaws.embedded;

import io.jmsaws.limits.SqsLimits;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A queue's settable attributes, validated with SQS's rules and ranges. Immutable: a
 * SetQueueAttributes makes a new one.
 */
final class QueueAttributes {
    static final Set<String> SETTABLE = Set.of("VisibilityTimeout", "DelaySeconds", "MessageRetentionPeriod",
            "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "RedriveAllowPolicy", "Policy",
            "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    record Redrive(String deadLetterTargetArn, int maxReceiveCount) {
    }

    private final Map<String, String> values;
    private final Redrive redrive; // parsed once: it is read on every receive

    private QueueAttributes(Map<String, String> values) {
        this.values = values;
        String json = values.get("RedrivePolicy");
        this.redrive = json == null ? null : parseRedrive(json);
    }

    static QueueAttributes create(String queueName, Map<String, String> given) {
        boolean fifoName = queueName.endsWith(".fifo");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("VisibilityTimeout", "30");
        v.put("DelaySeconds", "0");
        v.put("MessageRetentionPeriod", "345600");
        v.put("MaximumMessageSize", Integer.toString(SqsLimits.DEFAULT_MAX_MESSAGE_SIZE)); // 1 MiB, as SQS since 2025
        v.put("ReceiveMessageWaitTimeSeconds", "0");
        v.put("SqsManagedSseEnabled", "true");
        if (fifoName) {
            v.put("FifoQueue", "true");
            v.put("ContentBasedDeduplication", "false");
            v.put("DeduplicationScope", "queue");
            v.put("FifoThroughputLimit", "perQueue");
        }
        QueueAttributes a = new QueueAttributes(v);
        String fifoGiven = given.get("FifoQueue");
        if (fifoName && !"true".equalsIgnoreCase(fifoGiven)) {
            throw SqsErrors.invalidParameter("The name of a FIFO queue can only include alphanumeric characters, hyphens, "
                    + "or underscores, must end with .fifo suffix and be 1 to 80 in length. FifoQueue=true is required for " + queueName);
        }
        if (!fifoName && fifoGiven != null) {
            throw SqsErrors.invalidParameter("The name of a FIFO queue must end with the .fifo suffix: " + queueName);
        }
        return a.with(given, fifoName);
    }

    QueueAttributes with(Map<String, String> changes, boolean fifo) {
        Map<String, String> v = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (!SETTABLE.contains(name)) throw SqsErrors.invalidAttributeName(name);
            switch (name) {
                case "VisibilityTimeout" -> range(name, value, 0, SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS);
                case "DelaySeconds" -> range(name, value, 0, SqsLimits.MAX_DELAY_SECONDS);
                case "MessageRetentionPeriod" -> range(name, value, 60, 1_209_600);
                case "MaximumMessageSize" -> range(name, value, 1024, SqsLimits.ABSOLUTE_MAX_MESSAGE_SIZE);
                case "ReceiveMessageWaitTimeSeconds" -> range(name, value, 0, SqsLimits.MAX_WAIT_TIME_SECONDS);
                case "RedrivePolicy" -> {
                    if (!value.isEmpty()) parseRedrive(value);
                }
                case "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit" -> {
                    if (!fifo) throw SqsErrors.generic("InvalidAttributeName", "Unknown Attribute " + name + ".");
                }
                default -> {
                }
            }
            if ("RedrivePolicy".equals(name) && value.isEmpty()) v.remove(name);
            else v.put(name, value);
        }
        String key = v.get("KmsMasterKeyId");
        if (key != null && !key.isEmpty()) {
            // SSE-KMS and SSE-SQS exclude each other: asking for a KMS key turns SQS's own keys off, asking for both is refused
            if ("true".equalsIgnoreCase(changes.get("SqsManagedSseEnabled"))) {
                throw SqsErrors.generic("InvalidAttributeName", "You can use one type of server-side encryption (SSE) at one time. "
                        + "You can either enable KMS SSE or SQS SSE.");
            }
            v.put("SqsManagedSseEnabled", "false");
            v.putIfAbsent("KmsDataKeyReusePeriodSeconds", "300");
        }
        return new QueueAttributes(v);
    }

    private static void range(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqsErrors.generic("InvalidAttributeValue", "Invalid value for the parameter " + name
                + ": " + value + " (allowed " + min + " to " + max + ")");
    }

    static Redrive parseRedrive(String json) {
        try {
            JsonNode node = JsonNode.parser().parse(json);
            String arn = node.field("deadLetterTargetArn").map(JsonNode::text).orElse(null);
            JsonNode countNode = node.field("maxReceiveCount").orElse(null);
            if (arn == null || countNode == null) throw new IllegalArgumentException("missing field");
            int count = Integer.parseInt(countNode.isString() ? countNode.asString() : countNode.asNumber());
            if (count < 1 || count > 1000) throw new IllegalArgumentException("maxReceiveCount out of range");
            return new Redrive(arn, count);
        } catch (RuntimeException e) {
            throw SqsErrors.generic("InvalidAttributeValue", "Value " + json + " for parameter RedrivePolicy is invalid. Reason: " + e.getMessage());
        }
    }

    int visibilityTimeout() {
        return Integer.parseInt(values.get("VisibilityTimeout"));
    }

    int delaySeconds() {
        return Integer.parseInt(values.get("DelaySeconds"));
    }

    int messageRetentionPeriod() {
        return Integer.parseInt(values.get("MessageRetentionPeriod"));
    }

    int maximumMessageSize() {
        return Integer.parseInt(values.get("MaximumMessageSize"));
    }

    int receiveMessageWaitTimeSeconds() {
        return Integer.parseInt(values.get("ReceiveMessageWaitTimeSeconds"));
    }

    boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(values.get("ContentBasedDeduplication"));
    }

    boolean dedupScopeIsGroup() {
        return "messageGroup".equals(values.get("DeduplicationScope"));
    }

    Redrive redrive() {
        return redrive;
    }

    /** Whether {@code given} asks for exactly what this queue has (CreateQueue on an existing queue). */
    boolean matches(Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            String mine = values.get(e.getKey());
            if (mine == null || !mine.equalsIgnoreCase(e.getValue())) return false;
        }
        return true;
    }

    Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }
}
