package io.jmsaws.ra.inbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XAResource an MDB's container-managed transaction enlists for one delivery. It only records
 * the transaction's decision: the delivery thread settles the message after {@code afterDelivery}
 * returns (delete on commit, make visible again on rollback). That keeps the session on one thread
 * even when the transaction reaper rolls back from another, and makes the guarantee simple: the
 * message is deleted only after its transaction committed; a crash in between redelivers it.
 *
 * <p>SQS cannot take part in two-phase commit: prepare always votes yes and nothing is ever in
 * doubt, so recovery has nothing to find.
 */
final class DeliveryOutcome implements XAResource {
    enum Decision { NONE, COMMIT, ROLLBACK }

    private volatile Decision decision = Decision.NONE;

    void reset() {
        decision = Decision.NONE;
    }

    Decision decision() {
        return decision;
    }

    @Override public void start(Xid xid, int flags) { }
    @Override public void end(Xid xid, int flags) { }
    @Override public int prepare(Xid xid) { return XA_OK; }
    @Override public void commit(Xid xid, boolean onePhase) { decision = Decision.COMMIT; }
    @Override public void rollback(Xid xid) { decision = Decision.ROLLBACK; }
    @Override public void forget(Xid xid) { }
    @Override public Xid[] recover(int flag) { return new Xid[0]; }
    @Override public boolean isSameRM(XAResource other) throws XAException { return other == this; }
    @Override public int getTransactionTimeout() { return 0; }
    @Override public boolean setTransactionTimeout(int seconds) { return false; }
}
