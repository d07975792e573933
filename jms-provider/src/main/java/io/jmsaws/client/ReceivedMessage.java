package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.QueueInfo;

/** A received message on its way to the application: where it came from, its receipt handle and lease. */
final class ReceivedMessage {
    final QueueInfo queue;
    final String receiptHandle;
    /** The service's id of the message (not the JMSMessageID), or null where unknown. */
    final String messageId;
    final JmsAwsMessage message;
    final VisibilityKeeper.Lease lease;

    ReceivedMessage(QueueInfo queue, String receiptHandle, String messageId, JmsAwsMessage message, VisibilityKeeper.Lease lease) {
        this.queue = queue;
        this.receiptHandle = receiptHandle;
        this.messageId = messageId;
        this.message = message;
        this.lease = lease;
    }
}
