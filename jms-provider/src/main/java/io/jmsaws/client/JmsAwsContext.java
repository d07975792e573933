package io.jmsaws.client;

import io.jmsaws.util.JmsExceptions;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JMSContext: a connection and one session. Contexts made with {@link #createContext(int)} share
 * the connection, which closes with the last of them.
 *
 * <p>The resource adapter builds contexts over a container-managed connection handle instead
 * ({@link #overManagedConnection}): there the container owns the transaction and the connection.
 */
public final class JmsAwsContext implements JMSContext {
    private final Connection connection;
    private final AtomicInteger connectionUsers;
    private final JmsAwsSession session;
    private final int sessionMode;
    /** Null for a context of our own; else what closing a context over a managed connection does. */
    private final Runnable managedClose;
    private final boolean inJtaTransaction;
    private volatile boolean autoStart = true;
    private volatile boolean closed;
    private volatile boolean used;

    public JmsAwsContext(JmsAwsConnection connection, int sessionMode) {
        this(connection, new AtomicInteger(1), sessionMode);
    }

    private JmsAwsContext(JmsAwsConnection connection, AtomicInteger connectionUsers, int sessionMode) {
        this.connection = connection;
        this.connectionUsers = connectionUsers;
        this.sessionMode = sessionMode;
        this.session = JmsExceptions.runtime(() -> connection.createContextSession(sessionMode));
        this.managedClose = null;
        this.inJtaTransaction = false;
    }

    private JmsAwsContext(Connection handle, JmsAwsSession session, int sessionMode, boolean inJtaTransaction, Runnable close) {
        this.connection = handle;
        this.connectionUsers = new AtomicInteger(1);
        this.session = session;
        this.sessionMode = sessionMode;
        this.managedClose = close;
        this.inJtaTransaction = inJtaTransaction;
    }

    /**
     * A context over a connection handle of an application server's pool: {@code handle} answers the
     * connection methods (and refuses those the Jakarta EE rules forbid), {@code session} does the
     * messaging, {@code close} gives the handle back. Inside a JTA transaction, commit, rollback
     * and recover belong to the transaction and are refused.
     */
    public static JMSContext overManagedConnection(Connection handle, JmsAwsSession session, int sessionMode,
                                                   boolean inJtaTransaction, Runnable close) {
        return new JmsAwsContext(handle, session, sessionMode, inJtaTransaction, close);
    }

    private void checkNotJta(String what) {
        if (inJtaTransaction) {
            throw new TransactionInProgressRuntimeException(what + " is not allowed: the JMSContext takes part in a JTA transaction, "
                    + "which the container commits or rolls back");
        }
    }

    /** Every action but getClientID/setClientID counts as a use: the client id can be set only before the first (JMSContext.setClientID). */
    private void checkOpen() {
        checkNotClosed();
        used = true;
    }

    private void checkNotClosed() {
        if (closed) throw new IllegalStateRuntimeException("the JMSContext is closed");
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        checkOpen();
        if (managedClose != null) {
            throw new JMSRuntimeException("createContext(int) must not be used in a Jakarta EE web or EJB container: "
                    + "it would make a second session on the connection (Jakarta Messaging 3.1, section 12.2)");
        }
        connectionUsers.incrementAndGet();
        return new JmsAwsContext((JmsAwsConnection) connection, connectionUsers, sessionMode);
    }

    @Override
    public JMSProducer createProducer() {
        checkOpen();
        return new JmsAwsJMSProducer(session);
    }

    @Override public String getClientID() { checkNotClosed(); return JmsExceptions.runtime(connection::getClientID); }

    @Override
    public void setClientID(String clientID) {
        checkNotClosed();
        if (used) throw new IllegalStateRuntimeException("the client id must be set right after the JMSContext is created, before any other use");
        JmsExceptions.runtime(() -> connection.setClientID(clientID));
    }
    @Override public ConnectionMetaData getMetaData() { checkOpen(); return JmsExceptions.runtime(connection::getMetaData); }
    @Override public ExceptionListener getExceptionListener() { checkOpen(); return JmsExceptions.runtime(connection::getExceptionListener); }
    @Override public void setExceptionListener(ExceptionListener listener) { checkOpen(); JmsExceptions.runtime(() -> connection.setExceptionListener(listener)); }
    @Override public void start() { checkOpen(); JmsExceptions.runtime(connection::start); }
    @Override public void stop() { checkOpen(); JmsExceptions.runtime(connection::stop); }
    @Override public void setAutoStart(boolean autoStart) { checkOpen(); this.autoStart = autoStart; }
    @Override public boolean getAutoStart() { checkOpen(); return autoStart; }

    @Override
    public void close() {
        if (closed) return;
        if (session.isDeliveryThread()) {
            throw new IllegalStateRuntimeException("a MessageListener or CompletionListener must not close its own JMSContext");
        }
        closed = true;
        if (managedClose != null) {
            managedClose.run();
            return;
        }
        JmsExceptions.runtime(session::close);
        if (connectionUsers.decrementAndGet() == 0) JmsExceptions.runtime(connection::close);
    }

    @Override public BytesMessage createBytesMessage() { checkOpen(); return JmsExceptions.runtime(session::createBytesMessage); }
    @Override public MapMessage createMapMessage() { checkOpen(); return JmsExceptions.runtime(session::createMapMessage); }
    @Override public Message createMessage() { checkOpen(); return JmsExceptions.runtime(session::createMessage); }
    @Override public ObjectMessage createObjectMessage() { checkOpen(); return JmsExceptions.runtime(() -> session.createObjectMessage()); }
    @Override public ObjectMessage createObjectMessage(Serializable object) { checkOpen(); return JmsExceptions.runtime(() -> session.createObjectMessage(object)); }
    @Override public StreamMessage createStreamMessage() { checkOpen(); return JmsExceptions.runtime(session::createStreamMessage); }
    @Override public TextMessage createTextMessage() { checkOpen(); return JmsExceptions.runtime(() -> session.createTextMessage()); }
    @Override public TextMessage createTextMessage(String text) { checkOpen(); return JmsExceptions.runtime(() -> session.createTextMessage(text)); }
    @Override public boolean getTransacted() { checkOpen(); return inJtaTransaction || sessionMode == Session.SESSION_TRANSACTED; }
    @Override public int getSessionMode() { checkOpen(); return sessionMode; }
    @Override public void commit() { checkOpen(); checkNotJta("commit"); JmsExceptions.runtime(session::commit); }
    @Override public void rollback() { checkOpen(); checkNotJta("rollback"); JmsExceptions.runtime(session::rollback); }
    @Override public void recover() { checkOpen(); checkNotJta("recover"); JmsExceptions.runtime(session::recover); }

    private JMSConsumer consumer(JmsExceptions.JmsCall<jakarta.jms.MessageConsumer> create) {
        checkOpen();
        JMSConsumer c = new JmsAwsJMSConsumer(JmsExceptions.runtime(create));
        if (autoStart) JmsExceptions.runtime(connection::start);
        return c;
    }

    @Override public JMSConsumer createConsumer(Destination d) { return consumer(() -> session.createConsumer(d)); }
    @Override public JMSConsumer createConsumer(Destination d, String selector) { return consumer(() -> session.createConsumer(d, selector)); }
    @Override public JMSConsumer createConsumer(Destination d, String selector, boolean noLocal) { return consumer(() -> session.createConsumer(d, selector, noLocal)); }
    @Override public JMSConsumer createSharedConsumer(Topic t, String name) { return consumer(() -> session.createSharedConsumer(t, name)); }
    @Override public JMSConsumer createSharedConsumer(Topic t, String name, String selector) { return consumer(() -> session.createSharedConsumer(t, name, selector)); }
    @Override public JMSConsumer createDurableConsumer(Topic t, String name) { return consumer(() -> session.createDurableConsumer(t, name)); }
    @Override public JMSConsumer createDurableConsumer(Topic t, String name, String selector, boolean noLocal) { return consumer(() -> session.createDurableConsumer(t, name, selector, noLocal)); }
    @Override public JMSConsumer createSharedDurableConsumer(Topic t, String name) { return consumer(() -> session.createSharedDurableConsumer(t, name)); }
    @Override public JMSConsumer createSharedDurableConsumer(Topic t, String name, String selector) { return consumer(() -> session.createSharedDurableConsumer(t, name, selector)); }
    @Override public Queue createQueue(String name) { checkOpen(); return JmsExceptions.runtime(() -> session.createQueue(name)); }
    @Override public Topic createTopic(String name) { checkOpen(); return JmsExceptions.runtime(() -> session.createTopic(name)); }
    @Override public QueueBrowser createBrowser(Queue q) { checkOpen(); return JmsExceptions.runtime(() -> session.createBrowser(q)); }
    @Override public QueueBrowser createBrowser(Queue q, String selector) { checkOpen(); return JmsExceptions.runtime(() -> session.createBrowser(q, selector)); }
    @Override public TemporaryQueue createTemporaryQueue() { checkOpen(); return JmsExceptions.runtime(session::createTemporaryQueue); }
    @Override public TemporaryTopic createTemporaryTopic() { checkOpen(); return JmsExceptions.runtime(session::createTemporaryTopic); }
    @Override public void unsubscribe(String name) { checkOpen(); JmsExceptions.runtime(() -> session.unsubscribe(name)); }

    @Override
    public void acknowledge() {
        checkOpen();
        JmsExceptions.runtime(() -> {
            if (session.isClosed()) throw new jakarta.jms.IllegalStateException("the session is closed");
            session.acknowledge();
        });
    }
}
