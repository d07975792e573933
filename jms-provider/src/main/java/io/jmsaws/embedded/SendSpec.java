package io.jmsaws.embedded;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

import java.util.Map;

/**
 * One message sent to an embedded queue (by SendMessage, a batch entry, or an SNS delivery).
 *
 * @param traceHeader its {@code AWSTraceHeader} system attribute, the only one SQS takes on a send, or null
 */
record SendSpec(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds, String groupId, String deduplicationId,
                String traceHeader) {

    SendSpec(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds, String groupId, String deduplicationId) {
        this(body, attributes, delaySeconds, groupId, deduplicationId, null);
    }

    /** With the request's message system attributes: AWSTraceHeader, a String (SQS refuses any other type). */
    SendSpec traced(Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> system) {
        MessageSystemAttributeValue v = system == null ? null : system.get(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER);
        if (v == null) return this;
        if (!"String".equals(v.dataType()) || v.stringValue() == null) {
            throw SqsErrors.invalidParameter("The message system attribute AWSTraceHeader must be of type String");
        }
        return new SendSpec(body, attributes, delaySeconds, groupId, deduplicationId, v.stringValue());
    }
}
