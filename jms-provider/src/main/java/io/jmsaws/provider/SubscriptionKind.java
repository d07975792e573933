package io.jmsaws.provider;

/** The four kinds of JMS topic subscription. */
public enum SubscriptionKind {
    NON_DURABLE, DURABLE, SHARED, SHARED_DURABLE;

    public boolean durable() {
        return this == DURABLE || this == SHARED_DURABLE;
    }
}
