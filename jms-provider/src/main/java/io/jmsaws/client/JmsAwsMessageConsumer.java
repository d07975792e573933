package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.selector.Selector;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.telemetry.Tracing;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A MessageConsumer (QueueReceiver, TopicSubscriber) on one queue: a JMS queue, or the
 * subscription queue of a topic. Its {@link Prefetcher} brings the messages; this applies the
 * consumer's rules (selector, noLocal) and hands them to receive() or the listener, the
 * session's ledger recording each delivery.
 */
public class JmsAwsMessageConsumer implements QueueReceiver, TopicSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsMessageConsumer.class);
    private final JmsAwsSession session;
    /** What the application consumes from: the queue, or the topic whose subscription queue this reads. */
    private final JmsAwsDestination destination;
    private final JmsAwsQueue queue;
    /** The SQS name of that queue: what its spans are named by. */
    private final String queueName;
    private final Selector selector;
    private final boolean noLocal;
    private final SubscriptionConsumers.Handle subscription;
    private final Prefetcher prefetcher;
    private volatile MessageListener listener;
    private volatile boolean closed;

    JmsAwsMessageConsumer(JmsAwsSession session, JmsAwsDestination destination, QueueInfo info, Selector selector, boolean noLocal,
                          SubscriptionConsumers.Handle subscription) {
        this.session = session;
        this.destination = destination;
        this.queue = info.queue();
        this.queueName = info.serviceName();
        this.selector = selector;
        this.noLocal = noLocal;
        this.subscription = subscription;
        this.prefetcher = new Prefetcher(session, destination, info, this::verdict, () -> !closed && !session.isClosed());
    }

    /** The SQS queue this consumer reads (a topic subscription's queue for topic consumers). */
    JmsAwsQueue queue() {
        return queue;
    }

    JmsAwsDestination destination() {
        return destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) throw new IllegalStateException("the consumer is closed");
    }

    /** What the consumer's rules make of a received message before anyone sees it. */
    private Arrivals.Verdict verdict(JmsAwsMessage m) {
        if (noLocal && (session.connection().id().equals(m.originConnectionId()) || publishedUnderOurClientId(m))) {
            return Arrivals.Verdict.DELETE; // published by this connection (durable: by any of its client id): never delivered here
        }
        if (selector == null || selector.matches(m)) return Arrivals.Verdict.DELIVER;
        // a subscription queue is this consumer's alone (or its sharers'): what the selector rejects is not for them;
        // on a queue it goes back at once for other consumers
        return subscription != null ? Arrivals.Verdict.DELETE : Arrivals.Verdict.GIVE_BACK;
    }

    /** Spec 8.3.3: a durable noLocal subscription takes nothing "published by ... any other connection with the same client identifier". */
    private boolean publishedUnderOurClientId(JmsAwsMessage m) {
        if (subscription == null || !subscription.subscription().kind().durable()) return false;
        String ours = session.connection().clientIdOrNull();
        return ours != null && ours.equals(m.originClientId());
    }

    void connectionStarted() {
        prefetcher.started();
    }

    void connectionStopped() {
        prefetcher.stopped();
    }

    /**
     * Synchronous receive: {@code timeout} 0 waits for ever, a negative one does not wait beyond
     * one short ReceiveMessage.
     */
    private Message receive(long timeout, boolean noWait) throws JMSException {
        checkOpen();
        if (listener != null) throw new IllegalStateException("this consumer has a MessageListener; it cannot also receive synchronously");
        long deadline = timeout > 0 ? System.currentTimeMillis() + timeout : Long.MAX_VALUE;
        ReceivedMessage r = prefetcher.next(deadline, noWait);
        if (r == null) return null;
        session.ledger().delivered(r);
        session.ledger().deliveryCompleted(r); // acknowledges now in AUTO and DUPS_OK, nothing otherwise
        return r.message;
    }

    /**
     * JMSConsumer.receiveBody: the body of the next message as {@code type}. A message whose body
     * cannot be returned so (a plain Message or a StreamMessage, or a body of another type) throws
     * {@code MessageFormatRuntimeException}; in AUTO and DUPS_OK it stays the next message to be
     * delivered, as if the call had not happened (not a redelivery); in CLIENT and transacted
     * modes it counts as delivered.
     */
    <T> T receiveBody(Class<T> type, long timeout, boolean noWait) throws JMSException {
        checkOpen();
        if (listener != null) throw new IllegalStateException("this consumer has a MessageListener; it cannot also receive synchronously");
        ReceivedMessage r = prefetcher.next(timeout > 0 ? System.currentTimeMillis() + timeout : Long.MAX_VALUE, noWait);
        if (r == null) return null;
        JmsAwsMessage m = r.message;
        boolean hasBody = !(m.getClass() == JmsAwsMessage.class || m instanceof jakarta.jms.StreamMessage);
        if (!hasBody || !m.isBodyAssignableTo(type)) {
            if (session.ledger().autoAcknowledges()) prefetcher.putBack(r);
            else session.ledger().delivered(r);
            throw new jakarta.jms.MessageFormatRuntimeException("receiveBody(" + type.getName() + "): the received "
                    + m.getClass().getSimpleName().replace("JmsAws", "") + " has no body that can be returned as " + type.getSimpleName());
        }
        session.ledger().delivered(r);
        T body = m.getBody(type);
        session.ledger().deliveryCompleted(r);
        return body;
    }

    @Override
    public Message receive() throws JMSException {
        return receive(0, false);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receive(timeout, false);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(-1, true);
    }

    /** Delivers one message to the listener, on the session's dispatcher. */
    boolean deliverToListener() {
        MessageListener l = listener;
        if (l == null || closed) return false;
        ReceivedMessage r = prefetcher.nextDeliverable();
        if (r == null) {
            prefetcher.fetchIfWanted();
            return false;
        }
        session.ledger().delivered(r);
        try (Tracing.Delivery span = traceDelivery(r.message)) {
            try {
                l.onMessage(r.message);
                session.ledger().deliveryCompleted(r);
            } catch (RuntimeException | Error e) {
                span.failed(e);
                throw e;
            }
        } catch (RuntimeException | Error e) {
            // one line for the operator, saying what happens next; the stack trace at DEBUG
            LOG.warn("the MessageListener of {} threw {} on message {}; {}", queue, e.toString(), messageIdOf(r), session.ledger().afterGivingBack(r));
            LOG.debug("MessageListener failure", e);
            session.ledger().deliveryFailed(r);
        }
        prefetcher.fetchIfWanted();
        return true;
    }

    /**
     * A process span for delivering {@code message} (received by this consumer), current on the
     * calling thread until closed: the listener's sends continue the message's trace. The resource
     * adapter wraps its MDB deliveries in it.
     */
    public Tracing.Delivery traceDelivery(jakarta.jms.Message message) {
        if (!(message instanceof io.jmsaws.message.JmsAwsMessage m)) return Tracing.Delivery.NONE;
        return session.connection().telemetry().tracing().process(Tracing.MessagingSystem.SQS, queueName, m.getJMSMessageID(),
                m.traceContext());
    }

    private static String messageIdOf(ReceivedMessage r) {
        String id = r.message.getJMSMessageID();
        return id != null ? id : r.messageId;
    }

    /** Removes and returns the buffered messages of a FIFO message group (to go back with a redelivered one). */
    List<ReceivedMessage> takeBufferedOfGroup(String group) {
        return prefetcher.takeGroup(group);
    }

    // ------------------------------------------------------------------------------------ the rest of the API

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        this.listener = listener;
        prefetcher.listening(listener != null);
        if (listener != null) session.wakeDispatcher();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == null ? null : selector.text();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        if (!(destination instanceof Queue q)) throw new IllegalStateException("this consumer reads a topic, not a queue");
        return q;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        if (!(destination instanceof Topic t)) throw new IllegalStateException("this consumer reads a queue, not a topic");
        return t;
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return noLocal;
    }

    @Override
    public void close() throws JMSException {
        if (closed) return;
        closeInternal();
        // close returns after a running onMessage of this consumer ends, unless called from it
        session.awaitDeliveryIdle();
    }

    /** Stops receiving and gives buffered messages back to SQS. */
    void closeInternal() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        session.release(prefetcher.close());
        session.removeConsumer(this);
        if (subscription != null) session.connection().subscriptions().closed(subscription);
    }
}
