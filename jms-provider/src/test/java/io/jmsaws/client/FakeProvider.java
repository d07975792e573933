package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import io.jmsaws.provider.EncodedMessage;
import io.jmsaws.provider.InboundMessage;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.provider.ResolvedDestination;
import io.jmsaws.provider.Subscription;
import io.jmsaws.provider.SubscriptionKind;
import io.jmsaws.selector.Selector;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Provider in memory, for the JMS layer's rules alone: queues of text messages with visibility
 * timeouts, receive counts, FIFO groups (a group waits while one of its messages is out), long
 * polls served by later sends, and a log of every call the session made. No SQS implementation,
 * no wire format: what it checks is what the JMS layer asks of a provider.
 */
final class FakeProvider implements Provider {
    /** One call the JMS layer made, e.g. "send SOON q", "deleteAll 2", "changeVisibility q 0". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, FakeQueue> queues = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "fake-provider-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    /** The visibility timeout every queue reports. */
    volatile int visibilityTimeoutSeconds = 30;

    private record Encoded(String text, Map<String, Object> properties, String group) implements EncodedMessage {
        @Override public int encodedSize() { return text == null ? 0 : text.length(); }
    }

    private static final class Stored {
        final String id;
        final Encoded message;
        long visibleAt;
        int receiveCount;
        String receipt;

        Stored(String id, Encoded message) {
            this.id = id;
            this.message = message;
        }
    }

    private static final class FakeQueue {
        final QueueInfo info;
        final List<Stored> messages = new ArrayList<>();

        FakeQueue(QueueInfo info) {
            this.info = info;
        }
    }

    private record Waiter(FakeQueue queue, JmsAwsDestination deliveredAs, int max, Integer visibility,
                          CompletableFuture<List<InboundMessage>> future) {
    }

    private FakeQueue queue(JmsAwsQueue q) {
        return queues.computeIfAbsent(q.name(), n -> new FakeQueue(new QueueInfo(q, "fake://" + n, n.endsWith(".fifo"), 262_144,
                visibilityTimeoutSeconds, false, "default", Map.of(), null)));
    }

    /** Messages of the queue not deleted, visible or not. */
    synchronized int depth(String queueName) {
        FakeQueue q = queues.get(queueName);
        return q == null ? 0 : q.messages.size();
    }

    // ------------------------------------------------------------------------------------ destinations

    @Override public void checkQueueName(String name) { }
    @Override public void checkTopicName(String name) { }

    @Override
    public ResolvedDestination resolve(JmsAwsDestination destination) throws JMSException {
        if (destination instanceof JmsAwsQueue q) return resolve(q);
        throw new JMSException("the fake provider has no topics");
    }

    @Override
    public QueueInfo resolve(JmsAwsQueue queue) {
        return queue(queue).info;
    }

    @Override public QueueInfo createTemporaryQueue(JmsAwsTemporaryQueue queue) { return resolve(queue); }
    @Override public void deleteTemporaryQueue(JmsAwsTemporaryQueue queue) { queues.remove(queue.name()); }
    @Override public void createTemporaryTopic(JmsAwsTemporaryTopic topic) { throw new UnsupportedOperationException(); }
    @Override public void deleteTemporaryTopic(JmsAwsTemporaryTopic topic) { throw new UnsupportedOperationException(); }

    @Override
    public Subscription subscribe(JmsAwsTopic topic, SubscriptionKind kind, String clientId, String name, Selector selector,
                                  boolean noLocal, int otherConsumers) throws JMSException {
        throw new JMSException("the fake provider has no topics");
    }

    @Override public void remove(Subscription subscription) { }
    @Override public boolean unsubscribe(SubscriptionKind kind, String clientId, String name) { return false; }

    // ------------------------------------------------------------------------------------ sending

