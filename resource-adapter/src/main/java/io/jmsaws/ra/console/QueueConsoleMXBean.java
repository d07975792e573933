package io.jmsaws.ra.console;

import java.util.List;

/**
 * What the operator console (and any JMX client, such as an application server's console or
 * jconsole) can see and do with the adapter's queues. Failures come as
 * {@link IllegalArgumentException} (a queue that does not exist, bad input) or
 * {@link IllegalStateException} (SQS refused; the message says why).
 */
public interface QueueConsoleMXBean {
    /** The connection URL the adapter uses, without credentials. */
    String getBackend();

    /** Every queue of the adapter's queue prefix, with its counts, dead-letter rule and the queues it is the DLQ of. */
    List<QueueView> getQueues();

    /**
     * Up to {@code max} (1–100) messages of a queue, decoded as JMS messages. SQS has no peek: each
     * shown message was received and released, which raised its receive count by one (on a queue
     * with a redrive policy a peek can thus move a message to its DLQ).
     */
    List<MessageView> peek(String queue, int max);

    /** Moves every message of a dead-letter queue back to its source queue; returns how many moved. */
    long redriveAll(String deadLetterQueue);

    /** Moves the messages with these JMSMessageIDs from a dead-letter queue back to its source queue; returns how many moved. */
    long redrive(String deadLetterQueue, String[] messageIds);

    /**
     * Deletes every message of a queue (PurgeQueue). SQS allows one purge per queue every 60
     * seconds and may take up to 60 seconds to finish; a second purge within 60 s is refused here.
     */
    void purge(String queue);
}
