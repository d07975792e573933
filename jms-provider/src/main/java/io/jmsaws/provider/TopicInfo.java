package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsDestination;

/**
 * A resolved topic.
 *
 * @param arn the topic's address at the service (its SNS topic ARN)
 */
public record TopicInfo(JmsAwsDestination topic, String arn, boolean fifo, String defaultGroupId) implements ResolvedDestination {

    @Override
    public String toString() {
        return topic.toString();
    }
}
