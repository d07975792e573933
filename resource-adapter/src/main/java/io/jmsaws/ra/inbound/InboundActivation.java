package io.jmsaws.ra.inbound;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One MDB's activation: a connection (with the MDB's clientId and options) and
 * {@code maxSession} {@link InboundSession}s on the WorkManager, all consuming the same
 * destination or subscription.
 */
public final class InboundActivation {
    private static final Logger LOG = LoggerFactory.getLogger(InboundActivation.class);
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final JmsAwsResourceAdapter adapter;
    private final MessageEndpointFactory factory;
    private final JmsAwsActivationSpec spec;
    private final List<InboundSession> sessions = new ArrayList<>();
    private Connection connection;

    public InboundActivation(JmsAwsResourceAdapter adapter, MessageEndpointFactory factory, JmsAwsActivationSpec spec) {
        this.adapter = adapter;
        this.factory = factory;
        this.spec = spec;
    }

    public synchronized void start() throws ResourceException {
        String endpoint = factory.getEndpointClass() != null ? factory.getEndpointClass().getSimpleName() : factory.getActivationName();
        try {
            boolean transacted = factory.isDeliveryTransacted(InboundSession.ON_MESSAGE);
            connection = new JmsAwsConnectionFactory(configFor(adapter.config())).createConnection();
            if (spec.getClientId() != null && !spec.getClientId().isBlank()) connection.setClientID(spec.getClientId());
            connection.setExceptionListener(e -> LOG.warn("jms-aws: connection of MDB {} reported: {}", endpoint, e.getMessage()));
            Destination destination = destination();
            WorkManager work = adapter.workManager();
            for (int i = 0; i < spec.effectiveMaxSession(); i++) {
                Session session = connection.createSession(Session.SESSION_TRANSACTED);
                InboundSession s = new InboundSession(endpoint + " #" + (i + 1), factory, transacted, session,
                        consumer(session, destination));
                sessions.add(s);
                try {
                    work.scheduleWork(s, WorkManager.INDEFINITE, null, null);
                } catch (WorkException e) {
                    s.markFinished();
                    throw e;
                }
            }
            connection.start();
            LOG.info("jms-aws: MDB {} consumes {} with {} session(s){}", endpoint, destination, sessions.size(),
                    transacted ? ", deleting each message when its transaction commits" : "");
        } catch (JMSException | WorkException | NoSuchMethodException | NamingException | RuntimeException e) {
            stop();
            throw new ResourceException("jms-aws: cannot activate MDB " + endpoint + " on " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The adapter's configuration with this MDB's receive and redelivery options. */
    private JmsAwsConfig configFor(JmsAwsConfig base) {
        JmsAwsConfig c = base;
        if (spec.getMaxMessages() != null) c = c.with(Option.PREFETCH, spec.getMaxMessages().toString());
        if (spec.getWaitTimeSeconds() != null) c = c.with(Option.WAIT_TIME_SECONDS, spec.getWaitTimeSeconds().toString());
        if (spec.getRedeliveryDelay() != null) c = c.with(Option.REDELIVERY_DELAY, spec.getRedeliveryDelay().toString());
        if (spec.getRedeliveryBackoff() != null) c = c.with(Option.REDELIVERY_BACKOFF, spec.getRedeliveryBackoff().toString());
        if (spec.getMaxRedeliveryDelay() != null) c = c.with(Option.MAX_REDELIVERY_DELAY, spec.getMaxRedeliveryDelay().toString());
        return c;
    }

    private Destination destination() throws NamingException, JMSException {
        if (spec.getDestinationLookup() != null && !spec.getDestinationLookup().isBlank()) {
            Object found = new InitialContext().lookup(spec.getDestinationLookup());
            if (spec.isQueue() && !(found instanceof Queue) || spec.isTopic() && !(found instanceof Topic)) {
                throw new jakarta.jms.InvalidDestinationException("'destinationLookup' " + spec.getDestinationLookup() + " names "
                        + found + ", not a " + spec.getDestinationType());
            }
            return (Destination) found;
        }
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            return spec.isQueue() ? s.createQueue(spec.getDestination()) : s.createTopic(spec.getDestination());
        }
    }

    private MessageConsumer consumer(Session session, Destination destination) throws JMSException {
        String selector = spec.getMessageSelector() == null || spec.getMessageSelector().isBlank() ? null : spec.getMessageSelector();
        if (spec.isQueue()) return session.createConsumer(destination, selector);
        Topic topic = (Topic) destination;
        String name = spec.getSubscriptionName();
        if (spec.isShared()) {
            return spec.isDurable() ? session.createSharedDurableConsumer(topic, name, selector) : session.createSharedConsumer(topic, name, selector);
        }
        return spec.isDurable() ? session.createDurableConsumer(topic, name, selector, false) : session.createConsumer(topic, selector);
    }

    /**
     * Stops delivery: every loop finishes the message it is on (up to 30 s), prefetched messages are
     * released, a non-durable subscription's queue is removed with the connection.
     */
    public synchronized void stop() {
        beginStop();
        finishStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS));
    }

    /** Stops polling: no session takes a new message. The adapter begins every activation's stop before it waits for any. */
    public synchronized void beginStop() {
        sessions.forEach(InboundSession::release);
    }

    /**
     * Waits for the deliveries under way — at most until {@code deadlineNanos}, shared by every
     * activation the adapter stops, so that the adapter stops within a server's budget (Payara: 30 s)
     * however many MDBs it serves — then closes the connection: the polls in flight end in the
     * background and what they bring is given back.
     */
    public synchronized void finishStop(long deadlineNanos) {
        for (InboundSession s : sessions) {
            try {
                long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
                if (!s.awaitFinished(left)) LOG.warn("jms-aws: a delivery of {} was still running when the adapter had to stop; closing anyway", spec);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.warn("jms-aws: closing the connection of {}: {}", spec, e.getMessage());
            }
            connection = null;
        }
    }
}
