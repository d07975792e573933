package io.jmsaws.aws;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.QueueOptions;
import jakarta.jms.InvalidDestinationException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the creation options of a queue name with the attributes the queue really has. An
 * attribute the server does not report (ElasticMQ leaves out MaximumMessageSize, for one) is not a
 * mismatch: it is said once per queue, at INFO, and the option is taken as it is.
 */
final class QueueOptionsCheck {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueueOptionsCheck.class);

    private QueueOptionsCheck() {
    }

    static void check(JmsAwsQueue queue, Map<String, String> attributes, String prefix) throws InvalidDestinationException {
        QueueOptions options = queue.options();
        if (options.isEmpty()) return;
        List<String> differences = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        options.values().forEach((option, wanted) -> {
            if (option.attribute() == null) return;
            String actual = attributes.get(option.attribute());
            if (actual == null) {
                unreported.add(option.attribute());
            } else if (!actual.equalsIgnoreCase(wanted)) {
                differences.add(option.key() + "=" + wanted + " but the queue has " + option.attribute() + "=" + actual);
            }
        });
        String dlq = options.get(QueueOptions.Option.DEAD_LETTER_QUEUE);
        if (dlq != null) {
            String count = options.get(QueueOptions.Option.MAX_RECEIVE_COUNT);
            String policy = attributes.get("RedrivePolicy");
            String actualArn = null;
            String actualCount = null;
            if (policy != null && !policy.isEmpty()) {
                JsonNode node = JsonNode.parser().parse(policy);
                actualArn = node.field("deadLetterTargetArn").map(JsonNode::text).orElse(null);
                actualCount = node.field("maxReceiveCount").map(n -> n.isString() ? n.asString() : n.asNumber()).orElse(null);
            }
            if (actualArn == null || !actualArn.endsWith(":" + prefix + dlq) || !count.equals(actualCount)) {
                differences.add("deadLetterQueue=" + dlq + "&maxReceiveCount=" + count + " but the queue has RedrivePolicy=" + policy);
            }
        }
        if (!unreported.isEmpty()) {
            LOG.info("{}: the server does not report {}; the queue's options {} could not be checked", queue, String.join(", ", unreported),
                    options);
        }
        if (!differences.isEmpty()) {
            throw new InvalidDestinationException(queue + " exists with other settings than its name asks for: "
                    + String.join("; ", differences) + ". Change the queue (SetQueueAttributes) or the options in the name.");
        }
    }
}
