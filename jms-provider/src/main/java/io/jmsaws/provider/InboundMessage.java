package io.jmsaws.provider;

import io.jmsaws.message.JmsAwsMessage;

/**
 * A received message, decoded: the JMS message and what settles it later.
 *
 * @param receiptHandle what deletes it or changes its visibility (valid for this receive only)
 * @param messageId     the service's id of the message (not the JMSMessageID)
 */
public record InboundMessage(String receiptHandle, String messageId, JmsAwsMessage message) {
}
