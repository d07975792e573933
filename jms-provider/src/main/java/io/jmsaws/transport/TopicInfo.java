package io.jmsaws.transport;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.wire.SendTarget;

/** A resolved SNS topic. */
public record TopicInfo(JmsAwsDestination topic, String arn, boolean fifo, String defaultGroupId) {
    /** SNS Publish takes at most 256 KiB, and has no per-message delay. */
    public static final int MAX_PUBLISH_BYTES = 262_144;

    public SendTarget sendTarget() {
        return new SendTarget(topic.toString(), fifo, MAX_PUBLISH_BYTES, defaultGroupId, false, false, true);
    }

    @Override
    public String toString() {
        return topic.toString();
    }
}
