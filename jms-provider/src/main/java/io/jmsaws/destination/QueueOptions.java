package io.jmsaws.destination;

import io.jmsaws.limits.SqsLimits;
import jakarta.jms.InvalidDestinationException;

import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creation options given in a queue name, {@code orders?deadLetterQueue=orders-dlq&maxReceiveCount=5}:
 * applied when the provider creates the queue, and checked against an existing queue (a
 * difference is an error, never silently ignored). Each option maps to one SQS queue attribute.
 */
public final class QueueOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Option name → SQS attribute, with the range SQS accepts. */
    public enum Option {
        VISIBILITY_TIMEOUT("visibilityTimeout", "VisibilityTimeout", 0, SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS),
        DELAY_SECONDS("delaySeconds", "DelaySeconds", 0, SqsLimits.MAX_DELAY_SECONDS),
        MESSAGE_RETENTION_PERIOD("messageRetentionPeriod", "MessageRetentionPeriod", 60, 1_209_600),
        MAX_MESSAGE_SIZE("maxMessageSize", "MaximumMessageSize", 1024, SqsLimits.ABSOLUTE_MAX_MESSAGE_SIZE),
        RECEIVE_WAIT_TIME_SECONDS("receiveWaitTimeSeconds", "ReceiveMessageWaitTimeSeconds", 0, SqsLimits.MAX_WAIT_TIME_SECONDS),
        CONTENT_BASED_DEDUPLICATION("contentBasedDeduplication", "ContentBasedDeduplication", 0, 0),
        FIFO_THROUGHPUT_LIMIT("fifoThroughputLimit", "FifoThroughputLimit", 0, 0),
        DEDUPLICATION_SCOPE("deduplicationScope", "DeduplicationScope", 0, 0),
        /** SSE-KMS: a key id, key ARN or alias ({@code alias/…}); SNS can deliver to the queue only if the key policy lets it. */
        KMS_MASTER_KEY_ID("kmsMasterKeyId", "KmsMasterKeyId", 0, 0),
        /** SSE-SQS: encryption with keys SQS owns (on by default for new queues since 2022). */
        SQS_MANAGED_SSE("sqsManagedSse", "SqsManagedSseEnabled", 0, 0),
        DEAD_LETTER_QUEUE("deadLetterQueue", null, 0, 0),
        MAX_RECEIVE_COUNT("maxReceiveCount", null, 1, 1000);

        final String key;
        final String attribute;
        final int min;
        final int max;

        Option(String key, String attribute, int min, int max) {
            this.key = key;
            this.attribute = attribute;
            this.min = min;
            this.max = max;
        }

        public String key() {
            return key;
        }

        /** The SQS queue attribute this option sets, or null for the two that make the RedrivePolicy. */
        public String attribute() {
            return attribute;
        }

        static Option byKey(String key, String queue) throws InvalidDestinationException {
            for (Option o : values()) if (o.key.equals(key)) return o;
            StringBuilder known = new StringBuilder();
            for (Option o : values()) known.append(known.length() == 0 ? "" : ", ").append(o.key);
            throw new InvalidDestinationException("queue '" + queue + "': unknown option '" + key + "'; the options are: " + known);
        }
    }

    public static final QueueOptions NONE = new QueueOptions(Map.of());

    private final Map<Option, String> values;

    private QueueOptions(Map<Option, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Splits {@code name?options} into the name and its options; a name without '?' has none. */
    public static String nameOf(String nameWithOptions) {
        int q = nameWithOptions.indexOf('?');
        return q < 0 ? nameWithOptions : nameWithOptions.substring(0, q);
    }

    public static QueueOptions parse(String nameWithOptions, boolean fifo) throws InvalidDestinationException {
        int q = nameWithOptions.indexOf('?');
        if (q < 0) return NONE;
        String queue = nameWithOptions.substring(0, q);
        Map<Option, String> values = new LinkedHashMap<>();
        for (String pair : nameWithOptions.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new InvalidDestinationException("queue '" + queue + "': option '" + pair + "' has no value");
            Option o = Option.byKey(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), queue);
            String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim();
            values.put(o, check(o, v, queue, fifo));
        }
        if (values.containsKey(Option.DEAD_LETTER_QUEUE) != values.containsKey(Option.MAX_RECEIVE_COUNT)) {
            throw new InvalidDestinationException("queue '" + queue + "': deadLetterQueue and maxReceiveCount go together "
                    + "(after maxReceiveCount receives a message moves to the dead-letter queue)");
        }
        if (values.containsKey(Option.KMS_MASTER_KEY_ID) && "true".equals(values.get(Option.SQS_MANAGED_SSE))) {
            throw new InvalidDestinationException("queue '" + queue + "': kmsMasterKeyId (SSE-KMS) and sqsManagedSse=true (SSE-SQS) "
                    + "exclude each other: a queue has one kind of server-side encryption");
        }
        String dlq = values.get(Option.DEAD_LETTER_QUEUE);
        if (dlq != null && dlq.endsWith(".fifo") != fifo) {
            throw new InvalidDestinationException("queue '" + queue + "': its dead-letter queue '" + dlq + "' must be "
                    + (fifo ? "a FIFO queue too (name it " + dlq + ".fifo)" : "a standard queue (no .fifo suffix)"));
        }
        return new QueueOptions(values);
    }

    private static String check(Option o, String v, String queue, boolean fifo) throws InvalidDestinationException {
        switch (o) {
            case CONTENT_BASED_DEDUPLICATION -> {
                if (!v.equals("true") && !v.equals("false")) throw bad(o, v, queue, "true or false");
                if (!fifo) throw bad(o, v, queue, "set only on FIFO queues");
            }
            case FIFO_THROUGHPUT_LIMIT -> {
                if (!v.equals("perQueue") && !v.equals("perMessageGroupId")) throw bad(o, v, queue, "perQueue or perMessageGroupId");
                if (!fifo) throw bad(o, v, queue, "set only on FIFO queues");
            }
            case DEDUPLICATION_SCOPE -> {
                if (!v.equals("queue") && !v.equals("messageGroup")) throw bad(o, v, queue, "queue or messageGroup");
                if (!fifo) throw bad(o, v, queue, "set only on FIFO queues");
            }
            case DEAD_LETTER_QUEUE -> {
                if (!SqsLimits.isValidQueueName(v)) throw bad(o, v, queue, "a valid SQS queue name");
            }
            case KMS_MASTER_KEY_ID -> {
                if (v.isEmpty() || v.length() > 2048) throw bad(o, v, queue, "a KMS key id, key ARN or alias/name (1 to 2048 characters)");
            }
            case SQS_MANAGED_SSE -> {
                if (!v.equals("true") && !v.equals("false")) throw bad(o, v, queue, "true or false");
            }
            default -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < o.min || n > o.max) throw bad(o, v, queue, "a whole number from " + o.min + " to " + o.max);
                } catch (NumberFormatException e) {
                    throw bad(o, v, queue, "a whole number from " + o.min + " to " + o.max);
                }
            }
        }
        return v;
    }

    private static InvalidDestinationException bad(Option o, String v, String queue, String allowed) {
        return new InvalidDestinationException("queue '" + queue + "': option " + o.key + "=" + v + " is not valid: " + allowed);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String get(Option o) {
        return values.get(o);
    }

    public Map<Option, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueOptions other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "?" : "&").append(k.key).append('=').append(v));
        return sb.toString();
    }
}
