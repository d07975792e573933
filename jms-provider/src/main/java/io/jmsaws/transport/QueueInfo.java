package io.jmsaws.transport;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.wire.SendTarget;

import java.util.Map;

/**
 * A resolved queue: its URL and attributes, read once per connection.
 */
public record QueueInfo(JmsAwsQueue queue, String url, boolean fifo, int maxMessageSize, int visibilityTimeout,
                        boolean contentBasedDeduplication, String defaultGroupId, Map<String, String> attributes) {

    public SendTarget sendTarget() {
        return new SendTarget(queue.toString(), fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication);
    }

    @Override
    public String toString() {
        return queue.toString();
    }
}
