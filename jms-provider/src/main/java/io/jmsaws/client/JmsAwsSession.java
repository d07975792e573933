package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.selector.Selector;
import io.jmsaws.message.JmsAwsBytesMessage;
import io.jmsaws.message.JmsAwsMapMessage;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.JmsAwsObjectMessage;
import io.jmsaws.message.JmsAwsStreamMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.provider.EncodedMessage;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.provider.ResolvedDestination;
import io.jmsaws.provider.SubscriptionKind;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JMS session: the unit of acknowledgement and transactions, and the serial context in which
 * its listeners and completion callbacks run. A delivered message is unacknowledged until its mode
 * says otherwise: AUTO/DUPS_OK when receive() returns or onMessage() ends (a batched delete),
 * CLIENT on acknowledge() (one DeleteMessageBatch per 10), transacted on commit; recover() and
 * rollback() give them back for redelivery (JMSRedelivered, JMSXDeliveryCount).
 */
public class JmsAwsSession implements QueueSession, TopicSession {

    /** The JMS 1.0 domain of a QueueSession or TopicSession, which must refuse the other domain's methods (spec 4.11). */
    public enum Domain { UNIFIED, QUEUE, TOPIC }

    private final JmsAwsConnection connection;
    private final int mode;
    private final Domain domain;
    private final ListenerDispatcher dispatcher;
    private final Destinations destinations;
    private final DeliveryLedger ledger;
    private final SendPath sends;
    /** Commit and rollback; also what close does with an open transaction or unacknowledged messages. */
    private final LocalTransaction transaction;
    private final List<JmsAwsMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<JmsAwsQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** close() has begun: no new delivery, while a listener running may still use the session. */
    private volatile boolean closing;
    private MessageListener sessionListener;

    JmsAwsSession(JmsAwsConnection connection, int mode, Domain domain) {
        this.connection = connection;
        this.mode = mode;
        this.domain = domain;
        this.destinations = new Destinations(connection.provider());
        this.dispatcher = new ListenerDispatcher(connection.pool(), consumers, () -> !closing && !closed && connection.isStarted());
        this.ledger = new DeliveryLedger(mode, connection.settlement(), connection.redeliveryPolicy(), this::takeBufferedOfGroup,
                this::acknowledge);
        this.sends = new SendPath(connection.provider(), mode == Session.SESSION_TRANSACTED, dispatcher.executor(), dispatcher.callbackScope());
        this.transaction = new LocalTransaction(ledger, sends, connection.settlement(), connection.provider());
    }

    JmsAwsConnection connection() { return connection; }
    Provider provider() { return connection.provider(); }
    DeliveryLedger ledger() { return ledger; }
    public boolean isClosed() { return closed || connection.isClosed(); }

    void checkOpen() throws IllegalStateException {
        if (isClosed()) throw new IllegalStateException("the session is closed");
    }

    private void notOn(Domain forbidden, String method) throws IllegalStateException {
        checkOpen();
        if (domain == forbidden) {
            throw new IllegalStateException(method + " is not allowed on a " + (domain == Domain.QUEUE ? "QueueSession" : "TopicSession"));
        }
    }

    boolean isDeliveryThread() { return dispatcher.isDeliveryThread(); }

    // ------------------------------------------------------------------------------------ messages

