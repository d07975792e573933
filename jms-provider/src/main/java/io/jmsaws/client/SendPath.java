package io.jmsaws.client;

import io.jmsaws.provider.EncodedMessage;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.Provider.Urgency;
import io.jmsaws.provider.ResolvedDestination;
import io.jmsaws.util.JmsExceptions;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a session's sends go out. Transacted: buffered until commit, then as few requests as the
 * limits allow. Synchronous: at once, sharing a request only with senders already waiting for one
 * (a batching window would make each wait). Asynchronous (a CompletionListener): may wait for a
 * batching window; the listeners run in send order, on the session's serial executor. FIFO
 * destinations: one send after the other, so the service keeps their order.
 */
final class SendPath {
    private static final Logger LOG = LoggerFactory.getLogger(SendPath.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    /** A send buffered by a transaction. */
    private record PendingSend(ResolvedDestination destination, EncodedMessage message) {
    }

    /** Marks the thread running a CompletionListener as the session's delivery thread (the JMS rules on callbacks). */
    interface CallbackScope {
        void enter();

        void exit();

        /** The calling thread runs the session's listeners and callbacks now. */
        boolean onDeliveryThread();
    }

    private final Provider provider;
    private final boolean transacted;
    private final Executor callbacks;
    private final CallbackScope scope;
    private final List<PendingSend> transactionSends = new ArrayList<>();
    /** Completion callbacks run in send order: each waits for the previous one. */
    private CompletableFuture<Void> completionChain = CompletableFuture.completedFuture(null);
    /** Sends to FIFO destinations go out one after the other (an asynchronous one may still be under way). */
    private CompletableFuture<?> fifoSendChain = CompletableFuture.completedFuture(null);

    SendPath(Provider provider, boolean transacted, Executor callbacks, CallbackScope scope) {
        this.provider = provider;
        this.transacted = transacted;
        this.callbacks = callbacks;
        this.scope = scope;
    }

    /** Sends one encoded message the way the session's mode asks for. */
    /**
     * Sends one encoded message the way the session's mode asks for. With a CompletionListener,
     * returns when its callback has returned (for the producer's close); else null.
     */
    CompletableFuture<Void> send(ResolvedDestination d, EncodedMessage m, Message original, CompletionListener listener) throws JMSException {
        if (transacted) {
            synchronized (transactionSends) {
                transactionSends.add(new PendingSend(d, m));
            }
            return listener == null ? null : complete(CompletableFuture.completedFuture(null), original, listener);
        }
        CompletableFuture<String> sent = d.fifo() ? inFifoOrder(() -> provider.send(d, m, Urgency.NOW))
                : provider.send(d, m, listener != null ? Urgency.BATCHED : Urgency.SOON);
        if (listener != null) return complete(sent, original, listener);
        try {
            sent.join();
        } catch (RuntimeException e) {
            throw JmsExceptions.fromFailure(e, "sending to " + d);
        }
        return null;
    }

    private synchronized <T> CompletableFuture<T> inFifoOrder(Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> next = fifoSendChain.handle((r, e) -> null).thenCompose(v -> send.get());
        fifoSendChain = next;
        return next;
    }

    private CompletableFuture<Void> complete(CompletableFuture<?> sent, Message original, CompletionListener listener) {
        synchronized (this) {
            return completionChain = completionChain.thenCompose(v -> sent.handleAsync((r, e) -> {
                scope.enter();
                try {
                    if (e == null) {
                        listener.onCompletion(original);
                    } else {
                        listener.onException(original, JmsExceptions.fromFailure(e, "sending"));
                    }
                } catch (RuntimeException | Error ex) {
                    // the chain must go on: every later CompletionListener of this session waits for this one
                    LOG.warn("a CompletionListener threw {}; the session's later completions run as usual", ex.toString());
                    LOG.debug("CompletionListener failure", ex);
                } finally {
                    scope.exit();
                }
                return null;
            }, callbacks));
        }
    }

    /** Waits until every asynchronous send has completed and its callback has run (see {@link #await}). */
    void awaitAsyncSends() {
        CompletableFuture<Void> chain;
        synchronized (this) {
            chain = completionChain;
        }
        await(chain);
    }

    /**
     * Waits for a completion step, unless called on the session's delivery thread (a MessageListener
     * committing or closing a producer): the callbacks run on that thread, after the listener
     * returns, so waiting there would only stall for the whole limit.
     */
    void await(CompletableFuture<Void> completion) {
        if (completion == null || completion.isDone() || scope.onDeliveryThread()) return;
        try {
            completion.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("asynchronous sends still pending after {} s: {}", CLOSE_WAIT_SECONDS, e.toString());
        }
    }

    /** The transaction's sends, taken out of the buffer, by destination in the order of their first send. */
    Map<ResolvedDestination, List<EncodedMessage>> takeTransactionSends() {
        Map<ResolvedDestination, List<EncodedMessage>> byDestination = new LinkedHashMap<>();
        synchronized (transactionSends) {
            for (PendingSend s : transactionSends) byDestination.computeIfAbsent(s.destination(), k -> new ArrayList<>()).add(s.message());
            transactionSends.clear();
        }
        return byDestination;
    }

    /** Rollback or close: the transaction's sends are dropped. */
    void dropTransactionSends() {
        synchronized (transactionSends) {
            transactionSends.clear();
        }
    }
}
