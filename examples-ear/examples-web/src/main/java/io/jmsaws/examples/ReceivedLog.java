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

/** What every MDB received, for the page and the tests to show. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReceivedLog {
    /** One delivery: which MDB, what text, the message group, its delivery count, the thread. */
    public record Entry(long at, String mdb, String text, String group, int deliveryCount, String thread) { }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger maxBusy = new AtomicInteger();

    public void record(String mdb, Message message) {
        try {
            String text = message instanceof TextMessage t ? t.getText() : message.getClass().getSimpleName();
            String group = message.getStringProperty("JMSXGroupID");
            int count = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
            entries.add(new Entry(System.currentTimeMillis(), mdb, text, group, count, Thread.currentThread().getName()));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message: " + e.getMessage(), e);
        }
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