    @Override public BytesMessage createBytesMessage() throws JMSException { checkOpen(); return new JmsAwsBytesMessage(); }
    @Override public MapMessage createMapMessage() throws JMSException { checkOpen(); return new JmsAwsMapMessage(); }
    @Override public Message createMessage() throws JMSException { checkOpen(); return new JmsAwsMessage(); }
    @Override public StreamMessage createStreamMessage() throws JMSException { checkOpen(); return new JmsAwsStreamMessage(); }
    @Override public TextMessage createTextMessage() throws JMSException { checkOpen(); return new JmsAwsTextMessage(); }
    @Override public TextMessage createTextMessage(String text) throws JMSException { checkOpen(); return new JmsAwsTextMessage(text); }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        JmsAwsObjectMessage m = new JmsAwsObjectMessage();
        m.setTrustedPackages(connection.trustedPackages());
        return m;
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage m = createObjectMessage();
        m.setObject(object);
        return m;
    }

    // ------------------------------------------------------------------------------------ destinations

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        notOn(Domain.TOPIC, "createQueue");
        if (queueName == null) throw new InvalidDestinationException("a queue name must not be null");
        return destinations.queue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        notOn(Domain.QUEUE, "createTopic");
        if (topicName == null || topicName.isEmpty()) throw new InvalidDestinationException("a topic name must not be null or empty");
        return destinations.topic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        notOn(Domain.TOPIC, "createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        notOn(Domain.QUEUE, "createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    JmsAwsDestination checkDestination(Destination d) throws JMSException {
        return destinations.check(d);
    }

    // ------------------------------------------------------------------------------------ producers and consumers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        JmsAwsDestination d = destination == null ? null : checkDestination(destination);
        return new JmsAwsMessageProducer(this, d); // not listed: a producer holds nothing the session must close
    }

    @Override public QueueSender createSender(Queue queue) throws JMSException { return (QueueSender) createProducer(queue); }
    @Override public TopicPublisher createPublisher(Topic topic) throws JMSException { return (TopicPublisher) createProducer(topic); }


    @Override public MessageConsumer createConsumer(Destination destination) throws JMSException { return createConsumer(destination, null); }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) throws JMSException {
        checkOpen();
        JmsAwsDestination d = checkDestination(destination);
        Selector selector = Selector.parse(messageSelector);
        if (d instanceof JmsAwsTopic topic) return subscribe(topic, SubscriptionKind.NON_DURABLE, null, selector, noLocal);
        JmsAwsQueue queue = (JmsAwsQueue) d;
        if (queue instanceof JmsAwsTemporaryQueue tq && !connection.owns(tq)) {
            throw new InvalidDestinationException("only the connection that created temporary queue " + tq + " can consume from it");
        }
        QueueInfo info = provider().resolve(queue);
        return register(new JmsAwsMessageConsumer(this, queue, info, selector, false, null));
    }

    private JmsAwsMessageConsumer register(JmsAwsMessageConsumer c) {
        consumers.add(c);
        if (connection.isStarted()) c.connectionStarted();
        return c;
    }

    private JmsAwsMessageConsumer subscribe(JmsAwsTopic topic, SubscriptionKind kind, String name, Selector selector, boolean noLocal)
            throws JMSException {
        checkOpen();
        if (kind != SubscriptionKind.NON_DURABLE && (name == null || name.isEmpty())) {
            throw new InvalidDestinationException("a durable or shared subscription needs a name");
        }
        if (topic instanceof JmsAwsTemporaryTopic tt && !connection.owns(tt)) {
            throw new InvalidDestinationException("only the connection that created temporary topic " + tt + " can subscribe to it");
        }
        SubscriptionConsumers.Handle h = connection.subscriptions().open(topic, kind, connection.getClientID(), name, selector, noLocal);
        return register(new JmsAwsMessageConsumer(this, topic, h.subscription().queue(), selector, noLocal, h));
    }

    @Override public QueueReceiver createReceiver(Queue queue) throws JMSException { return (QueueReceiver) createConsumer(queue); }
    @Override public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException { return (QueueReceiver) createConsumer(queue, messageSelector); }

    void removeConsumer(JmsAwsMessageConsumer c) { consumers.remove(c); }

    boolean hasConsumerOn(JmsAwsDestination destination) { return consumers.stream().anyMatch(c -> c.destination().equals(destination)); }

    @Override public QueueBrowser createBrowser(Queue queue) throws JMSException { return createBrowser(queue, null); }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        notOn(Domain.TOPIC, "createBrowser");
        JmsAwsQueue q = destinations.checkQueue(queue);
        Selector selector = Selector.parse(messageSelector);
        JmsAwsQueueBrowser b = new JmsAwsQueueBrowser(this, q, provider().resolve(q), selector);
        browsers.add(b);
        return b;
    }

    void removeBrowser(JmsAwsQueueBrowser b) { browsers.remove(b); }

    // ------------------------------------------------------------------------------------ topic subscriptions

    @Override public TopicSubscriber createSubscriber(Topic topic) throws JMSException { return createSubscriber(topic, null, false); }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String selector, boolean noLocal) throws JMSException {
        notOn(Domain.QUEUE, "createSubscriber");
        return subscribe(destinations.checkTopic(topic), SubscriptionKind.NON_DURABLE, null, Selector.parse(selector), noLocal);
    }

    @Override public MessageConsumer createSharedConsumer(Topic topic, String name) throws JMSException { return createSharedConsumer(topic, name, null); }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String selector) throws JMSException {
        notOn(Domain.QUEUE, "createSharedConsumer");
        return subscribe(destinations.checkTopic(topic), SubscriptionKind.SHARED, name, Selector.parse(selector), false);
    }

    @Override public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException { return createDurableSubscriber(topic, name, null, false); }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String selector, boolean noLocal) throws JMSException {
        notOn(Domain.QUEUE, "createDurableSubscriber");
        return subscribe(destinations.checkTopic(topic), SubscriptionKind.DURABLE, name, Selector.parse(selector), noLocal);
    }

    @Override public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException { return createDurableSubscriber(topic, name, null, false); }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal) throws JMSException {
        return createDurableSubscriber(topic, name, selector, noLocal);
    }

    @Override public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException { return createSharedDurableConsumer(topic, name, null); }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String selector) throws JMSException {
        notOn(Domain.QUEUE, "createSharedDurableConsumer");
        return subscribe(destinations.checkTopic(topic), SubscriptionKind.SHARED_DURABLE, name, Selector.parse(selector), false);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        notOn(Domain.QUEUE, "unsubscribe");
        if (name == null || name.isEmpty()) throw new InvalidDestinationException("a subscription name is needed");
        connection.subscriptions().unsubscribe(connection.getClientID(), name);
    }

    // ------------------------------------------------------------------------------------ sending

    /** Sends as the session's mode asks (see {@link SendPath}); with a CompletionListener, the future of its callback's return. */
    CompletableFuture<Void> send(ResolvedDestination d, EncodedMessage m, Message original, CompletionListener l) throws JMSException {
        return sends.send(d, m, original, l);
    }

    /** Waits for a producer's last asynchronous send and its callback (not on the delivery thread, where they run later). */
    void awaitCompletion(CompletableFuture<Void> completion) { sends.await(completion); }

    void checkNotInCallback(String what) throws IllegalStateException {
        if (isDeliveryThread()) throw new IllegalStateException("a MessageListener or CompletionListener must not call " + what + " on its own session");
    }

    // ------------------------------------------------------------------------------------ delivery

    /** FIFO pull-back: the messages of a group this session's consumers of the queue hold unseen. */
    private List<ReceivedMessage> takeBufferedOfGroup(QueueInfo queue, String group) {
        List<ReceivedMessage> taken = new ArrayList<>();
        for (JmsAwsMessageConsumer c : consumers) {
            if (c.queue().equals(queue.queue())) taken.addAll(c.takeBufferedOfGroup(group));
        }
        return taken;
    }

    /** Gives messages the application never saw back at once. */
    void release(List<ReceivedMessage> messages) { ledger.release(messages); }

    // ------------------------------------------------------------------------------------ acknowledge, recover, transactions

    /** CLIENT_ACKNOWLEDGE: acknowledges every message the session has delivered so far. */
    void acknowledge() throws JMSException {
        if (isClosed()) throw new IllegalStateException("cannot acknowledge: the session is closed");
        if (mode != Session.CLIENT_ACKNOWLEDGE) return;
        connection.settlement().deleteNow(ledger.takeAll());
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == Session.SESSION_TRANSACTED) throw new IllegalStateException("recover() is not allowed in a transacted session");
        ledger.redeliver(ledger.takeAll());
    }

    @Override public boolean getTransacted() throws JMSException { checkOpen(); return mode == Session.SESSION_TRANSACTED; }
    @Override public int getAcknowledgeMode() throws JMSException { checkOpen(); return mode; }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (mode != Session.SESSION_TRANSACTED) throw new IllegalStateException("commit() needs a transacted session");
        checkNotInCallbackForCompletion("commit on its own session");
        transaction.commit();
    }

    /** Whether the calling thread runs one of this session's MessageListeners (not a CompletionListener). */
    boolean inMessageListener() { return dispatcher.inMessageListener(); }

    /** A CompletionListener must not close its own producer, session or connection, nor commit or roll back its session (spec 7.3.8). */
    void checkNotInCallbackForCompletion(String what) throws IllegalStateException {
        // a MessageListener may commit its own session; a CompletionListener may not, but both run on the delivery thread
        // and only the latter is outside a delivery
        if (isDeliveryThread() && !dispatcher.inMessageListener()) {
            throw new IllegalStateException("a CompletionListener must not call " + what);
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (mode != Session.SESSION_TRANSACTED) throw new IllegalStateException("rollback() needs a transacted session");
        checkNotInCallbackForCompletion("rollback on its own session");
        transaction.rollback();
    }

    // ------------------------------------------------------------------------------------ listeners

    @Override public MessageListener getMessageListener() throws JMSException { checkOpen(); return sessionListener; }
    @Override public void setMessageListener(MessageListener listener) throws JMSException { checkOpen(); this.sessionListener = listener; }
    @Override public void run() { throw new UnsupportedOperationException("Session.run() is for application-server facilities, which jms-aws does not use"); }

    /** Asks the dispatcher to deliver what the listener consumers hold. */
    void wakeDispatcher() { dispatcher.wake(); }
    /** Returns when no listener of this session is running. */
    void awaitDeliveryIdle() { dispatcher.awaitIdle(); }
    void connectionStarted() { consumers.forEach(JmsAwsMessageConsumer::connectionStarted); wakeDispatcher(); }
    void connectionStopped() { consumers.forEach(JmsAwsMessageConsumer::connectionStopped); }

    // ------------------------------------------------------------------------------------ close

    @Override
    public void close() throws JMSException {
        if (closed || closing) return;
        checkNotInCallback("close");
        closing = true; // no new delivery starts
        try {
            // a listener running now keeps the whole session (sends, commit, acknowledge) until it returns (spec 6.1.8, 6.2.15);
            // what it opens meanwhile closes with the session: hence twice
            for (int pass = 0; pass < 2; pass++) {
                for (JmsAwsMessageConsumer c : consumers) c.closeInternal();
                for (JmsAwsQueueBrowser b : browsers) b.close();
                if (pass == 0) awaitDeliveryIdle();
            }
        } finally {
            closed = true;
        }
        // unacknowledged and uncommitted messages are delivered again (spec 6.2.13, 6.2.9)
        transaction.rollback();
        connection.removeSession(this);
    }
}
