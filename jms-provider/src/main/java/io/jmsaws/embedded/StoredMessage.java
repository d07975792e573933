package io.jmsaws.embedded;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.Collection;
import java.util.LinkedHashMap;
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
    /** AWSTraceHeader, a system attribute given at send; or null. */
    String traceHeader;

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

    /** This message as a ReceiveMessage answer carries it: the system and message attributes the request asked for. */
    Message toSdk(ReceiveSpec spec, boolean fifo) {
        Map<String, String> sys = new LinkedHashMap<>();
        putIf(sys, spec, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(receiveCount));
        putIf(sys, spec, MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(sentTimestamp));
        putIf(sys, spec, MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, Long.toString(firstReceiveTimestamp));
        putIf(sys, spec, MessageSystemAttributeName.SENDER_ID, "000000000000");
        putIf(sys, spec, MessageSystemAttributeName.AWS_TRACE_HEADER, traceHeader);
        if (groupId != null) putIf(sys, spec, MessageSystemAttributeName.MESSAGE_GROUP_ID, groupId); // fair queues have it too
        if (fifo) {
            putIf(sys, spec, MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, deduplicationId);
            putIf(sys, spec, MessageSystemAttributeName.SEQUENCE_NUMBER, sequenceNumber);
        }
        Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (spec.messageAttributes().test(k)) attrs.put(k, v);
        });
        return Message.builder().messageId(id).receiptHandle(receiptHandle).body(body).md5OfBody(md5OfBody)
                .attributesWithStrings(sys).messageAttributes(attrs).build();
    }

    private static void putIf(Map<String, String> sys, ReceiveSpec spec, MessageSystemAttributeName name, String value) {
        if (value != null && spec.systemAttributes().test(name.toString())) sys.put(name.toString(), value);
    }

    /** GetQueueAttributes' three counts over a queue's messages. */
    static Map<String, String> approximateCounts(Collection<StoredMessage> messages, long now) {
        int visible = 0, inFlight = 0, delayed = 0;
        for (StoredMessage m : messages) {
            if (m.visibleAt <= now) visible++;
            else if (m.receiveCount > 0) inFlight++;
            else delayed++;
        }
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("ApproximateNumberOfMessages", Integer.toString(visible));
        counts.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlight));
        counts.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayed));
        return counts;
    }
}
