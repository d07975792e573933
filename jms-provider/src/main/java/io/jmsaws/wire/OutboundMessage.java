package io.jmsaws.wire;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/**
 * One encoded message, ready to become a SendMessage request or a batch entry.
 *
 * @param encodedSize the size SQS counts against MaximumMessageSize: body plus attribute names, types and values
 * @param traceHeader X-Ray's trace header, sent as the {@code AWSTraceHeader} system attribute (SQS only), or null
 */
public record OutboundMessage(String body, Map<String, MessageAttributeValue> attributes, String groupId,
                              String deduplicationId, Integer delaySeconds, int encodedSize, String traceHeader)
        implements io.jmsaws.provider.EncodedMessage {

    private Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> systemAttributes() {
        return traceHeader == null ? null : Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(traceHeader).build());
    }

    public SendMessageRequest toRequest(String queueUrl) {
        return SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body).messageAttributes(attributes)
                .messageGroupId(groupId).messageDeduplicationId(deduplicationId).delaySeconds(delaySeconds)
                .messageSystemAttributes(systemAttributes()).build();
    }

    public SendMessageBatchRequestEntry toBatchEntry(String id) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).messageAttributes(attributes)
                .messageGroupId(groupId).messageDeduplicationId(deduplicationId).delaySeconds(delaySeconds)
                .messageSystemAttributes(systemAttributes()).build();
    }
}
