package io.jmsaws.provider;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.selector.Selector;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the JMS layer needs from a messaging service, one instance per connection: destinations,
 * subscriptions, sending, receiving and settling received messages. The JMS layer keeps the
 * rules (acknowledgement modes, transactions, ordering, listeners); an implementation keeps the
 * mechanics (requests, batching, retries, encoding). No type of a service's SDK crosses this
 * interface. Futures fail with a {@link JMSException} (wrapped as their cause) that names the
 * operation and the destination; blocking methods throw it.
 */
public interface Provider extends AutoCloseable {

    /** How much a send may wait to share a request with others (see {@link #send}). */
    enum Urgency {
        /** Out at once, alone: a FIFO send whose order the caller keeps by waiting for it. */
        NOW,
        /** A synchronous send: out at once, or together with other senders already waiting for one under way. */
        SOON,
        /** An asynchronous send: may wait for a batching window. */
        BATCHED
    }

    // ------------------------------------------------------------------------------------ destinations

    /** Refuses a queue name the service cannot take ({@code InvalidDestinationException}, naming the rule). */
    void checkQueueName(String name) throws JMSException;

    /** Refuses a topic name the service cannot take. */
    void checkTopicName(String name) throws JMSException;

    /** The queue or topic as the service has it (created first where the configuration allows): looked up once, then remembered. */
    ResolvedDestination resolve(JmsAwsDestination destination) throws JMSException;

    QueueInfo resolve(JmsAwsQueue queue) throws JMSException;

    /** Creates a temporary queue, removed by {@link #deleteTemporaryQueue} or by a sweep once this provider is gone. */
    QueueInfo createTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException;

    void deleteTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException;

    void createTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException;

    void deleteTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException;

    // ------------------------------------------------------------------------------------ subscriptions

    /**
     * Opens the queue a topic subscription is read from, creating or replacing it as needed. A
     * durable or shared subscription asked for with another topic, selector or noLocal is replaced
     * (spec 8.3), unless {@code otherConsumers} (open on it elsewhere in this JVM) are reading it.
     */
    Subscription subscribe(JmsAwsTopic topic, SubscriptionKind kind, String clientId, String name, Selector selector, boolean noLocal,
                           int otherConsumers) throws JMSException;

    /** The last consumer of a subscription that lives only while it is read (non-durable, shared non-durable) closed: remove it. */
    void remove(Subscription subscription);

    /** Removes a durable subscription; false when there is none of that kind and name. */
    boolean unsubscribe(SubscriptionKind kind, String clientId, String name) throws JMSException;

    // ------------------------------------------------------------------------------------ sending

    /**
     * Encodes a message for its destination, checking the service's limits (size, characters,
     * FIFO ids) before any request: a {@code MessageFormatException} names what does not fit.
     */
    EncodedMessage encode(JmsAwsMessage message, ResolvedDestination destination) throws JMSException;

    /** Sends one message; the future holds the id the service gave it. */
    CompletableFuture<String> send(ResolvedDestination destination, EncodedMessage message, Urgency urgency);

    /** Sends messages in their order, as few requests as the limits allow, and waits; entries that fail alone are retried. */
    void sendAll(ResolvedDestination destination, List<EncodedMessage> messages) throws JMSException;

    // ------------------------------------------------------------------------------------ receiving and settling

    /**
     * Receives up to {@code max} messages, waiting up to {@code waitSeconds} for the first, decoded
     * as delivered from {@code deliveredAs}. Cancelling the future cancels the request where
     * {@link #cancelsReceives()}; elsewhere its messages still arrive and must be released.
     */
    CompletableFuture<List<InboundMessage>> receive(QueueInfo queue, JmsAwsDestination deliveredAs, int max, int waitSeconds,
                                                    Integer visibilityTimeout);

    /** Whether cancelling a receive really stops it (an in-process backend), or it runs to its end (over HTTP). */
    boolean cancelsReceives();

    /** Registers the handling of a receive's answer, which {@link #close} waits for. */
    void trackReceiveWork(CompletableFuture<?> work);

    /** Deletes a received message; batched, it may wait for the batching window. */
    CompletableFuture<Void> delete(QueueInfo queue, String receiptHandle);

    /** Makes a received message visible again after {@code seconds}; batched. */
    CompletableFuture<Void> changeVisibility(QueueInfo queue, String receiptHandle, int seconds);

    /** Deletes received messages now, as few requests as the limits allow, and waits; what fails after retries is thrown. */
    void deleteAll(Map<QueueInfo, List<String>> receiptHandles) throws JMSException;

    // ------------------------------------------------------------------------------------ lifecycle

    /** The timer the JMS layer schedules on (visibility extension, retries): one thread, never blocked. */
    ScheduledExecutorService scheduler();

    /** Closes once the receives under way have ended and their messages were given back. */
    @Override
    void close();
}
