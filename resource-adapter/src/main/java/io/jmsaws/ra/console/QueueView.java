package io.jmsaws.ra.console;

import io.jmsaws.admin.QueueSummary;

import java.util.List;

/** One queue, as the MXBean shows it (a JMX composite: getters only). */
public final class QueueView {
    private final QueueSummary summary;
    private final int peeks;

    QueueView(QueueSummary summary, int peeks) {
        this.summary = summary;
        this.peeks = peeks;
    }

    public String getName() { return summary.name(); }
    public String getUrl() { return summary.url(); }
    public boolean isFifo() { return summary.fifo(); }
    /** ApproximateNumberOfMessages, -1 when the server does not report it. */
    public long getVisible() { return summary.visible(); }
    /** ApproximateNumberOfMessagesNotVisible: received and not yet deleted or released. */
    public long getInFlight() { return summary.inFlight(); }
    /** ApproximateNumberOfMessagesDelayed. */
    public long getDelayed() { return summary.delayed(); }
    /** Its dead-letter queue, or the empty string. */
    public String getDeadLetterQueue() { return summary.deadLetter() == null ? "" : summary.deadLetter().queueName(); }
    /** The receive count at which SQS moves a message to the DLQ, 0 without a redrive policy. */
    public int getMaxReceiveCount() { return summary.deadLetter() == null ? 0 : summary.deadLetter().maxReceiveCount(); }
    /** The queues whose dead letters this queue holds. */
    public List<String> getDeadLetterFor() { return summary.deadLetterFor(); }
    /** How often this console peeked at the queue since the adapter started (each peek raised receive counts). */
    public int getPeeks() { return peeks; }
}
