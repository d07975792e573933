package io.jmsaws.embedded;

import io.jmsaws.limits.SqsLimits;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One embedded SQS queue: visibility timeouts, receive counts, delays, retention, FIFO groups with
 * the 5-minute deduplication window, redrive to a dead-letter queue, and long polling without any
 * thread waiting (a waiting receive is a future, completed by a send or by a timer).
 * All state is guarded by this object's monitor.
 */
final class EmbeddedQueue {
    private static final Comparator<StoredMessage> BY_VISIBILITY =
            Comparator.<StoredMessage>comparingLong(m -> m.visibleAt).thenComparingLong(m -> m.seq);

    final String name;
    final String url;
    final String arn;
    final boolean fifo;
    final long createdTimestamp;
    private final EmbeddedSqs server;
    private QueueAttributes attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();

    /** Standard queues: every message by (visibleAt, seq), so the visible ones are at the head. */
    private final TreeSet<StoredMessage> byVisibility = new TreeSet<>(BY_VISIBILITY);
    /** FIFO queues: every message in send order, scanned by group. */
    private final TreeMap<Long, StoredMessage> bySeq = new TreeMap<>();
    private final Map<String, StoredMessage> byId = new HashMap<>();
    private final DeduplicationWindow dedup = new DeduplicationWindow();
    private final List<Waiter> waiters = new ArrayList<>();
    private ScheduledFuture<?> wakeup;
    private long wakeupAt = Long.MAX_VALUE;
    private long nextSeq;
    private long receiveSerial;
    private boolean deleted;

    private static final class Waiter {
        final ReceiveSpec spec;
        final CompletableFuture<List<Message>> future;
        ScheduledFuture<?> timeout;

        Waiter(ReceiveSpec spec, CompletableFuture<List<Message>> future) {
            this.spec = spec;
            this.future = future;
        }
    }

    EmbeddedQueue(EmbeddedSqs server, String name, QueueAttributes attributes) {
        this.server = server;
        this.name = name;
        this.url = server.urlOf(name);
        this.arn = server.arnOf(name);
        this.fifo = name.endsWith(".fifo");
        this.attributes = attributes;
        this.createdTimestamp = System.currentTimeMillis();
    }

    synchronized QueueAttributes attributes() { return attributes; }
    synchronized void setAttributes(QueueAttributes changed) { this.attributes = changed; }
    synchronized Map<String, String> tags() { return new LinkedHashMap<>(tags); }
    synchronized void tag(Map<String, String> newTags) { tags.putAll(newTags); }
    synchronized void untag(List<String> keys) { keys.forEach(tags::remove); }

    // ------------------------------------------------------------------------------------ send

    SendResult send(SendSpec spec) {
        List<Runnable> completions;
        SendResult result;
        synchronized (this) {
            long now = System.currentTimeMillis();
            String dedupId = null;
            if (fifo) {
                dedupId = spec.deduplicationId() != null ? spec.deduplicationId()
                        : attributes.contentBasedDeduplication() ? Hashes.sha256Hex(spec.body()) : null;
                String dedupKey = attributes.dedupScopeIsGroup() ? spec.groupId() + "\u0000" + dedupId : dedupId;
                DeduplicationWindow.Original seen = dedup.originalOf(dedupKey, now);
                if (seen != null) return new SendResult(seen.messageId(), seen.sequenceNumber(), Hashes.md5Hex(spec.body()));
                String id = UUID.randomUUID().toString();
                String sequenceNumber = String.format("%020d", server.nextSequenceNumber());
                dedup.remember(dedupKey, id, sequenceNumber, now);
                result = store(id, spec, now, dedupId, sequenceNumber, attributes.delaySeconds());
            } else {
                int delay = spec.delaySeconds() != null ? spec.delaySeconds() : attributes.delaySeconds();
                result = store(UUID.randomUUID().toString(), spec, now, null, null, delay);
            }
            completions = serveWaiters(now);
        }
        completions.forEach(server.deliveryExecutor()::execute);
        return result;
    }

    private SendResult store(String id, SendSpec spec, long now, String dedupId, String sequenceNumber, int delaySeconds) {
        String md5 = Hashes.md5Hex(spec.body());
        // a standard queue keeps a MessageGroupId too (fair queues, since July 2025): it shares throughput, it does not order
        StoredMessage m = new StoredMessage(id, nextSeq++, spec.body(), spec.attributes(), now, spec.groupId(),
                dedupId, sequenceNumber, md5, now + delaySeconds * 1000L);
        m.traceHeader = spec.traceHeader();
        add(m);
        return new SendResult(id, sequenceNumber, md5);
    }

    /** Puts a message moved here from its source queue by redrive: same id, body and attributes. */
    void acceptMovedMessage(StoredMessage original) {
        List<Runnable> completions;
        synchronized (this) {
            long now = System.currentTimeMillis();
            StoredMessage m = new StoredMessage(original.id, nextSeq++, original.body, original.attributes,
                    original.sentTimestamp, original.groupId, original.deduplicationId,
                    fifo ? String.format("%020d", server.nextSequenceNumber()) : null, original.md5OfBody, now);
            m.traceHeader = original.traceHeader;
            add(m);
            completions = serveWaiters(now);
        }
        completions.forEach(server.deliveryExecutor()::execute);
    }

