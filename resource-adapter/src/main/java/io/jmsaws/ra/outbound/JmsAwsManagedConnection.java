package io.jmsaws.ra.outbound;

import io.jmsaws.client.JmsAwsConnectionMetaData;
import io.jmsaws.client.JmsAwsSession;
import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One pooled physical jms-aws connection. Inside a JTA transaction its handles share one
 * transacted session whose sends are buffered and go out when the transaction commits (see
 * {@link TransactionBranch}); outside one, each handle's session is a plain session of its own.
 */
public final class JmsAwsManagedConnection implements ManagedConnection {
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsManagedConnection.class);

    private final Credentials credentials;
    private final Connection physical;
    private final TransactionBranch branch = new TransactionBranch(this);
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private JmsAwsSession transactedSession;
    private volatile boolean broken;
    private PrintWriter logWriter;

    JmsAwsManagedConnection(JmsAwsResourceAdapter adapter, Credentials credentials) throws ResourceException {
        this.credentials = credentials;
        try {
            this.physical = adapter.connectionFactory().createConnection(credentials.user(), credentials.password());
            physical.setExceptionListener(e -> {
                LOG.warn("jms-aws: pooled connection failed: {}; the pool will replace it", e.getMessage());
                broken = true;
                fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, null, e);
            });
            physical.start(); // synchronous receive() in EE code needs a started connection; start() is not the application's to call
        } catch (JMSException e) {
            throw new ResourceAdapterInternalException("jms-aws: cannot open a connection: " + e.getMessage(), e);
        }
    }

    Credentials credentials() {
        return credentials;
    }

    boolean isBroken() {
        return broken;
    }

    Connection physical() {
        return physical;
    }

    boolean inTransaction() {
        return branch.isActive();
    }

    /** The transacted session that buffers the current JTA transaction's work. */
    synchronized JmsAwsSession transactedSession() throws JMSException {
        if (transactedSession == null || transactedSession.isClosed()) {
            transactedSession = (JmsAwsSession) physical.createSession(Session.SESSION_TRANSACTED);
        }
        return transactedSession;
    }

    /** The transacted session if one was made, for the transaction branch to commit or roll back. */
    synchronized JmsAwsSession existingTransactedSession() {
        return transactedSession;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        ConnectionHandle h = new ConnectionHandle(this);
        handles.add(h);
        return h;
    }

    @Override
    public void associateConnection(Object handle) throws ResourceException {
        if (!(handle instanceof ConnectionHandle h)) throw new ResourceException("not a jms-aws connection handle: " + handle);
        h.managedConnection().handles.remove(h);
        h.reassociate(this);
        handles.add(h);
    }

    void handleClosed(ConnectionHandle h) {
        handles.remove(h);
        fire(ConnectionEvent.CONNECTION_CLOSED, h, null);
    }

    private void fire(int type, ConnectionHandle handle, Exception e) {
        ConnectionEvent event = e == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, e);
        if (handle != null) event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            switch (type) {
                case ConnectionEvent.CONNECTION_CLOSED -> l.connectionClosed(event);
                case ConnectionEvent.CONNECTION_ERROR_OCCURRED -> l.connectionErrorOccurred(event);
                default -> { }
            }
        }
    }

    /** Back to the pool: handles are invalidated, their sessions closed; a transaction's work was settled by then. */
    @Override
    public void cleanup() {
        for (ConnectionHandle h : handles) h.invalidate();
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        try {
            physical.close();
        } catch (JMSException e) {
            LOG.debug("closing pooled connection", e);
        }
    }

    @Override public XAResource getXAResource() { return branch; }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("jms-aws takes part in JTA transactions through its XAResource; no local transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override public String getEISProductName() { return JmsAwsConnectionMetaData.PROVIDER_NAME; }
            @Override public String getEISProductVersion() { return JmsAwsConnectionMetaData.PROVIDER_VERSION; }
            @Override public int getMaxConnections() { return 0; }
            @Override public String getUserName() { return credentials.user(); }
        };
    }

    @Override public void addConnectionEventListener(ConnectionEventListener l) { listeners.add(l); }
    @Override public void removeConnectionEventListener(ConnectionEventListener l) { listeners.remove(l); }
    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public PrintWriter getLogWriter() { return logWriter; }
}
