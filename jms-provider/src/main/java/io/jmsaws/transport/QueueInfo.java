package io.jmsaws.transport;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.wire.SendTarget;

/**
 * A resolved queue: its URL and the attributes the provider acts on, read once per connection.
 */
public record QueueInfo(JmsAwsQueue queue, String url, boolean fifo, int maxMessageSize, int visibilityTimeout,
                        boolean contentBasedDeduplication, String defaultGroupId) {

    public SendTarget sendTarget() {
        return new SendTarget(queue.toString(), fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication);
    }

    @Override
    public String toString() {
        return queue.toString();
    }
}
