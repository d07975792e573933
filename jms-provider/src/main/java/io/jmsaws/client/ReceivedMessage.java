package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.QueueInfo;

/** A received message on its way to the application: where it came from, its receipt handle and lease. */
final class ReceivedMessage {
    final QueueInfo queue;
    final String receiptHandle;
    /** The service's id of the message (not the JMSMessageID), or null where unknown. */
    final String messageId;
    /** SQS's ApproximateReceiveCount at this receive (what its RedrivePolicy compares), before this JVM's corrections. */
    final int receiveCount;
    final JmsAwsMessage message;
    final VisibilityKeeper.Lease lease;

    ReceivedMessage(QueueInfo queue, String receiptHandle, String messageId, int receiveCount, JmsAwsMessage message,
                    VisibilityKeeper.Lease lease) {
        this.receiveCount = receiveCount;
        this.queue = queue;
        this.receiptHandle = receiptHandle;
        this.messageId = messageId;
        this.message = message;
        this.lease = lease;
    }
}