    @Override
    public EncodedMessage encode(JmsAwsMessage message, ResolvedDestination destination) throws JMSException {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String name : java.util.Collections.list(message.getPropertyNames())) props.put(name, message.getObjectProperty(name));
        String text = message instanceof JmsAwsTextMessage t ? t.getText() : null;
        return new Encoded(text, props, (String) props.get(JmsAwsMessage.JMSX_GROUP_ID));
    }

    @Override
    public CompletableFuture<String> send(ResolvedDestination destination, EncodedMessage message, Urgency urgency) {
        calls.add("send " + urgency + " " + destination);
        return CompletableFuture.completedFuture(store((QueueInfo) destination, (Encoded) message));
    }

    @Override
    public void sendAll(ResolvedDestination destination, List<EncodedMessage> messages) {
        calls.add("sendAll " + messages.size() + " " + destination);
        for (EncodedMessage m : messages) store((QueueInfo) destination, (Encoded) m);
    }

    private String store(QueueInfo info, Encoded m) {
        String id = "m" + ids.incrementAndGet();
        synchronized (this) {
            queue(info.queue()).messages.add(new Stored(id, m));
        }
        serveWaiters();
        return id;
    }

    // ------------------------------------------------------------------------------------ receiving and settling

    @Override
    public CompletableFuture<List<InboundMessage>> receive(QueueInfo queue, JmsAwsDestination deliveredAs, int max, int waitSeconds,
                                                           Integer visibilityTimeout) {
        calls.add("receive " + queue);
        CompletableFuture<List<InboundMessage>> f = new CompletableFuture<>();
        List<InboundMessage> now;
        synchronized (this) {
            now = take(queue(queue.queue()), deliveredAs, max, visibilityTimeout);
            if (now.isEmpty() && waitSeconds > 0) {
                Waiter w = new Waiter(queue(queue.queue()), deliveredAs, max, visibilityTimeout, f);
                waiters.add(w);
                timer.schedule(() -> {
                    synchronized (this) {
                        waiters.remove(w);
                    }
                    f.complete(List.of());
                }, waitSeconds, TimeUnit.SECONDS);
                f.whenComplete((r, e) -> {
                    synchronized (this) {
                        waiters.remove(w);
                    }
                });
                return f;
            }
        }
        f.complete(now);
        return f;
    }

    private void serveWaiters() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.future.isDone()) {
                    it.remove();
                    continue;
                }
                List<InboundMessage> got = take(w.queue, w.deliveredAs, w.max, w.visibility);
                if (got.isEmpty()) continue;
                it.remove();
                completions.add(() -> w.future.complete(got));
            }
        }
        completions.forEach(Runnable::run);
    }

    /** Visible messages, marked received; on a FIFO queue a group waits while one of its messages is out. Call with the monitor held. */
    private List<InboundMessage> take(FakeQueue q, JmsAwsDestination deliveredAs, int max, Integer visibility) {
        long now = System.currentTimeMillis();
        List<InboundMessage> out = new ArrayList<>();
        java.util.Set<String> blockedGroups = new java.util.HashSet<>();
        for (Stored s : q.messages) {
            if (out.size() >= max) break;
            String group = s.message.group();
            if (s.visibleAt > now) {
                if (q.info.fifo()) blockedGroups.add(group);
                continue;
            }
            if (q.info.fifo() && blockedGroups.contains(group)) continue;
            s.receiveCount++;
            s.receipt = s.id + "#" + s.receiveCount;
            s.visibleAt = now + 1000L * (visibility != null ? visibility : q.info.visibilityTimeout());
            out.add(new InboundMessage(s.receipt, s.id, decode(s, deliveredAs)));
        }
        return out;
    }

    private static JmsAwsMessage decode(Stored s, JmsAwsDestination deliveredAs) {
        JmsAwsTextMessage m = new JmsAwsTextMessage(s.message.text());
        s.message.properties().forEach(m::setPropertyInternal);
        m.setPropertyInternal(JmsAwsMessage.JMSX_DELIVERY_COUNT, s.receiveCount);
        m.setJMSRedelivered(s.receiveCount > 1);
        m.setJMSDestination(deliveredAs);
        m.setJMSMessageID("ID:" + s.id);
        try {
            m.makeReadOnly();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private synchronized Stored byReceipt(QueueInfo queue, String receipt) {
        for (Stored s : queue(queue.queue()).messages) if (Objects.equals(s.receipt, receipt)) return s;
        return null;
    }

    @Override public boolean cancelsReceives() { return true; }
    @Override public void trackReceiveWork(CompletableFuture<?> work) { }

    @Override
    public CompletableFuture<Void> delete(QueueInfo queue, String receiptHandle) {
        calls.add("delete " + queue);
        synchronized (this) {
            queue(queue.queue()).messages.removeIf(s -> Objects.equals(s.receipt, receiptHandle));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> changeVisibility(QueueInfo queue, String receiptHandle, int seconds) {
        calls.add("changeVisibility " + queue + " " + seconds);
        Stored s = byReceipt(queue, receiptHandle);
        if (s != null) {
            synchronized (this) {
                s.visibleAt = System.currentTimeMillis() + seconds * 1000L;
            }
            if (seconds == 0) serveWaiters();
            else timer.schedule(this::serveWaiters, seconds, TimeUnit.SECONDS);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void deleteAll(Map<QueueInfo, List<String>> receiptHandles) {
        int n = receiptHandles.values().stream().mapToInt(List::size).sum();
        calls.add("deleteAll " + n);
        synchronized (this) {
            receiptHandles.forEach((q, handles) -> queue(q.queue()).messages.removeIf(s -> handles.contains(s.receipt)));
        }
    }

    // ------------------------------------------------------------------------------------ lifecycle

    @Override public java.util.concurrent.ScheduledExecutorService scheduler() { return timer; }
    @Override public void close() { timer.shutdownNow(); }

    /** The calls that start with {@code prefix}. */
    List<String> calls(String prefix) {
        List<String> out = new ArrayList<>();
        for (String c : calls) if (c.startsWith(prefix)) out.add(c);
        return out;
    }

    @Override
    public String toString() {
        return "fake";
    }

    static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
