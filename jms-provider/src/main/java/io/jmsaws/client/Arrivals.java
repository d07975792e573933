package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.InboundMessage;
import io.jmsaws.provider.QueueInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one ReceiveMessage answer, sorted by the consumer's rules before anyone sees
 * them: each is held (its visibility lease taken), its delivery count corrected for the times this
 * JVM gave it back unseen, counted as received, and then kept for delivery, deleted (not for this
 * subscription) or listed to go back to the queue (not for this consumer's selector).
 */
final class Arrivals {
    private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

    /** What becomes of a received message before anyone sees it. */
    enum Verdict { DELIVER, DELETE, GIVE_BACK }

    /** The consumer's rules (selector, noLocal, subscription) on a received message. */
    interface Filter { Verdict verdict(JmsAwsMessage message); }

    /** For delivery, in the order received. */
    final List<ReceivedMessage> deliverable;
    /** To go back to the queue at once, for other consumers. */
    final List<ReceivedMessage> forOthers;

    private Arrivals(List<ReceivedMessage> deliverable, List<ReceivedMessage> forOthers) {
        this.deliverable = deliverable;
        this.forOthers = forOthers;
    }

    static Arrivals sort(List<InboundMessage> messages, QueueInfo info, Filter filter, VisibilityKeeper keeper, Settlement settlement) {
        long now = System.currentTimeMillis();
        List<ReceivedMessage> deliverable = new ArrayList<>(messages.size());
        List<ReceivedMessage> forOthers = new ArrayList<>();
        for (InboundMessage m : messages) {
            VisibilityKeeper.Lease lease = keeper.hold(info, m.receiptHandle(), now);
            JmsAwsMessage jms = m.message();
            int receiveCount = jms.getObjectProperty(JmsAwsMessage.JMSX_DELIVERY_COUNT) instanceof Integer n ? n : 1;
            UnseenReturns.correctDeliveryCount(info, m.messageId(), receiveCount, jms);
            ReceivedMessage r = new ReceivedMessage(info, m.receiptHandle(), m.messageId(), receiveCount, jms, lease);
            settlement.countReceived(r, now);
            try {
                switch (filter.verdict(jms)) {
                    case DELIVER -> deliverable.add(r);
                    case DELETE -> settlement.discard(r);
                    case GIVE_BACK -> forOthers.add(r);
                }
            } catch (RuntimeException | Error e) {
                // a selector is checked when it is parsed: this is a bug, not bad input. The message goes back for redelivery.
                LOG.error("cannot evaluate the selector of {} on message {}: {}; it is given back", info, m.messageId(), e.toString());
                LOG.debug("selector failure", e);
                forOthers.add(r);
            }
        }
        return new Arrivals(deliverable, forOthers);
    }
}
