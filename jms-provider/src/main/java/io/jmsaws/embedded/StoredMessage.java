package io.jmsaws.embedded;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;

/** One message in an embedded queue, with its delivery state. Guarded by its queue's lock. */
final class StoredMessage {
    final String id;
    final long seq;
    final String body;
    final Map<String, MessageAttributeValue> attributes;
    final long sentTimestamp;
    final String groupId;
    final String deduplicationId;
    final String sequenceNumber;
    final String md5OfBody;

    long visibleAt;
    int receiveCount;
    long firstReceiveTimestamp;
    long lastReceivedAt;
    String receiptHandle;

    StoredMessage(String id, long seq, String body, Map<String, MessageAttributeValue> attributes, long sentTimestamp,
                  String groupId, String deduplicationId, String sequenceNumber, String md5OfBody, long visibleAt) {
        this.id = id;
        this.seq = seq;
        this.body = body;
        this.attributes = attributes;
        this.sentTimestamp = sentTimestamp;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.md5OfBody = md5OfBody;
        this.visibleAt = visibleAt;
    }
}
