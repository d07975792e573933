package io.jmsaws.embedded;

import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;

/** One message sent to an embedded queue (by SendMessage, a batch entry, or an SNS delivery). */
record SendSpec(String body, Map<String, MessageAttributeValue> attributes, Integer delaySeconds, String groupId, String deduplicationId) {
}
