package io.jmsaws.client;

import io.jmsaws.limits.SqsLimits;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A message is delivered inside its window: not before its JMSDeliveryTime (FIFO queues and SNS
 * have no per-message delay, so the time travels with the message), never after its JMSExpiration.
 */
final class DeliveryWindow {
    private DeliveryWindow() {
    }

    /**
     * Whether {@code r} may be delivered now. An expired message is deleted unseen; one due later is
     * hidden until its delivery time (within SQS's 12-hour visibility limit), also unseen.
     */
    static boolean deliverableNow(ReceivedMessage r, Settlement settlement) {
        long now = System.currentTimeMillis();
        long expiration = expirationOf(r.message);
        if (expiration != 0 && expiration <= now) {
            settlement.expire(r);
            return false;
        }
        long due = deliveryTimeOf(r.message);
        if (due > now) {
            UnseenReturns.givenBack(r);
            settlement.hide(r, (int) Math.min(SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS - 60, (due - now + 999) / 1000));
            return false;
        }
        return true;
    }

    private static long expirationOf(Message m) {
        try {
            return m.getJMSExpiration();
        } catch (JMSException e) {
            return 0;
        }
    }

    private static long deliveryTimeOf(Message m) {
        try {
            return m.getJMSDeliveryTime();
        } catch (JMSException e) {
            return 0;
        }
    }
}
