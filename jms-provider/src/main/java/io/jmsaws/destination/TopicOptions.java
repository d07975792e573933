package io.jmsaws.destination;

import io.jmsaws.limits.SqsLimits;
import jakarta.jms.InvalidDestinationException;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creation options given in a topic name, {@code prices?maxMessageSize=1048576}: applied when the
 * provider creates the SNS topic and checked against an existing one, as queue options are.
 * Each maps to one SNS topic attribute.
 */
public final class TopicOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final TopicOptions NONE = new TopicOptions(Map.of());

    /** Option name → SNS topic attribute. */
    private static final Map<String, String> ATTRIBUTES = Map.of("maxMessageSize", "MaximumMessageSize",
            "fifoThroughputScope", "FifoThroughputScope", "kmsMasterKeyId", "KmsMasterKeyId");

    private final Map<String, String> attributes;

    private TopicOptions(Map<String, String> attributes) {
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    public static TopicOptions parse(String nameWithOptions) throws InvalidDestinationException {
        int q = nameWithOptions.indexOf('?');
        if (q < 0) return NONE;
        String topic = nameWithOptions.substring(0, q);
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : nameWithOptions.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8).trim();
            String attribute = ATTRIBUTES.get(key);
            if (attribute == null) {
                throw new InvalidDestinationException("topic '" + topic + "': unknown option '" + key + "'; the options are: "
                        + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES.keySet())));
            }
            out.put(attribute, check(topic, key, value));
        }
        return new TopicOptions(out);
    }

    private static String check(String topic, String key, String value) throws InvalidDestinationException {
        switch (key) {
            case "maxMessageSize" -> {
                int size;
                try {
                    size = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    size = -1;
                }
                if (size < 1024 || size > SqsLimits.ABSOLUTE_MAX_MESSAGE_SIZE) {
                    throw new InvalidDestinationException("topic '" + topic + "': maxMessageSize is a number of bytes from 1024 to "
                            + SqsLimits.ABSOLUTE_MAX_MESSAGE_SIZE + " (SNS's MaximumMessageSize), not '" + value + "'");
                }
                return Integer.toString(size);
            }
            case "fifoThroughputScope" -> {
                if (!topic.endsWith(".fifo")) {
                    throw new InvalidDestinationException("topic '" + topic + "': fifoThroughputScope is for FIFO topics (name ending .fifo)");
                }
                if (!value.equals("Topic") && !value.equals("MessageGroup")) {
                    throw new InvalidDestinationException("topic '" + topic + "': fifoThroughputScope is Topic or MessageGroup "
                            + "(high throughput per message group), not '" + value + "'");
                }
                return value;
            }
            default -> {
                if (value.isEmpty() || value.length() > 2048) {
                    throw new InvalidDestinationException("topic '" + topic + "': kmsMasterKeyId is a KMS key id, key ARN or alias/name, not '"
                            + value + "'");
                }
                return value;
            }
        }
    }

    /** SNS topic attribute → value, for CreateTopic. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The MaximumMessageSize asked for, or -1. */
    public int maxMessageSize() {
        String v = attributes.get("MaximumMessageSize");
        return v == null ? -1 : Integer.parseInt(v);
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
