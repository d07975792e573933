package io.jmsaws.wire;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/**
 * One encoded message, ready to become a SendMessage request or a batch entry.
 *
 * @param encodedSize the size SQS counts against MaximumMessageSize: body plus attribute names, types and values
 */
public record OutboundMessage(String body, Map<String, MessageAttributeValue> attributes, String groupId,
                              String deduplicationId, Integer delaySeconds, int encodedSize) implements io.jmsaws.provider.EncodedMessage {

    public SendMessageRequest toRequest(String queueUrl) {
        return SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).messageAttributes(attributes)
                .messageGroupId(groupId).messageDeduplicationId(deduplicationId).delaySeconds(delaySeconds).build();
    }

    public SendMessageBatchRequestEntry toBatchEntry(String id) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).messageAttributes(attributes)
                .messageGroupId(groupId).messageDeduplicationId(deduplicationId).delaySeconds(delaySeconds).build();
    }
}