    private void add(StoredMessage m) {
        byId.put(m.id, m);
        if (fifo) bySeq.put(m.seq, m);
        else byVisibility.add(m);
    }

    private void remove(StoredMessage m) {
        byId.remove(m.id);
        if (fifo) bySeq.remove(m.seq);
        else byVisibility.remove(m);
    }

    // ------------------------------------------------------------------------------------ receive

    /** Receives now, or waits up to {@code waitSeconds} for a message to become visible. */
    CompletableFuture<List<Message>> receive(ReceiveSpec spec, int waitSeconds) {
        CompletableFuture<List<Message>> future = new CompletableFuture<>();
        List<Message> now;
        synchronized (this) {
            now = receiveNow(spec, System.currentTimeMillis());
            if (now.isEmpty() && waitSeconds > 0 && !deleted) {
                Waiter w = new Waiter(spec, future);
                waiters.add(w);
                w.timeout = server.scheduler().schedule(() -> expire(w), waitSeconds, TimeUnit.SECONDS);
                scheduleWakeup(System.currentTimeMillis());
                future.whenComplete((r, e) -> {
                    if (future.isCancelled()) cancelled(w);
                });
                return future;
            }
        }
        future.complete(now);
        return future;
    }

    /** A waiting receive was cancelled (its client went away): it must take nothing from now on. */
    private synchronized void cancelled(Waiter w) {
        waiters.remove(w);
        w.timeout.cancel(false);
    }

    private void expire(Waiter w) {
        synchronized (this) {
            if (!waiters.remove(w)) return;
        }
        w.future.complete(List.of());
    }

    private List<Message> receiveNow(ReceiveSpec spec, long now) {
        List<StoredMessage> taken = fifo ? takeFifo(spec.max(), now) : takeStandard(spec.max(), now);
        int vt = spec.visibilityTimeout() != null ? spec.visibilityTimeout() : attributes.visibilityTimeout();
        List<Message> out = new ArrayList<>(taken.size());
        for (StoredMessage m : taken) {
            m.receiveCount++;
            if (m.receiveCount == 1) m.firstReceiveTimestamp = now;
            m.lastReceivedAt = now;
            setVisibleAt(m, now + vt * 1000L);
            m.receiptHandle = ReceiptHandles.issue(m.id, ++receiveSerial, name);
            out.add(m.toSdk(spec, fifo));
        }
        return out;
    }

    private List<StoredMessage> takeStandard(int max, long now) {
        List<StoredMessage> taken = new ArrayList<>();
        Iterator<StoredMessage> it = byVisibility.iterator();
        List<StoredMessage> toDeadLetter = new ArrayList<>();
        while (it.hasNext() && taken.size() < max) {
            StoredMessage m = it.next();
            if (m.visibleAt > now) break;
            takeOrRetire(m, it, now, taken, toDeadLetter);
        }
        toDeadLetter.forEach(this::deadLetter);
        return taken;
    }

    private List<StoredMessage> takeFifo(int max, long now) {
        List<StoredMessage> taken = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        Iterator<StoredMessage> it = bySeq.values().iterator();
        List<StoredMessage> toDeadLetter = new ArrayList<>();
        while (it.hasNext() && taken.size() < max) {
            StoredMessage m = it.next();
            if (blocked.contains(m.groupId)) continue;
            if (m.visibleAt > now) {
                // in flight or delayed: the rest of its group waits behind it
                blocked.add(m.groupId);
            } else {
                takeOrRetire(m, it, now, taken, toDeadLetter);
            }
        }
        toDeadLetter.forEach(this::deadLetter);
        return taken;
    }

    /** A visible message is dropped (past retention), moved to the dead-letter queue, or received. */
    private void takeOrRetire(StoredMessage m, Iterator<StoredMessage> it, long now, List<StoredMessage> taken,
                              List<StoredMessage> toDeadLetter) {
        boolean expired = expired(m, now);
        if (!expired && !shouldDeadLetter(m)) {
            taken.add(m);
            return;
        }
        it.remove();
        byId.remove(m.id);
        if (!expired) toDeadLetter.add(m);
    }

    private boolean expired(StoredMessage m, long now) {
        return now - m.sentTimestamp > attributes.messageRetentionPeriod() * 1000L;
    }

    private boolean shouldDeadLetter(StoredMessage m) {
        QueueAttributes.Redrive r = attributes.redrive();
        return r != null && m.receiveCount >= r.maxReceiveCount();
    }

    private void deadLetter(StoredMessage m) {
        EmbeddedQueue dlq = server.queueByArn(attributes.redrive().deadLetterTargetArn());
        if (dlq != null) {
            // delivered outside this queue's lock order problems: the DLQ is another monitor
            server.deliveryExecutor().execute(() -> dlq.acceptMovedMessage(m));
        }
    }

