package io.jmsaws.ra.outbound;

import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The outbound side: the application server pools the {@link JmsAwsManagedConnection}s this makes
 * and hands applications a {@link PooledConnectionFactory} ({@code jakarta.jms.ConnectionFactory}).
 * Every managed connection uses the adapter's backend configuration.
 */
public class JmsAwsManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {
    private static final long serialVersionUID = 1L;

    private transient JmsAwsResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new PooledConnectionFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("jms-aws's pooled ConnectionFactory needs an application server's connection manager; "
                + "outside a server use io.jmsaws.JmsAwsConnectionFactory");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        Credentials c = info instanceof Credentials cr ? cr : Credentials.NONE;
        return new JmsAwsManagedConnection(adapter(), c);
    }

    @Override
    @SuppressWarnings({"rawtypes"})
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        Credentials wanted = info instanceof Credentials cr ? cr : Credentials.NONE;
        for (Object o : candidates) {
            if (o instanceof JmsAwsManagedConnection mc && mc.credentials().equals(wanted) && !mc.isBroken()) return mc;
        }
        return null;
    }

    JmsAwsResourceAdapter adapter() throws ResourceException {
        if (adapter == null) throw new jakarta.resource.spi.IllegalStateException("the jms-aws ConnectionFactory is not associated with its resource adapter");
        return adapter;
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    @Override public ResourceAdapter getResourceAdapter() { return adapter; }
    @Override public void setResourceAdapter(ResourceAdapter ra) { this.adapter = (JmsAwsResourceAdapter) ra; }
    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public PrintWriter getLogWriter() { return logWriter; }

    // no properties of its own: one factory of an adapter equals another
    @Override public boolean equals(Object o) { return o instanceof JmsAwsManagedConnectionFactory f && f.adapter == adapter; }
    @Override public int hashCode() { return JmsAwsManagedConnectionFactory.class.hashCode(); }
}
