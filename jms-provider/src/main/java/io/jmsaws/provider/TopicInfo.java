package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsDestination;

/**
 * A resolved topic.
 *
 * @param arn            the topic's address at the service (its SNS topic ARN)
 * @param maxMessageSize the largest publish (and PublishBatch) the topic takes: its MaximumMessageSize, 256 KiB unless set
 */
public record TopicInfo(JmsAwsDestination topic, String arn, boolean fifo, String defaultGroupId, int maxMessageSize)
        implements ResolvedDestination {

    /** A topic of SNS's default size, 256 KiB. */
    public TopicInfo(JmsAwsDestination topic, String arn, boolean fifo, String defaultGroupId) {
        this(topic, arn, fifo, defaultGroupId, io.jmsaws.limits.SqsLimits.SNS_MAX_PUBLISH_BYTES);
    }

    /** Whether SNS's rules for topics above 256 KiB apply (100 subscriptions at most, SQS, Lambda and Firehose only). */
    public boolean large() {
        return maxMessageSize > io.jmsaws.limits.SqsLimits.SNS_MAX_PUBLISH_BYTES;
    }

    @Override
    public String serviceName() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    @Override
    public String toString() {
        return topic.toString();
    }
}
