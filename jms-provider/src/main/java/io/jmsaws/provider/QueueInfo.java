package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsQueue;

import java.util.Map;

/**
 * A resolved queue: its address and attributes, read once per connection.
 *
 * @param url        the queue's address at the service (its SQS queue URL)
 * @param attributes the attributes as the service reported them (a server may leave some out)
 * @param deadLetter its RedrivePolicy, or null when it has none
 */
public record QueueInfo(JmsAwsQueue queue, String url, boolean fifo, int maxMessageSize, int visibilityTimeout,
                        boolean contentBasedDeduplication, String defaultGroupId, Map<String, String> attributes,
                        DeadLetterRule deadLetter)
        implements ResolvedDestination {

    @Override
    public String serviceName() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return queue.toString();
    }
}
