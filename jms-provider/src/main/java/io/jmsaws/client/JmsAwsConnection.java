package io.jmsaws.client;

import io.jmsaws.policy.RedeliveryPolicy;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.message.TrustedPackages;
import io.jmsaws.provider.Provider;
import io.jmsaws.telemetry.Telemetry;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JMS connection: one {@link Provider} (the messaging service underneath), the visibility keeper for the
 * messages its sessions own, a shared thread pool on which sessions run their listeners and the
 * answers of SQS are handled (a thread only while there is work), its temporary destinations and its client id.
 */
public class JmsAwsConnection implements QueueConnection, TopicConnection {
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsConnection.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JmsAwsConfig config;
    private final Provider provider;
    private final Telemetry telemetry;
    private final VisibilityKeeper keeper;
    private final Settlement settlement;
    private final ExecutorService pool;
    /** The ExceptionListener is called one failure at a time, in order (spec 6.1.7: the connection serializes it). */
    private final io.jmsaws.util.SerialExecutor exceptionListenerCalls;
    /**
     * Where answers from SQS are handled: the pool, never the thread that made the request; if the
     * pool cannot take one (shut down at close, or no thread to be had), the completing thread, so
     * that an answer is never left unhandled with its poll still counted.
     */
    private final java.util.concurrent.Executor callbacks = task -> {
        try {
            pool().execute(task);
        } catch (RuntimeException | Error noThread) {
            task.run();
        }
    };
    private final List<JmsAwsSession> sessions = new CopyOnWriteArrayList<>();
    private final TemporaryDestinations temporaries;
    /** Identifies this connection in the messages it publishes, for noLocal subscribers. */
    private final String id = UUID.randomUUID().toString();
    private final SubscriptionConsumers subscriptions;
    private final TrustedPackages trustedPackages;
    private final RedeliveryPolicy redeliveryPolicy;
    private final Object lifecycle = new Object();

    private volatile String clientId;
    private volatile boolean clientIdFixed;
    private volatile boolean clientIdFromConfig;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;
    private volatile JmsAwsSession.Domain domain = JmsAwsSession.Domain.UNIFIED;

    public JmsAwsConnection(JmsAwsConfig config, Provider provider, Telemetry telemetry) throws JMSException {
        this.config = config;
        this.provider = provider;
        this.telemetry = telemetry;
        this.keeper = new VisibilityKeeper(provider, config.getBoolean(Option.EXTEND_VISIBILITY), telemetry.metrics());
        this.settlement = new Settlement(keeper, provider, telemetry.metrics());
        this.trustedPackages = config.trustedPackages();
        this.redeliveryPolicy = RedeliveryPolicy.from(config);
        this.subscriptions = new SubscriptionConsumers(provider, config.get(Option.QUEUE_PREFIX));
        this.temporaries = new TemporaryDestinations(this, provider);
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jms-aws-session-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.exceptionListenerCalls = new io.jmsaws.util.SerialExecutor(pool);
        String configured = config.get(Option.CLIENT_ID);
        if (configured != null) {
            registerClientId(configured);
            clientIdFromConfig = true;
            clientIdFixed = true;
        }
    }

    Provider provider() { return provider; }
    Telemetry telemetry() { return telemetry; }
    VisibilityKeeper keeper() { return keeper; }
    Settlement settlement() { return settlement; }
    ExecutorService pool() { return pool; }

    /** Where answers from SQS are handled (see {@link #callbacks}). */
    java.util.concurrent.Executor callbacks() { return callbacks; }

    JmsAwsConfig config() { return config; }
    TrustedPackages trustedPackages() { return trustedPackages; }
    RedeliveryPolicy redeliveryPolicy() { return redeliveryPolicy; }
    String id() { return id; }
    SubscriptionConsumers subscriptions() { return subscriptions; }
    boolean isStarted() { return started && !closed; }
    boolean isClosed() { return closed; }

    void checkOpen() throws IllegalStateException {
        if (closed) throw new IllegalStateException("the connection is closed");
    }

    /** Any use of the connection fixes its client id (spec 6.1.2: set it first or never). */
    private void used() {
        clientIdFixed = true;
    }

