package io.jmsaws.ra.outbound;

import io.jmsaws.client.JmsAwsSession;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The session of a {@link ConnectionHandle}. Inside a JTA transaction it works on the pooled
 * connection's transacted session, which it does not own: closing it closes only what was made
 * through it, and commit, rollback and recover belong to the transaction. Outside one it owns a
 * plain session of its own.
 */
final class SessionHandle implements Session {
    private final ConnectionHandle connection;
    private final JmsAwsSession session;
    private final boolean inTransaction;
    private final List<AutoCloseable> made = new ArrayList<>();
    private volatile boolean closed;

    SessionHandle(ConnectionHandle connection, JmsAwsSession session, boolean inTransaction) {
        this.connection = connection;
        this.session = session;
        this.inTransaction = inTransaction;
    }

    boolean isClosed() {
        return closed;
    }

    /** The provider session underneath, for a JMSContext over the same connection handle. */
    JmsAwsSession physical() {
        return session;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) throw new IllegalStateException("the session is closed");
    }

    private void checkNoTransaction(String what) throws TransactionInProgressException {
        if (inTransaction) {
            throw new TransactionInProgressException(what + " is not allowed: the session takes part in a JTA transaction, "
                    + "which the container commits or rolls back");
        }
    }

    private synchronized <T extends AutoCloseable> T track(T child) {
        made.add(child);
        return child;
    }

    private static IllegalStateException forbidden(String method) {
        return new IllegalStateException(method + " must not be called by an application in a Jakarta EE web or EJB container "
                + "(Jakarta Messaging 3.1, section 12.2); use a message-driven bean");
    }

    @Override
    public void close() throws JMSException {
        List<AutoCloseable> children;
        synchronized (this) {
            if (closed) return;
            closed = true;
            children = new ArrayList<>(made);
            made.clear();
        }
        if (!inTransaction) {
            session.close();
            return;
        }
        for (AutoCloseable c : children) {
            try {
                c.close();
            } catch (Exception e) {
                // a producer or consumer of a session that stays open: nothing to report
            }
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (JMSException e) {
            // the pool is taking the connection back
        }
    }

    @Override public BytesMessage createBytesMessage() throws JMSException { checkOpen(); return session.createBytesMessage(); }
    @Override public MapMessage createMapMessage() throws JMSException { checkOpen(); return session.createMapMessage(); }
    @Override public Message createMessage() throws JMSException { checkOpen(); return session.createMessage(); }
    @Override public ObjectMessage createObjectMessage() throws JMSException { checkOpen(); return session.createObjectMessage(); }
    @Override public ObjectMessage createObjectMessage(Serializable o) throws JMSException { checkOpen(); return session.createObjectMessage(o); }
    @Override public StreamMessage createStreamMessage() throws JMSException { checkOpen(); return session.createStreamMessage(); }
    @Override public TextMessage createTextMessage() throws JMSException { checkOpen(); return session.createTextMessage(); }
    @Override public TextMessage createTextMessage(String text) throws JMSException { checkOpen(); return session.createTextMessage(text); }

    @Override public boolean getTransacted() throws JMSException { checkOpen(); return inTransaction || session.getTransacted(); }
    @Override public int getAcknowledgeMode() throws JMSException { checkOpen(); return inTransaction ? Session.SESSION_TRANSACTED : session.getAcknowledgeMode(); }
    @Override public void commit() throws JMSException { checkOpen(); checkNoTransaction("commit"); session.commit(); }
    @Override public void rollback() throws JMSException { checkOpen(); checkNoTransaction("rollback"); session.rollback(); }
    @Override public void recover() throws JMSException { checkOpen(); checkNoTransaction("recover"); session.recover(); }

    @Override public MessageListener getMessageListener() throws JMSException { throw forbidden("Session.getMessageListener"); }
    @Override public void setMessageListener(MessageListener listener) throws JMSException { throw forbidden("Session.setMessageListener"); }
    @Override public void run() { throw new UnsupportedOperationException("Session.run is for application servers' own use"); }

    @Override public MessageProducer createProducer(Destination d) throws JMSException { checkOpen(); return track(session.createProducer(d)); }
    @Override public MessageConsumer createConsumer(Destination d) throws JMSException { checkOpen(); return track(session.createConsumer(d)); }
    @Override public MessageConsumer createConsumer(Destination d, String sel) throws JMSException { checkOpen(); return track(session.createConsumer(d, sel)); }
    @Override public MessageConsumer createConsumer(Destination d, String sel, boolean noLocal) throws JMSException { checkOpen(); return track(session.createConsumer(d, sel, noLocal)); }
    @Override public MessageConsumer createSharedConsumer(Topic t, String name) throws JMSException { checkOpen(); return track(session.createSharedConsumer(t, name)); }
    @Override public MessageConsumer createSharedConsumer(Topic t, String name, String sel) throws JMSException { checkOpen(); return track(session.createSharedConsumer(t, name, sel)); }
    @Override public Queue createQueue(String name) throws JMSException { checkOpen(); return session.createQueue(name); }
    @Override public Topic createTopic(String name) throws JMSException { checkOpen(); return session.createTopic(name); }
    @Override public TopicSubscriber createDurableSubscriber(Topic t, String name) throws JMSException { checkOpen(); return track(session.createDurableSubscriber(t, name)); }
    @Override public TopicSubscriber createDurableSubscriber(Topic t, String name, String sel, boolean noLocal) throws JMSException { checkOpen(); return track(session.createDurableSubscriber(t, name, sel, noLocal)); }
    @Override public MessageConsumer createDurableConsumer(Topic t, String name) throws JMSException { checkOpen(); return track(session.createDurableConsumer(t, name)); }
    @Override public MessageConsumer createDurableConsumer(Topic t, String name, String sel, boolean noLocal) throws JMSException { checkOpen(); return track(session.createDurableConsumer(t, name, sel, noLocal)); }
    @Override public MessageConsumer createSharedDurableConsumer(Topic t, String name) throws JMSException { checkOpen(); return track(session.createSharedDurableConsumer(t, name)); }
    @Override public MessageConsumer createSharedDurableConsumer(Topic t, String name, String sel) throws JMSException { checkOpen(); return track(session.createSharedDurableConsumer(t, name, sel)); }
    @Override public QueueBrowser createBrowser(Queue q) throws JMSException { checkOpen(); return track(session.createBrowser(q)); }
    @Override public QueueBrowser createBrowser(Queue q, String sel) throws JMSException { checkOpen(); return track(session.createBrowser(q, sel)); }
    @Override public TemporaryQueue createTemporaryQueue() throws JMSException { checkOpen(); return session.createTemporaryQueue(); }
    @Override public TemporaryTopic createTemporaryTopic() throws JMSException { checkOpen(); return session.createTemporaryTopic(); }
    @Override public void unsubscribe(String name) throws JMSException { checkOpen(); session.unsubscribe(name); }

    @Override
    public String toString() {
        return "jms-aws pooled session" + (inTransaction ? " (in a JTA transaction)" : "");
    }
}
