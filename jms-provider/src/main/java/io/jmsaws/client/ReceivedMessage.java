package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.QueueInfo;

/** A received message on its way to the application: where it came from, its receipt handle and lease. */
final class ReceivedMessage {
    final QueueInfo queue;
    final String receiptHandle;
    final JmsAwsMessage message;
    final VisibilityKeeper.Lease lease;

    ReceivedMessage(QueueInfo queue, String receiptHandle, JmsAwsMessage message, VisibilityKeeper.Lease lease) {
        this.queue = queue;
        this.receiptHandle = receiptHandle;
        this.message = message;
        this.lease = lease;
    }
}
