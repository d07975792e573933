package io.jmsaws.client;

import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.telemetry.MessagingMetrics;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one way a received message leaves a connection's hands: deleted (acknowledged, expired,
 * not for this consumer), hidden for a while (redelivery delay, delivery time ahead) or released
 * at once (given back unseen). Each also drops the message's visibility lease, so the keeper never
 * extends a message that is settled — and a message is never settled without its lease dropped.
 */
final class Settlement {
    private final VisibilityKeeper keeper;
    private final Provider provider;
    private final MessagingMetrics metrics;

    Settlement(VisibilityKeeper keeper, Provider provider, MessagingMetrics metrics) {
        this.keeper = keeper;
        this.provider = provider;
        this.metrics = metrics;
    }

    /** A batched delete (it may wait for the batching window). */
    CompletableFuture<Void> delete(ReceivedMessage r) {
        return delete(r, () -> metrics.acknowledged(r.queue.serviceName(), 1));
    }

    /** Deleted unseen: past its JMSExpiration. */
    CompletableFuture<Void> expire(ReceivedMessage r) {
        return delete(r, () -> metrics.expired(r.queue.serviceName()));
    }

    /** Deleted unseen: not for this consumer (noLocal, a subscription's selector); counted as neither acknowledged nor expired. */
    CompletableFuture<Void> discard(ReceivedMessage r) {
        return delete(r, () -> { });
    }

    private CompletableFuture<Void> delete(ReceivedMessage r, Runnable counted) {
        keeper.release(r.lease);
        CompletableFuture<Void> deleted = provider.delete(r.queue, r.receiptHandle);
        deleted.thenRun(() -> {
            UnseenReturns.settled(r); // only once gone: a failed delete's redelivery still counts its unseen returns
            counted.run();
        });
        return deleted;
    }

    /**
     * Received by a consumer, redelivered or not after {@link UnseenReturns}' correction; the lag
     * from its JMSTimestamp when it has one. A QueueBrowser's look at a message is no receipt.
     */
    void countReceived(ReceivedMessage r, long now) {
        long sentAt = r.message.getJMSTimestamp();
        metrics.received(r.queue.serviceName(), r.message.getJMSRedelivered(), sentAt > 0 ? Math.max(0, now - sentAt) : -1);
    }

    /** A failed delivery given back at its queue's maxReceiveCount is counted: SQS moves it to the dead-letter queue. */
    void countIfDeadLettered(ReceivedMessage r) {
        io.jmsaws.provider.DeadLetterRule rule = r.queue.deadLetter();
        if (rule != null && r.receiveCount >= rule.maxReceiveCount()) metrics.deadLettered(r.queue.serviceName());
    }

    /** Visible again after {@code seconds}, batched. */
    CompletableFuture<Void> hide(ReceivedMessage r, int seconds) {
        keeper.release(r.lease);
        return provider.changeVisibility(r.queue, r.receiptHandle, seconds);
    }

    /** Visible again at once: the application never saw it. */
    CompletableFuture<Void> release(ReceivedMessage r) {
        return hide(r, 0);
    }

    /**
     * Deletes now, in batches per queue, and waits (client acknowledge, transaction commit); what
     * still fails after retries is thrown.
     */
    void deleteNow(List<ReceivedMessage> messages) throws JMSException {
        if (messages.isEmpty()) return;
        Map<QueueInfo, List<String>> byQueue = new LinkedHashMap<>();
        for (ReceivedMessage r : messages) {
            byQueue.computeIfAbsent(r.queue, k -> new ArrayList<>()).add(r.receiptHandle);
            keeper.release(r.lease);
        }
        provider.deleteAll(byQueue);
        messages.forEach(UnseenReturns::settled);
        byQueue.forEach((q, handles) -> metrics.acknowledged(q.serviceName(), handles.size()));
    }
}
