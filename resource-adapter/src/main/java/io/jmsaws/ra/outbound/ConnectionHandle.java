package io.jmsaws.ra.outbound;

import io.jmsaws.client.JmsAwsSession;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * What an application in the server gets from the pooled ConnectionFactory. It follows the
 * Jakarta EE rules for JMS (Jakarta Messaging 3.1, section 12.2): one session at a time, no
 * client id, exception listener, stop or connection consumers; {@link #close()} gives the
 * physical connection back to the pool.
 */
final class ConnectionHandle implements Connection {
    private volatile JmsAwsManagedConnection mc;
    private volatile SessionHandle session;
    private volatile boolean closed;

    ConnectionHandle(JmsAwsManagedConnection mc) {
        this.mc = mc;
    }

    JmsAwsManagedConnection managedConnection() {
        return mc;
    }

    void reassociate(JmsAwsManagedConnection other) {
        this.mc = other;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) throw new IllegalStateException("the connection is closed");
    }

    private static IllegalStateException forbidden(String method) {
        return new IllegalStateException(method + " must not be called by an application in a Jakarta EE web or EJB container "
                + "(Jakarta Messaging 3.1, section 12.2)");
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        return createSession(mode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    /**
     * Inside a JTA transaction the arguments are ignored and the session works in the transaction.
     * Outside one, a transacted request gets an auto-acknowledged session (what the specification
     * recommends), otherwise the acknowledgement mode asked for.
     */
    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return openSession(sessionMode);
    }

    /** The handle's one session, for the Session API or a JMSContext built over this handle. */
    synchronized SessionHandle openSession(int sessionMode) throws JMSException {
        checkOpen();
        if (session != null && !session.isClosed()) {
            throw new IllegalStateException("this connection already has a session: an application in a Jakarta EE container "
                    + "may have only one active session per connection (Jakarta Messaging 3.1, section 12.2)");
        }
        boolean inTransaction = mc.inTransaction();
        JmsAwsSession physical = inTransaction ? mc.transactedSession()
                : (JmsAwsSession) mc.physical().createSession(sessionMode == Session.SESSION_TRANSACTED ? Session.AUTO_ACKNOWLEDGE : sessionMode);
        session = new SessionHandle(this, physical, inTransaction);
        return session;
    }

    @Override public String getClientID() throws JMSException { checkOpen(); return mc.physical().getClientID(); }
    @Override public void setClientID(String clientID) throws JMSException { throw forbidden("Connection.setClientID"); }
    @Override public ConnectionMetaData getMetaData() throws JMSException { checkOpen(); return mc.physical().getMetaData(); }
    @Override public ExceptionListener getExceptionListener() throws JMSException { checkOpen(); return null; }
    @Override public void setExceptionListener(ExceptionListener listener) throws JMSException { throw forbidden("Connection.setExceptionListener"); }
    @Override public void start() throws JMSException { checkOpen(); } // the pooled connection is always started
    @Override public void stop() throws JMSException { throw forbidden("Connection.stop"); }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination d, String selector, ServerSessionPool pool, int max) throws JMSException {
        throw forbidden("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic t, String name, String selector, ServerSessionPool pool, int max) throws JMSException {
        throw forbidden("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic t, String name, String selector, ServerSessionPool pool, int max) throws JMSException {
        throw forbidden("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic t, String name, String selector, ServerSessionPool pool, int max) throws JMSException {
        throw forbidden("Connection.createSharedDurableConnectionConsumer");
    }

    /** Closes the session (its work in a JTA transaction stays for the transaction) and returns the connection to the pool. */
    @Override
    public void close() throws JMSException {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        SessionHandle s = session;
        if (s != null) s.close();
        mc.handleClosed(this);
    }

    void closeQuietly() {
        try {
            close();
        } catch (JMSException e) {
            // closing never fails in a way the caller could act on
        }
    }

    /** The pool took the physical connection back (cleanup): the handle is dead. */
    void invalidate() {
        closed = true;
        SessionHandle s = session;
        if (s != null) s.closeQuietly();
    }
}
