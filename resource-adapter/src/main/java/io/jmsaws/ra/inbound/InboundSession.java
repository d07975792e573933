package io.jmsaws.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One of an activation's {@code maxSession} delivery loops: a transacted session and its consumer,
 * run as a long-running Work on the server's WorkManager. The consumer long-polls SQS and
 * prefetches in the background; this loop hands each message to the MDB and then settles it:
 * deleted (session commit) when onMessage returned and its transaction, if any, committed; made
 * visible again after the redelivery delay (session rollback) otherwise.
 */
final class InboundSession implements Work, WorkContextProvider {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InboundSession.class);
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final MessageEndpointFactory factory;
    private final boolean transacted;
    private final Session session;
    private final MessageConsumer consumer;
    private final DeliveryOutcome outcome = new DeliveryOutcome();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    InboundSession(String name, MessageEndpointFactory factory, boolean transacted, Session session, MessageConsumer consumer) {
        this.name = name;
        this.factory = factory;
        this.transacted = transacted;
        this.session = session;
        this.consumer = consumer;
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        // it runs as long as the activation: keep it off the pool for short tasks
        HintsContext hints = new HintsContext();
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        hints.setName(name);
        return List.of(hints);
    }

    @Override
    public void run() {
        MessageEndpoint endpoint = null;
        try {
            while (!stopping) {
                Message message = consumer.receive(); // null once the consumer is closed by release()
                if (message == null) {
                    if (!stopping) LOG.error("jms-aws delivery loop {} lost its consumer; it stops, the activation's other sessions go on", name);
                    break;
                }
                if (endpoint == null) endpoint = factory.createEndpoint(transacted ? outcome : null);
                deliver(endpoint, message);
            }
        } catch (Exception e) {
            if (!stopping) LOG.error("jms-aws delivery loop {} ended on an error; its messages will be redelivered to the other sessions", name, e);
        } finally {
            if (endpoint != null) endpoint.release();
            finished.countDown();
        }
    }

    private void deliver(MessageEndpoint endpoint, Message message) throws JMSException {
        outcome.reset();
        boolean returned = false;
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                ((MessageListener) endpoint).onMessage(message);
                returned = true;
            } catch (RuntimeException e) {
                LOG.warn("jms-aws: MDB {} threw on message {} (delivery {}); it will be delivered again after the redelivery delay",
                        name, message.getJMSMessageID(), message.getIntProperty("JMSXDeliveryCount"), e);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (Exception e) {
            LOG.warn("jms-aws: delivery of message {} to {} did not complete: {}; it will be delivered again",
                    message.getJMSMessageID(), name, e.toString());
        }
        settle(returned);
    }

    private void settle(boolean returned) throws JMSException {
        boolean commit = switch (outcome.decision()) {
            case COMMIT -> true;
            case ROLLBACK -> false;
            case NONE -> returned && !transacted;
        };
        if (commit) {
            try {
                session.commit();
            } catch (JMSException e) {
                // the MDB's work is done; SQS will hand the message out again (a duplicate, never a loss)
                LOG.warn("jms-aws: message processed by {} but not deleted ({}); it will be delivered again", name, e.getMessage());
            }
        } else {
            session.rollback();
        }
    }

    /** Asks the loop to end: closing the consumer wakes a waiting receive and releases prefetched messages. */
    @Override
    public void release() {
        stopping = true;
        try {
            consumer.close();
        } catch (JMSException e) {
            LOG.debug("closing consumer of {}", name, e);
        }
    }

    boolean awaitFinished(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /** For a Work the WorkManager never ran. */
    void markFinished() {
        finished.countDown();
    }
}
