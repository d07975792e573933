package io.jmsaws.client;

import io.jmsaws.policy.RedeliveryPolicy;
import io.jmsaws.provider.DeadLetterRule;
import io.jmsaws.message.JmsAwsMessage;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's messages delivered to the application and not yet acknowledged, and what becomes of
 * them: AUTO/DUPS_OK delete each when its delivery ends (a batched delete), CLIENT deletes them all
 * on acknowledge(), a transaction at commit; recover(), rollback and a listener that threw give
 * them back for redelivery after the redelivery delay. On a FIFO queue the messages of their
 * groups the session's consumers hold unseen go back too, so that none overtakes a redelivered one.
 */
final class DeliveryLedger {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);

    /** Where the FIFO pull-back finds the messages a session's consumers hold unseen. */
    interface BufferedMessages {
        /** Removes and returns the messages of {@code group} of the queue that the consumers hold unseen. */
        List<ReceivedMessage> takeBufferedOfGroup(io.jmsaws.provider.QueueInfo queue, String group);
    }

    private final int mode;
    private final Settlement settlement;
    private final RedeliveryPolicy redeliveryPolicy;
    private final BufferedMessages buffered;
    private final JmsAwsMessage.Acknowledger acknowledger;
    private final List<ReceivedMessage> unacked = new ArrayList<>();

    DeliveryLedger(int mode, Settlement settlement, RedeliveryPolicy redeliveryPolicy, BufferedMessages buffered,
                   JmsAwsMessage.Acknowledger acknowledger) {
        this.mode = mode;
        this.settlement = settlement;
        this.redeliveryPolicy = redeliveryPolicy;
        this.buffered = buffered;
        this.acknowledger = acknowledger;
    }

    /** AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE: each delivery is acknowledged when it ends. */
    boolean autoAcknowledges() {
        return mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE;
    }

    /** Records a message handed to the application; AUTO/DUPS_OK acknowledge it when the delivery ends. */
    void delivered(ReceivedMessage r) {
        if (mode == Session.CLIENT_ACKNOWLEDGE) r.message.setAcknowledger(acknowledger);
        r.message.setOutlookIfGivenBack(() -> afterGivingBack(r)); // for the resource adapter's log line of a failed MDB delivery
        synchronized (unacked) {
            unacked.add(r);
        }
    }

    /** AUTO_ACKNOWLEDGE and DUPS_OK: the delivery ended normally, delete the message (batched). */
    void deliveryCompleted(ReceivedMessage r) {
        if (!autoAcknowledges()) return;
        synchronized (unacked) {
            if (!unacked.remove(r)) return; // recovered inside the listener
        }
        settlement.delete(r).whenComplete((v, e) -> {
            if (e == null) return;
            if (queueGone(e)) {
                // a reply on a temporary queue its requester already deleted (Spring's sendAndReceive): gone, nothing comes back
                LOG.debug("acknowledging a message of {}: the queue no longer exists, and the message with it", r.queue);
            } else {
                LOG.warn("acknowledging a message of {} failed ({}); it will be delivered again", r.queue, e.toString());
            }
        });
    }

    /** AUTO_ACKNOWLEDGE and DUPS_OK: the listener threw, so the message is delivered again (spec 8.7). */
    void deliveryFailed(ReceivedMessage r) {
        if (!autoAcknowledges()) return;
        synchronized (unacked) {
            if (!unacked.remove(r)) return;
        }
        redeliver(List.of(r));
    }

    /** All messages delivered and not yet acknowledged, taken out of the ledger. */
    List<ReceivedMessage> takeAll() {
        synchronized (unacked) {
            List<ReceivedMessage> all = new ArrayList<>(unacked);
            unacked.clear();
            return all;
        }
    }

    /** Gives messages the application saw back for redelivery, after the redelivery delay (with the FIFO pull-back). */
    void redeliver(List<ReceivedMessage> messages) {
        for (ReceivedMessage r : messages) {
            settlement.countIfDeadLettered(r);
            hide(r, redeliveryPolicy.delaySeconds(deliveryCount(r)));
        }
        for (ReceivedMessage r : messages) {
            if (r.queue.fifo()) release(buffered.takeBufferedOfGroup(r.queue, groupOf(r)));
        }
    }

    /** Gives messages the application never saw back at once. */
    void release(List<ReceivedMessage> messages) {
        for (ReceivedMessage r : messages) {
            UnseenReturns.givenBack(r); // its next delivery by this JVM is not reported as a redelivery
            hide(r, 0);
        }
    }

    private void hide(ReceivedMessage r, int seconds) {
        try {
            settlement.hide(r, seconds).whenComplete((v, e) -> {
                if (e != null) LOG.debug("releasing a message of {}: {}", r.queue, e.toString());
            });
        } catch (RuntimeException e) {
            // the request could not be made (closing): its lease is dropped, SQS gives it out again after its visibility timeout
            LOG.debug("releasing a message of {}: {}", r.queue, e.toString());
        }
    }

    private static int deliveryCount(ReceivedMessage r) {
        Object n = r.message.getObjectProperty(JmsAwsMessage.JMSX_DELIVERY_COUNT);
        return n instanceof Integer i ? i : 1;
    }

    /**
     * What becomes of {@code r} if it is given back now, for the one log line of a failed delivery:
     * delivered again after the redelivery delay, or — its receive count at the queue's
     * maxReceiveCount — moved by SQS to the dead-letter queue instead.
     */
    String afterGivingBack(ReceivedMessage r) {
        DeadLetterRule rule = r.queue.deadLetter();
        if (rule != null && r.receiveCount >= rule.maxReceiveCount()) {
            return "SQS moves it to the dead-letter queue " + rule.queueName() + " (received " + r.receiveCount + " times, maxReceiveCount "
                    + rule.maxReceiveCount() + ")";
        }
        int delay = redeliveryPolicy.delaySeconds(deliveryCount(r));
        String left = rule == null ? "" : ", " + (rule.maxReceiveCount() - r.receiveCount) + " more before the dead-letter queue "
                + rule.queueName();
        return "it is delivered again " + (delay == 0 ? "at once" : "in " + delay * 1000L + " ms") + " (delivery " + (deliveryCount(r) + 1)
                + left + ")";
    }

    private static boolean queueGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.jms.InvalidDestinationException) return true;
        }
        return false;
    }

    static String groupOf(ReceivedMessage r) {
        Object g = r.message.getObjectProperty(JmsAwsMessage.JMSX_GROUP_ID);
        return g == null ? null : g.toString();
    }
}
