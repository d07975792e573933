package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.Subscription;
import io.jmsaws.provider.SubscriptionKind;
import io.jmsaws.selector.Selector;
import io.jmsaws.util.ClassLoaderState;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JMS rules on consumers of topic subscriptions: an unshared durable subscription needs a
 * client id and has one active consumer at a time, a shared non-durable subscription goes with its
 * last consumer, a durable one cannot be unsubscribed while a consumer is active. SQS keeps no
 * such state across processes, so the consumers are counted in this JVM only (the README says so).
 */
final class SubscriptionConsumers {
    /** Consumers open in this JVM per durable or shared subscription (see {@link #key}). */
    private static Map<String, AtomicInteger> active() {
        return ClassLoaderState.of(SubscriptionConsumers.class, ConcurrentHashMap::new);
    }

    /**
     * A consumer's hold on a subscription, given back by {@link #closed}.
     *
     * @param active the count of its consumers (null for a non-durable subscription): held here, so closing still counts
     *               right after the class loader's state was dropped
     */
    record Handle(Subscription subscription, AtomicInteger active) {
    }

    private final Provider provider;
    /** The queue prefix: subscriptions of the same names under another prefix are other queues. */
    private final String scope;

    SubscriptionConsumers(Provider provider, String scope) {
        this.provider = provider;
        this.scope = scope == null ? "" : scope;
    }

    private String key(SubscriptionKind kind, String clientId, String name) {
        return scope + "|" + kind + "|" + (clientId == null ? "" : clientId) + "|" + name;
    }

    Handle open(JmsAwsTopic topic, SubscriptionKind kind, String clientId, String name, Selector selector, boolean noLocal)
            throws JMSException {
        if (kind == SubscriptionKind.DURABLE && clientId == null) {
            throw new IllegalStateException("an unshared durable subscription needs a client id: set the clientID option of the "
                    + "connection URL (?clientID=…), or call setClientID on the Connection or JMSContext right after creating it");
        }
        AtomicInteger active = kind == SubscriptionKind.NON_DURABLE ? null
                : active().computeIfAbsent(key(kind, clientId, name), k -> new AtomicInteger());
        int others = 0;
        if (active != null) {
            synchronized (active) {
                if (kind == SubscriptionKind.DURABLE && active.get() > 0) {
                    throw new IllegalStateException("durable subscription '" + name + "' of client '" + clientId
                            + "' already has an active consumer (one at a time for an unshared durable subscription)");
                }
                others = active.getAndIncrement();
            }
        }
        try {
            return new Handle(provider.subscribe(topic, kind, clientId, name, selector, noLocal, others), active);
        } catch (JMSException | RuntimeException e) {
            if (active != null) active.decrementAndGet();
            throw e;
        }
    }

    /** A consumer of the subscription closed: a non-durable subscription, or a shared one's last consumer, takes its queue along. */
    void closed(Handle h) {
        SubscriptionKind kind = h.subscription().kind();
        if (h.active() != null) {
            AtomicInteger active = h.active();
            int left;
            synchronized (active) {
                left = active.decrementAndGet();
            }
            if (kind != SubscriptionKind.SHARED || left > 0) return;
        } else if (kind != SubscriptionKind.NON_DURABLE) {
            return;
        }
        provider.remove(h.subscription());
    }

    /** Session.unsubscribe: removes a durable subscription, unless a consumer of it is active. */
    void unsubscribe(String clientId, String name) throws JMSException {
        for (SubscriptionKind kind : new SubscriptionKind[] {SubscriptionKind.DURABLE, SubscriptionKind.SHARED_DURABLE}) {
            if (kind == SubscriptionKind.DURABLE && clientId == null) continue;
            AtomicInteger active = active().get(key(kind, clientId, name));
            if (active != null && active.get() > 0) {
                throw new IllegalStateException("durable subscription '" + name + "' has an active consumer; close it before unsubscribing");
            }
            if (provider.unsubscribe(kind, clientId, name)) return;
        }
        throw new InvalidDestinationException("there is no durable subscription named '" + name + "'"
                + (clientId == null ? " without a client id" : " for client id '" + clientId + "'"));
    }
}
