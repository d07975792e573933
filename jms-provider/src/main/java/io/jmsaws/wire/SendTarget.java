package io.jmsaws.wire;

/**
 * What the codec must know of the destination queue to encode for it.
 *
 * @param displayName               the JMS destination, for error messages
 * @param maxMessageSize            the queue's MaximumMessageSize
 * @param defaultGroupId            the MessageGroupId of FIFO messages without JMSXGroupID
 * @param contentBasedDeduplication the FIFO queue deduplicates by body, so no id need be sent
 * @param delaySeconds              the destination takes a per-message DelaySeconds (standard queues; not FIFO, not SNS)
 * @param snsFilters                subscriptions may filter the messages (SNS): numbers SNS cannot compare are also packed
 * @param fairGroups                a standard destination whose messages carry JMSXGroupID as MessageGroupId (fair queues)
 * @param offloading                bodies may go to S3: one attribute stays free for the size attribute, and the size is
 *                                  checked after the offload decision ({@link WireCodec#checkSize})
 */
public record SendTarget(String displayName, boolean fifo, int maxMessageSize, String defaultGroupId,
                         boolean contentBasedDeduplication, boolean delaySeconds, boolean snsFilters, boolean fairGroups,
                         boolean offloading) {

    public SendTarget(String displayName, boolean fifo, int maxMessageSize, String defaultGroupId,
                      boolean contentBasedDeduplication, boolean delaySeconds, boolean snsFilters) {
        this(displayName, fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication, delaySeconds, snsFilters, false, false);
    }

    /** This target, with JMSXGroupID sent as MessageGroupId when it is a standard one and {@code fair} is on. */
    public SendTarget fair(boolean fair) {
        return new SendTarget(displayName, fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication, delaySeconds, snsFilters,
                fair && !fifo, offloading);
    }

    /** This target, for a connection that offloads bodies to S3. */
    public SendTarget offloading(boolean offload) {
        return new SendTarget(displayName, fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication, delaySeconds, snsFilters,
                fairGroups, offload);
    }

    /** What the codec must know of a resolved queue. */
    public static SendTarget of(io.jmsaws.provider.QueueInfo q) {
        return new SendTarget(q.queue().toString(), q.fifo(), q.maxMessageSize(), q.defaultGroupId(), q.contentBasedDeduplication());
    }

    /** What the codec must know of a resolved topic: SNS's publish limit, no per-message delay, subscriptions may filter. */
    public static SendTarget of(io.jmsaws.provider.TopicInfo t) {
        return new SendTarget(t.topic().toString(), t.fifo(), t.maxMessageSize(), t.defaultGroupId(),
                false, false, true);
    }

    /** An SNS topic (only topics' subscriptions filter): Publish takes no message system attributes. */
    public boolean topic() {
        return snsFilters;
    }

    /** An SQS queue: DelaySeconds where the queue type has it, no SNS filter policies. */
    public SendTarget(String displayName, boolean fifo, int maxMessageSize, String defaultGroupId, boolean contentBasedDeduplication) {
        this(displayName, fifo, maxMessageSize, defaultGroupId, contentBasedDeduplication, !fifo, false);
    }
}
