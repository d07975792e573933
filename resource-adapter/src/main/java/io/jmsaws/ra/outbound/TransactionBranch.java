package io.jmsaws.ra.outbound;

import io.jmsaws.client.JmsAwsSession;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A pooled connection's part in a JTA transaction. The transaction's sends wait in the connection's
 * transacted session and go out, in batches of up to 10 per destination, when the transaction
 * manager asks this resource to <em>prepare</em> (two-phase) or to commit in one phase. The sends
 * are then in SQS before the transaction is decided committed, so a committed transaction never
 * lost its messages, whatever crashes afterwards. The price, stated in the README: a transaction
 * that a later participant rolls back after our prepare, or whose batch failed part-way (its
 * retries exhausted), has already sent some or all of its messages.
 *
 * <p>SQS keeps no transaction log: nothing is ever in doubt for recovery ({@link #recover} is
 * empty), since after a successful prepare there is nothing left to do.
 */
final class TransactionBranch implements XAResource {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionBranch.class);

    private final JmsAwsManagedConnection connection;
    private volatile Xid current;
    private volatile boolean sent;

    TransactionBranch(JmsAwsManagedConnection connection) {
        this.connection = connection;
    }

    boolean isActive() {
        return current != null;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        if ((flags & (TMJOIN | TMRESUME)) != 0 && xid.equals(current)) return;
        if (current != null && !current.equals(xid)) {
            throw xa(XAException.XAER_PROTO, "the connection already takes part in another transaction", null);
        }
        current = xid;
        sent = false;
    }

    @Override
    public void end(Xid xid, int flags) {
        // the work stays buffered until prepare or commit
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        send(xid);
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        try {
            if (!sent) send(xid);
        } finally {
            current = null;
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            JmsAwsSession s = connection.existingTransactedSession();
            if (sent) {
                LOG.warn("jms-aws: transaction {} rolled back after its messages were sent at prepare (another participant failed); "
                        + "SQS cannot recall them", xid);
            } else if (s != null) {
                s.rollback(); // buffered sends are dropped; messages received in the transaction come back
            }
        } catch (JMSException e) {
            LOG.warn("jms-aws: rolling back transaction {}: {}", xid, e.getMessage());
        } finally {
            current = null;
            sent = false;
        }
    }

    /** Sends what the transaction buffered (and deletes what it received); on failure the transaction rolls back. */
    private void send(Xid xid) throws XAException {
        JmsAwsSession s = connection.existingTransactedSession();
        try {
            if (s != null) s.commit();
            sent = true;
        } catch (JMSException e) {
            // loud: the application's transaction fails with this; messages of an earlier batch may already be in SQS
            LOG.error("jms-aws: sending the messages of transaction {} failed after retries: {}. The transaction is rolled back; "
                    + "messages the error names as sent were delivered and will not be recalled", xid, e.getMessage(), e);
            current = null;
            throw xa(XAException.XA_RBCOMMFAIL, "jms-aws could not send the transaction's messages: " + e.getMessage(), e);
        }
    }

    private static XAException xa(int code, String message, Throwable cause) {
        XAException e = new XAException(message);
        e.errorCode = code;
        if (cause != null) e.initCause(cause);
        return e;
    }

    @Override public void forget(Xid xid) { current = null; }
    @Override public Xid[] recover(int flag) { return new Xid[0]; }
    @Override public boolean isSameRM(XAResource other) { return other == this; }
    @Override public int getTransactionTimeout() { return 0; }
    @Override public boolean setTransactionTimeout(int seconds) { return false; }
}
