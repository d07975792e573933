package io.jmsaws.aws;

import io.jmsaws.limits.SqsLimits;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.wire.OutboundMessage;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Publishes to SNS topics, with the same message attributes as on a queue: raw delivery hands them
 * on to the subscription queues unchanged.
 */
final class SnsPublisher {
    private final SnsAsyncClient sns;
    /** Registers a request among those the transport's close waits for. */
    private final UnaryOperator<CompletableFuture<String>> track;
    private final PublishBuffer batches;

    SnsPublisher(SnsAsyncClient sns, UnaryOperator<CompletableFuture<String>> track, PublishBuffer batches) {
        this.sns = sns;
        this.track = track;
        this.batches = batches;
    }

    /** An asynchronous publish to a standard topic, gathered with others into PublishBatch requests. */
    CompletableFuture<String> publishBatched(TopicInfo t, OutboundMessage m) {
        return batches.publish(t, m);
    }

    /** Sends the batches still gathering (closing). */
    void flushBatches() {
        batches.flushAll();
    }

    /** One Publish; the future holds SNS's message id. */
    CompletableFuture<String> publish(TopicInfo t, OutboundMessage m) {
        return track.apply(sns.publish(b -> b.topicArn(t.arn()).message(m.body()).messageAttributes(snsAttributes(m))
                .messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId())).thenApply(r -> r.messageId()));
    }

    /** Publishes messages in order, in PublishBatch requests of at most 10 entries and the topic's size, one after the other. */
    void publishAll(TopicInfo t, List<OutboundMessage> messages) throws JMSException {
        for (List<OutboundMessage> batch : OutboundBatches.cut(messages, t.maxMessageSize())) {
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < batch.size(); j++) entries.add(batchEntry(Integer.toString(j), batch.get(j)));
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                List<PublishBatchRequestEntry> request = entries;
                PublishBatchResponse r;
                try {
                    r = sns.publishBatch(b -> b.topicArn(t.arn()).publishBatchRequestEntries(request)).join();
                } catch (RuntimeException e) {
                    throw AwsErrors.toJms(e, "PublishBatch", t.toString());
                }
                if (r.failed().isEmpty()) break;
                var f = r.failed().get(0);
                if (attempt >= SqsTransport.ENTRY_ATTEMPTS || Boolean.TRUE.equals(f.senderFault())) {
                    throw new JMSException("PublishBatch on " + t + ": " + r.failed().size() + " messages failed (" + f.code() + ": "
                            + f.message() + "); the others were published", f.code());
                }
                Set<String> failedIds = new HashSet<>();
                r.failed().forEach(x -> failedIds.add(x.id()));
                entries = request.stream().filter(e -> failedIds.contains(e.id())).toList();
                SqsTransport.sleepBackoff(attempt);
            }
        }
    }

    /** One entry of a PublishBatch (group and deduplication ids are null on a standard topic, so not sent). */
    static PublishBatchRequestEntry batchEntry(String id, OutboundMessage m) {
        return PublishBatchRequestEntry.builder().id(id).message(m.body()).messageAttributes(snsAttributes(m))
                .messageGroupId(m.groupId()).messageDeduplicationId(m.deduplicationId()).build();
    }

    private static Map<String, MessageAttributeValue> snsAttributes(OutboundMessage m) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> out.put(k, MessageAttributeValue.builder()
                .dataType(v.dataType()).stringValue(v.stringValue()).binaryValue(v.binaryValue()).build()));
        return out;
    }
}
