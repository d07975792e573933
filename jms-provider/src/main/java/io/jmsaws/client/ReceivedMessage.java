package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.transport.QueueInfo;

/** A received SQS message on its way to the application: where it came from, its receipt handle and lease. */
final class ReceivedMessage {
    final QueueInfo queue;
    final String receiptHandle;
    final String sqsMessageId;
    final JmsAwsMessage message;
    final VisibilityKeeper.Lease lease;

    ReceivedMessage(QueueInfo queue, String receiptHandle, String sqsMessageId, JmsAwsMessage message, VisibilityKeeper.Lease lease) {
        this.queue = queue;
        this.receiptHandle = receiptHandle;
        this.sqsMessageId = sqsMessageId;
        this.message = message;
        this.lease = lease;
    }
}
