package io.jmsaws.client;

import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
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

    Settlement(VisibilityKeeper keeper, Provider provider) {
        this.keeper = keeper;
        this.provider = provider;
    }

    /** A batched delete (it may wait for the batching window). */
    CompletableFuture<Void> delete(ReceivedMessage r) {
        keeper.release(r.lease);
        CompletableFuture<Void> deleted = provider.delete(r.queue, r.receiptHandle);
        deleted.thenRun(() -> UnseenReturns.settled(r)); // only once gone: a failed delete's redelivery still counts its unseen returns
        return deleted;
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
    }
}