    // ------------------------------------------------------------------------------------ sessions

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, JmsAwsSession.Domain.UNIFIED);
    }

    private JmsAwsSession createSession(boolean transacted, int acknowledgeMode, JmsAwsSession.Domain domain) throws JMSException {
        used();
        return newSession(transacted, acknowledgeMode, domain);
    }

    /**
     * The session of a new JMSContext: made without counting as a use of the connection, so the
     * context's setClientID right after createContext() is still allowed (JMSContext.setClientID).
     */
    JmsAwsSession createContextSession(int sessionMode) throws JMSException {
        return newSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode, JmsAwsSession.Domain.UNIFIED);
    }

    private JmsAwsSession newSession(boolean transacted, int acknowledgeMode, JmsAwsSession.Domain domain) throws JMSException {
        checkOpen();
        int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        if (!transacted && mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE && mode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("acknowledge mode " + acknowledgeMode + " is not one of AUTO_ACKNOWLEDGE (1), "
                    + "CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        JmsAwsSession s = new JmsAwsSession(this, mode, domain);
        sessions.add(s);
        return s;
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, JmsAwsSession.Domain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, JmsAwsSession.Domain.TOPIC);
    }

    /** A connection made as a QueueConnection or TopicConnection keeps to its domain where the spec says so. */
    public void setDomain(JmsAwsSession.Domain domain) {
        this.domain = domain;
    }

    void removeSession(JmsAwsSession s) {
        sessions.remove(s);
    }

    // ------------------------------------------------------------------------------------ client id

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId;
    }

    /** The client id, or null: no check, for what the provider itself records (a message's publisher). */
    String clientIdOrNull() { return clientId; }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        if (clientIdFromConfig) {
            throw new IllegalStateException("the client id is already set to '" + clientId + "' by the connection factory");
        }
        if (clientIdFixed) {
            throw new IllegalStateException("the client id must be set right after the connection is created, before any other use");
        }
        if (id == null || id.isEmpty()) throw new InvalidClientIDException("the client id must not be null or empty");
        registerClientId(id);
        clientIdFixed = true;
    }

    private void registerClientId(String id) throws InvalidClientIDException {
        ClientIds.register(provider.toString(), id);
        clientId = id;
    }

    // ------------------------------------------------------------------------------------ lifecycle

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        used();
        return new JmsAwsConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        used();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        used();
        this.exceptionListener = listener;
    }

    /** Tells the exception listener of a failure no call could report (a consumer's background receive). */
    void onAsyncError(JMSException e) {
        ExceptionListener l = exceptionListener;
        if (l == null) {
            LOG.warn("connection to {}: {}", provider, e.getMessage());
            return;
        }
        try {
            exceptionListenerCalls.execute(() -> {
                try {
                    l.onException(e);
                } catch (RuntimeException | Error t) {
                    LOG.warn("connection to {}: the ExceptionListener threw {} on: {}", provider, t.toString(), e.getMessage());
                    LOG.debug("ExceptionListener failure", t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.warn("connection to {} (closing): {}", provider, e.getMessage());
        }
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        used();
        synchronized (lifecycle) {
            if (started) return;
            started = true;
        }
        sessions.forEach(JmsAwsSession::connectionStarted);
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        used();
        // a MessageListener may not stop its own connection (it would wait for itself); a CompletionListener may (spec 6.1.5, 7.3.8)
        for (JmsAwsSession s : sessions) {
            if (s.inMessageListener()) throw new IllegalStateException("a MessageListener must not stop its own connection");
        }
        synchronized (lifecycle) {
            started = false;
        }
        // returns when no listener of this connection is running (spec 6.1.5)
        sessions.forEach(JmsAwsSession::awaitDeliveryIdle);
        sessions.forEach(JmsAwsSession::connectionStopped);
    }

    private void checkNotInOwnCallback(String what) throws IllegalStateException {
        for (JmsAwsSession s : sessions) {
            if (s.isDeliveryThread()) {
                throw new IllegalStateException("a MessageListener or CompletionListener must not " + what + " its own connection");
            }
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) return;
        checkNotInOwnCallback("close");
        synchronized (lifecycle) {
            started = false;
        }
        for (JmsAwsSession s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                LOG.warn("closing a session of {}: {}", provider, e.getMessage());
            }
        }
        temporaries.deleteAll();
        closed = true;
        keeper.close();
        provider.close();
        pool.shutdown();
        if (clientId != null) ClientIds.release(provider.toString(), clientId);
    }

    // ------------------------------------------------------------------------------------ temporary destinations

    JmsAwsTemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        return temporaries.createQueue();
    }

    JmsAwsTemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        return temporaries.createTopic();
    }

    /** Only the connection that made a temporary destination consumes from it. */
    boolean owns(JmsAwsTemporaryQueue queue) {
        return temporaries.owns(queue);
    }

    boolean owns(JmsAwsTemporaryTopic topic) {
        return temporaries.owns(topic);
    }

    boolean hasConsumerOn(JmsAwsDestination destination) {
        return sessions.stream().anyMatch(s -> s.hasConsumerOn(destination));
    }

    // ------------------------------------------------------------------------------------ unsupported

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                             ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                              ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        if (domain == JmsAwsSession.Domain.QUEUE) {
            throw new IllegalStateException("createDurableConnectionConsumer is not allowed on a QueueConnection");
        }
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector, ServerSessionPool sessionPool,
                                                       int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector, ServerSessionPool sessionPool,
                                                       int maxMessages) throws JMSException {
        throw connectionConsumersUnsupported();
    }

    private static JMSException connectionConsumersUnsupported() {
        return new JMSException("connection consumers (ServerSessionPool, an optional part of JMS for application servers) are not "
                + "supported; use a MessageListener, or message-driven beans through the jms-aws resource adapter");
    }

    @Override
    public String toString() { return "JmsAwsConnection[" + provider + (clientId == null ? "" : ", clientID=" + clientId) + "]"; }
}