    /** Serves waiting receives that can now be served; returns their completions, to run outside the lock. */
    private List<Runnable> serveWaiters(long now) {
        if (waiters.isEmpty()) return List.of();
        List<Runnable> completions = new ArrayList<>();
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter w = it.next();
            if (w.future.isDone()) {
                it.remove();
                continue;
            }
            List<Message> got = receiveNow(w.spec, now);
            if (got.isEmpty()) break; // nothing visible for this one: nothing for later ones either
            it.remove();
            w.timeout.cancel(false);
            completions.add(() -> {
                if (!w.future.complete(got)) undoReceive(got); // cancelled meanwhile: no one has these
            });
        }
        scheduleWakeup(now);
        return completions;
    }

    /** While receives wait, a timer fires when the next invisible or delayed message becomes visible. */
    private void scheduleWakeup(long now) {
        if (waiters.isEmpty()) return;
        long next = nextVisibleAt(now);
        if (next == Long.MAX_VALUE || (wakeup != null && !wakeup.isDone() && wakeupAt <= next)) return;
        if (wakeup != null) wakeup.cancel(false);
        wakeupAt = next;
        wakeup = server.scheduler().schedule(this::onWakeup, Math.max(1, next - now), TimeUnit.MILLISECONDS);
    }

    private long nextVisibleAt(long now) {
        long next = Long.MAX_VALUE;
        Iterable<StoredMessage> all = fifo ? bySeq.values() : byVisibility;
        for (StoredMessage m : all) {
            if (m.visibleAt > now) {
                next = Math.min(next, m.visibleAt);
                if (!fifo) break; // sorted by visibleAt
            }
        }
        return next;
    }

    private void onWakeup() {
        List<Runnable> completions;
        synchronized (this) {
            wakeupAt = Long.MAX_VALUE;
            completions = serveWaiters(System.currentTimeMillis());
        }
        completions.forEach(server.deliveryExecutor()::execute);
    }

    private void undoReceive(List<Message> messages) {
        List<Runnable> completions;
        synchronized (this) {
            long now = System.currentTimeMillis();
            for (Message sent : messages) {
                StoredMessage m = byId.get(sent.messageId());
                if (m == null || !sent.receiptHandle().equals(m.receiptHandle)) continue;
                m.receiveCount--;
                setVisibleAt(m, now);
            }
            completions = serveWaiters(now);
        }
        completions.forEach(server.deliveryExecutor()::execute);
    }

    // ------------------------------------------------------------------------------------ delete / visibility

    void delete(String receiptHandle) {
        List<Runnable> completions = List.of();
        synchronized (this) {
            StoredMessage m = byId.get(ReceiptHandles.messageIdOf(receiptHandle));
            // an outdated receipt handle succeeds without deleting, as SQS does
            if (m != null && receiptHandle.equals(m.receiptHandle)) {
                remove(m);
                // on a FIFO queue the delete unlocks the message's group: a long poll waiting now gets the next of it, as on SQS
                if (fifo) completions = serveWaiters(System.currentTimeMillis());
            }
        }
        completions.forEach(server.deliveryExecutor()::execute);
    }

    void changeVisibility(String receiptHandle, int timeoutSeconds) {
        List<Runnable> completions;
        synchronized (this) {
            long now = System.currentTimeMillis();
            StoredMessage m = byId.get(ReceiptHandles.messageIdOf(receiptHandle));
            if (m == null || !receiptHandle.equals(m.receiptHandle) || m.visibleAt <= now) throw SqsErrors.notInflight();
            if (timeoutSeconds < 0 || timeoutSeconds > SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS
                    || now + timeoutSeconds * 1000L - m.lastReceivedAt > SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS * 1000L) {
                throw SqsErrors.invalidParameter("Value " + timeoutSeconds + " for parameter VisibilityTimeout is invalid. "
                        + "Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
            }
            setVisibleAt(m, now + timeoutSeconds * 1000L);
            completions = serveWaiters(now);
        }
        completions.forEach(server.deliveryExecutor()::execute);
    }

    /** A standard queue keeps its messages sorted by when they become visible: re-sort on every change. */
    private void setVisibleAt(StoredMessage m, long at) {
        if (!fifo) byVisibility.remove(m);
        m.visibleAt = at;
        if (!fifo) byVisibility.add(m);
    }

    // ------------------------------------------------------------------------------------ admin

    synchronized void purge() {
        byVisibility.clear();
        bySeq.clear();
        byId.clear();
    }

    /** Marks the queue deleted: waiting receives end empty. */
    void markDeleted() {
        List<Waiter> ended;
        synchronized (this) {
            deleted = true;
            ended = new ArrayList<>(waiters);
            waiters.clear();
            if (wakeup != null) wakeup.cancel(false);
        }
        ended.forEach(w -> {
            w.timeout.cancel(false);
            w.future.complete(List.of());
        });
    }

    synchronized Map<String, String> approximateCounts() {
        return StoredMessage.approximateCounts(byId.values(), System.currentTimeMillis());
    }
}
