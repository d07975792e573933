package io.jmsaws.client;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.util.ClassLoaderState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages this JVM received and gave back without the application seeing them (read ahead
 * and not taken, held by a consumer that closed, not for a selector, pulled back behind a FIFO
 * redelivery), and how often. SQS raises a message's ApproximateReceiveCount on every receive, so
 * without this a message read ahead and given back would be delivered flagged redelivered on its
 * first delivery. When this JVM receives it again, its {@code JMSXDeliveryCount} and
 * {@code JMSRedelivered} count the deliveries only. Bounded: the oldest entries are forgotten
 * first, and a message leaves when it is deleted. Another process cannot know of these returns:
 * there the count is SQS's (see README, "Receiving").
 */
final class UnseenReturns {
    /** About 100 bytes per entry: a few MiB at most. */
    static final int CAPACITY = 50_000;

    private UnseenReturns() {
    }

    private static Map<String, Integer> returns() {
        return ClassLoaderState.of(UnseenReturns.class, () -> new LinkedHashMap<String, Integer>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > CAPACITY;
            }
        });
    }

    private static String key(QueueInfo queue, String messageId) {
        return queue.url() + ' ' + messageId;
    }

    /** {@code r} goes back to its queue unseen. */
    static void givenBack(ReceivedMessage r) {
        givenBack(r.queue, r.messageId);
    }

    /** The message {@code messageId} of {@code queue} goes back unseen (a browser's, which holds no ReceivedMessage). */
    static void givenBack(QueueInfo queue, String messageId) {
        if (messageId == null) return;
        Map<String, Integer> m = returns();
        synchronized (m) {
            m.merge(key(queue, messageId), 1, Integer::sum);
        }
    }

    /** {@code r} is deleted: nothing more to count for it. */
    static void settled(ReceivedMessage r) {
        if (r.messageId == null) return;
        Map<String, Integer> m = returns();
        synchronized (m) {
            m.remove(key(r.queue, r.messageId));
        }
    }

    /** A message received again, {@code received} times in all: its delivery count less the receives given back unseen (never below 1). */
    static void correctDeliveryCount(QueueInfo queue, String messageId, int received, JmsAwsMessage message) {
        if (messageId == null) return;
        Map<String, Integer> m = returns();
        Integer unseen;
        synchronized (m) {
            unseen = m.get(key(queue, messageId));
        }
        if (unseen == null) return;
        int deliveries = Math.max(1, received - unseen);
        message.setPropertyInternal(JmsAwsMessage.JMSX_DELIVERY_COUNT, deliveries);
        message.setJMSRedelivered(deliveries > 1);
    }

    /** Entries held now (tests). */
    static int size() {
        Map<String, Integer> m = returns();
        synchronized (m) {
            return m.size();
        }
    }
}
