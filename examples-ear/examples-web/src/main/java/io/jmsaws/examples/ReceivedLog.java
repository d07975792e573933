package io.jmsaws.examples;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every MDB received, for the page and the tests to show. Made at deployment ({@code @Startup}):
 * Payara cannot create a singleton lazily inside a transaction's afterCompletion (Sender records a
 * JTA send's outcome there) and would keep it unavailable for good. No transaction: it is an
 * in-memory record, and Payara refuses a call that would join the transaction afterCompletion
 * reports on ("Client's transaction aborted") — WildFly allows it.
 */
@Singleton
@jakarta.ejb.Startup
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReceivedLog {
    /**
     * One delivery (or send): which MDB, what text, the message group, its delivery count, the
     * thread, and how it ended: "delivered", "failed: …" (the exception that rolled it back),
     * "rolled back", or for a JTA send "sent" / "rolled back: nothing sent".
     */
    public record Entry(long at, String mdb, String text, String group, int deliveryCount, String thread, String outcome) { }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger maxBusy = new AtomicInteger();
    private volatile boolean poisonFixed;

    public void record(String mdb, Message message) {
        record(mdb, message, "delivered");
    }

    public void record(String mdb, Message message, String outcome) {
        try {
            String text = message instanceof TextMessage t ? t.getText() : message.getClass().getSimpleName();
            String group = message.getStringProperty("JMSXGroupID");
            int count = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
            entries.add(new Entry(System.currentTimeMillis(), mdb, text, group, count, Thread.currentThread().getName(), outcome));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message: " + e.getMessage(), e);
        }
    }

    /** A JTA send's end: committed (the messages went out) or rolled back (nothing was sent). */
    public void recordSend(String destination, String text, String outcome) {
        entries.add(new Entry(System.currentTimeMillis(), "sender → " + destination, text, null, 0, Thread.currentThread().getName(), outcome));
    }

    /** Whether RiskyMdb has been "fixed": it then processes poison messages too (to show a redrive that succeeds). */
    public boolean poisonFixed() {
        return poisonFixed;
    }

    public void setPoisonFixed(boolean fixed) {
        this.poisonFixed = fixed;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public void clear() {
        entries.clear();
        maxBusy.set(0);
    }

    /** Counts deliveries under way at once (the WorkMdb's), to show maxSession at work. */
    public void enter() {
        int now = busy.incrementAndGet();
        maxBusy.accumulateAndGet(now, Math::max);
    }

    public void leave() {
        busy.decrementAndGet();
    }

    public int maxConcurrent() {
        return maxBusy.get();
    }
}
