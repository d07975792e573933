package io.jmsaws.ra.outbound;

import io.jmsaws.client.JmsAwsContext;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;
import java.io.Serializable;

/**
 * The {@code jakarta.jms.ConnectionFactory} applications look up or inject in the server.
 * Connections come from the server's pool and take part in the caller's JTA transaction:
 * what is sent inside one goes out only if it commits.
 */
public final class PooledConnectionFactory implements ConnectionFactory, Referenceable, Serializable {
    private static final long serialVersionUID = 1L;

    private final transient JmsAwsManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    PooledConnectionFactory(JmsAwsManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        try {
            return (Connection) manager.allocateConnection(factory, new Credentials(userName, password));
        } catch (ResourceException e) {
            JMSException j = new JMSException("jms-aws: no connection from the pool: " + e.getMessage());
            j.initCause(e);
            j.setLinkedException(e);
            throw j;
        }
    }

    @Override public JMSContext createContext() { return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE); }
    @Override public JMSContext createContext(int sessionMode) { return createContext(null, null, sessionMode); }
    @Override public JMSContext createContext(String userName, String password) { return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE); }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        ConnectionHandle handle;
        try {
            handle = (ConnectionHandle) createConnection(userName, password);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        try {
            SessionHandle session = handle.openSession(sessionMode);
            return JmsAwsContext.overManagedConnection(handle, session.physical(), sessionMode, session.inTransaction(), handle::closeQuietly);
        } catch (JMSException e) {
            handle.closeQuietly();
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override public void setReference(Reference reference) { this.reference = reference; }
    @Override public Reference getReference() { return reference; }

    @Override
    public String toString() {
        return "jms-aws pooled ConnectionFactory";
    }
}
