package io.jmsaws.wire;

/**
 * What the codec must know of the destination queue to encode for it.
 *
 * @param displayName               the JMS destination, for error messages
 * @param maxMessageSize            the queue's MaximumMessageSize
 * @param defaultGroupId            the MessageGroupId of FIFO messages without JMSXGroupID
 * @param contentBasedDeduplication the FIFO queue deduplicates by body, so no id need be sent
 */
public record SendTarget(String displayName, boolean fifo, int maxMessageSize, String defaultGroupId,
                         boolean contentBasedDeduplication) {
}
