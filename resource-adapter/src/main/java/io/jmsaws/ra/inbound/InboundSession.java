package io.jmsaws.ra.inbound;

import io.jmsaws.client.JmsAwsMessageConsumer;
import io.jmsaws.telemetry.Tracing;
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
    private static final long MAX_PAUSE_MILLIS = 30_000;
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
        long pauseMillis = 0;
        try {
            while (!stopping) {
                Message message;
                try {
                    message = consumer.receive(); // null once the consumer is closed by release()
                    pauseMillis = 0;
                } catch (jakarta.jms.IllegalStateException closed) {
                    if (!stopping) LOG.error("jms-aws delivery loop {} lost its consumer ({}); it stops, the activation's other sessions go on",
                            name, closed.getMessage());
                    break;
                } catch (JMSException e) {
                    // SQS could not be reached for a moment: the consumer polls again by itself, and so does this loop
                    pauseMillis = pauseMillis == 0 ? 1_000 : Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
                    if (!stopping) LOG.warn("jms-aws: delivery loop {} could not receive ({}); it tries again in {} ms", name, e.getMessage(), pauseMillis);
                    pause(pauseMillis);
                    continue;
                }
                if (message == null) {
                    if (!stopping) LOG.error("jms-aws delivery loop {} lost its consumer; it stops, the activation's other sessions go on", name);
                    break;
                }
                if (endpoint == null) endpoint = factory.createEndpoint(transacted ? outcome : null);
                deliver(endpoint, message);
            }
        } catch (Throwable e) {
            if (!stopping) {
                LOG.error("jms-aws delivery loop {} ended on {}; its messages will be redelivered to the other sessions", name, e.toString());
                LOG.debug("delivery loop failure", e);
                giveBack();
            }
        } finally {
            if (endpoint != null) endpoint.release();
            finished.countDown();
        }
    }

    /** A loop that ended on an error gives back the message it was on and what its consumer holds, for the other sessions. */
    private void giveBack() {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("rolling back the session of {}: {}", name, e.toString());
        }
        try {
            consumer.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("closing the consumer of {}: {}", name, e.toString());
        }
    }

    /** Waits, unless the loop is asked to stop meanwhile (release closes the consumer and sets stopping). */
    private void pause(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!stopping && System.currentTimeMillis() < until) {
            finished.await(Math.min(100, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(MessageEndpoint endpoint, Message message) throws JMSException {
        outcome.reset();
        boolean returned = false;
        // a process span around the whole delivery (transaction included): what the MDB sends continues the message's trace
        Tracing.Delivery span = consumer instanceof JmsAwsMessageConsumer c ? c.traceDelivery(message) : Tracing.Delivery.NONE;
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                ((MessageListener) endpoint).onMessage(message);
                returned = true;
            } catch (RuntimeException | Error e) {
                span.failed(e);
                // one line saying what happens next (the container logs the exception itself); the stack trace at DEBUG
                String next = message instanceof io.jmsaws.message.JmsAwsMessage m ? m.outlookIfGivenBack() : "it will be delivered again";
                LOG.warn("jms-aws: MDB {} threw on message {} (delivery {}): {}; {}", name, message.getJMSMessageID(),
                        message.getIntProperty("JMSXDeliveryCount"), e.toString(), next);
                LOG.debug("MDB failure", e);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (Exception | Error e) {
            span.failed(e);
            LOG.warn("jms-aws: delivery of message {} to {} did not complete: {}; it will be delivered again",
                    message.getJMSMessageID(), name, e.toString());
        } finally {
            span.close();
        }
        settle(returned);
    }

    private void settle(boolean returned) {
        boolean commit = switch (outcome.decision()) {
            case COMMIT -> true;
            case ROLLBACK -> false;
            case NONE -> returned && !transacted;
        };
        try {
            if (commit) {
                session.commit();
            } else {
                session.rollback();
            }
        } catch (JMSException | RuntimeException e) {
            // the message goes back to SQS when its visibility runs out (a duplicate, never a loss); the loop goes on
            LOG.warn("jms-aws: {} of a message of {} failed ({}); it will be delivered again", commit ? "deleting" : "giving back", name,
                    e.getMessage());
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
