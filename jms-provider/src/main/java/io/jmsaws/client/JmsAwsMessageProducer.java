package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.message.ForeignMessages;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.provider.ResolvedDestination;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import io.jmsaws.telemetry.Tracing;

import java.util.UUID;

/**
 * Sends to SQS queues. Every send sets the JMS headers on the application's message, encodes it
 * (size and content checked before any request) and hands it to the session, which sends it now,
 * batched, or at commit.
 */
public class JmsAwsMessageProducer implements QueueSender, TopicPublisher {
    private final JmsAwsSession session;
    private final JmsAwsDestination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private volatile boolean closed;
    /** The completion of this producer's last asynchronous send (its callback returned), for close(). */
    private volatile java.util.concurrent.CompletableFuture<Void> lastCompletion;

    JmsAwsMessageProducer(JmsAwsSession session, JmsAwsDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed || session.isClosed()) throw new IllegalStateException("the producer is closed");
    }

    @Override public void setDisableMessageID(boolean value) throws JMSException { checkOpen(); disableMessageId = value; }
    @Override public boolean getDisableMessageID() throws JMSException { checkOpen(); return disableMessageId; }
    @Override public void setDisableMessageTimestamp(boolean value) throws JMSException { checkOpen(); disableTimestamp = value; }
    @Override public boolean getDisableMessageTimestamp() throws JMSException { checkOpen(); return disableTimestamp; }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkOpen();
        checkDeliveryMode(deliveryMode);
        this.deliveryMode = deliveryMode;
    }

    @Override public int getDeliveryMode() throws JMSException { checkOpen(); return deliveryMode; }

    @Override
    public void setPriority(int priority) throws JMSException {
        checkOpen();
        checkPriority(priority);
        this.priority = priority;
    }

    @Override public int getPriority() throws JMSException { checkOpen(); return priority; }
    @Override public void setTimeToLive(long timeToLive) throws JMSException { checkOpen(); this.timeToLive = timeToLive; }
    @Override public long getTimeToLive() throws JMSException { checkOpen(); return timeToLive; }
    @Override public void setDeliveryDelay(long deliveryDelay) throws JMSException { checkOpen(); this.deliveryDelay = deliveryDelay; }
    @Override public long getDeliveryDelay() throws JMSException { checkOpen(); return deliveryDelay; }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public void close() throws JMSException {
        if (closed) return;
        session.checkNotInCallbackForCompletion("close on its own MessageProducer");
        closed = true;
        // "close must block until any incomplete send operations have been completed and their callbacks returned" (7.3.8);
        // the session's callbacks run in send order, so the last one's return means all of this producer's have
        session.awaitCompletion(lastCompletion);
    }

    // ------------------------------------------------------------------------------------ send

    @Override public void send(Message message) throws JMSException { send(message, deliveryMode, priority, timeToLive); }
    @Override public void send(Message m, int mode, int prio, long ttl) throws JMSException { doSend(null, false, m, mode, prio, ttl, null); }
    @Override public void send(Destination d, Message m) throws JMSException { send(d, m, deliveryMode, priority, timeToLive); }
    @Override public void send(Destination d, Message m, int mode, int prio, long ttl) throws JMSException { doSend(d, true, m, mode, prio, ttl, null); }
    @Override public void send(Message m, CompletionListener l) throws JMSException { send(m, deliveryMode, priority, timeToLive, l); }
    @Override public void send(Message m, int mode, int prio, long ttl, CompletionListener l) throws JMSException { doSend(null, false, m, mode, prio, ttl, checkListener(l)); }
    @Override public void send(Destination d, Message m, CompletionListener l) throws JMSException { send(d, m, deliveryMode, priority, timeToLive, l); }
    @Override public void send(Destination d, Message m, int mode, int prio, long ttl, CompletionListener l) throws JMSException { doSend(d, true, m, mode, prio, ttl, checkListener(l)); }
    @Override public void send(Queue q, Message m) throws JMSException { send((Destination) q, m); }
    @Override public void send(Queue q, Message m, int mode, int prio, long ttl) throws JMSException { send((Destination) q, m, mode, prio, ttl); }
    @Override public void publish(Message m) throws JMSException { send(m); }
    @Override public void publish(Message m, int mode, int prio, long ttl) throws JMSException { send(m, mode, prio, ttl); }
    @Override public void publish(Topic t, Message m) throws JMSException { send(t, m); }
    @Override public void publish(Topic t, Message m, int mode, int prio, long ttl) throws JMSException { send(t, m, mode, prio, ttl); }

    private static CompletionListener checkListener(CompletionListener l) {
        if (l == null) throw new IllegalArgumentException("the CompletionListener must not be null");
        return l;
    }

    private void doSend(Destination explicit, boolean destinationGiven, Message message, int mode, int prio, long ttl,
                        CompletionListener listener) throws JMSException {
        checkOpen();
        if (destinationGiven && destination != null) {
            throw new UnsupportedOperationException("this producer was created for " + destination + "; use send(Message) instead");
        }
        if (!destinationGiven && destination == null) {
            throw new UnsupportedOperationException("this producer has no destination; use send(Destination, Message)");
        }
        Destination target = destinationGiven ? explicit : destination;
        if (target == null) throw new InvalidDestinationException("the destination must not be null");
        if (message == null) throw new MessageFormatException("the message must not be null");
        checkDeliveryMode(mode);
        checkPriority(prio);
        JmsAwsDestination dest = session.checkDestination(target);

        long now = System.currentTimeMillis();
        message.setJMSDestination(dest);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSTimestamp(now);
        // saturating: setTimeToLive(Long.MAX_VALUE) means "for ever", not an expiration in the past
        message.setJMSExpiration(ttl > 0 ? saturatedSum(now, ttl) : 0);
        message.setJMSDeliveryTime(saturatedSum(now, Math.max(0, deliveryDelay)));
        message.setJMSMessageID("ID:" + UUID.randomUUID());
        JmsAwsMessage local = message instanceof JmsAwsMessage own ? own : ForeignMessages.copy(message);

        ResolvedDestination resolved = session.provider().resolve(dest); // once per send: encode and send go by it
        if (dest instanceof JmsAwsTopic) { // for noLocal subscribers
            local.setOriginConnectionId(session.connection().id());
            local.setOriginClientId(session.connection().clientIdOrNull());
        }
        // the create span: the message carries its context (a forwarded message gets its own, never the one it arrived with)
        local.setTraceContext(session.connection().telemetry().tracing().create(systemOf(resolved), resolved.serviceName(),
                local.getJMSMessageID()));
        java.util.concurrent.CompletableFuture<Void> completion = session.send(resolved, session.provider().encode(local, resolved), message, listener);
        if (completion != null) lastCompletion = completion;
    }

    static Tracing.MessagingSystem systemOf(ResolvedDestination d) {
        return d instanceof io.jmsaws.provider.TopicInfo ? Tracing.MessagingSystem.SNS : Tracing.MessagingSystem.SQS;
    }

    private static void checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("delivery mode " + mode + " is neither PERSISTENT (2) nor NON_PERSISTENT (1)");
        }
    }

    private static void checkPriority(int prio) throws JMSException {
        if (prio < 0 || prio > 9) throw new JMSException("priority " + prio + " is outside 0..9");
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
