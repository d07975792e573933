package io.jmsaws.embedded;

import io.jmsaws.limits.SqsLimits;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An in-memory SQS service: the queues of one embedded instance. Instances are shared by name
 * within the JVM ({@code embedded://NAME}); they live until {@link #reset}. Every client of an
 * instance sees the same queues, like every client of one AWS account and region.
 */
public final class EmbeddedSqs {
    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = "us-east-1";
    private static Map<String, EmbeddedSqs> instances() {
        return io.jmsaws.util.ClassLoaderState.of(EmbeddedSqs.class, ConcurrentHashMap::new);
    }
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The operations it serves, for request counting. */
    public enum Operation {
        CreateQueue, GetQueueUrl, GetQueueAttributes, SetQueueAttributes, DeleteQueue, PurgeQueue, ListQueues,
        ListDeadLetterSourceQueues, TagQueue, UntagQueue, ListQueueTags, SendMessage, SendMessageBatch, ReceiveMessage,
        DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility, ChangeMessageVisibilityBatch,
        /** SNS operations, counted on the same instance. */
        CreateTopic, DeleteTopic, GetTopicAttributes, ListTopics, Subscribe, Unsubscribe, GetSubscriptionAttributes,
        SetSubscriptionAttributes, ListSubscriptionsByTopic, Publish, PublishBatch, TagResource
    }

    private final String name;
    private final Map<String, EmbeddedQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, Long> deletedAt = new ConcurrentHashMap<>();
    private final AtomicLong sequenceNumbers = new AtomicLong(10_000_000_000L);
    private final AtomicLongArray requestCounts = new AtomicLongArray(Operation.values().length);
    private volatile long deletedQueueCooldownMillis = 60_000;

    private final ScheduledExecutorService scheduler;
    private final ExecutorService deliveryExecutor;
    private final EmbeddedSns sns = new EmbeddedSns(this);

    private EmbeddedSqs(String name) {
        this.name = name;
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "jms-aws-embedded-" + name + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons);
        // long-poll timeouts and wake-ups are mostly cancelled (a message came): drop them at once, not 20 s later
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.deliveryExecutor = Executors.newCachedThreadPool(daemons);
    }

    /** The instance of that name, created on first use. */
    public static EmbeddedSqs instance(String name) {
        return instances().computeIfAbsent(name, EmbeddedSqs::new);
    }

    /**
     * Drops every instance and stops their threads. For containers that unload the provider (a
     * resource adapter being stopped): the embedded backend's messages live only in memory and
     * would otherwise keep the class loader and its threads alive.
     */
    public static void shutdownAll() {
        for (EmbeddedSqs sqs : instances().values()) {
            sqs.reset();
            sqs.scheduler.shutdownNow();
            sqs.deliveryExecutor.shutdownNow();
        }
        instances().clear();
    }

    /** Removes every queue and topic of the instance and resets its counters (for tests). */
    public void reset() {
        sns.reset();
        queues.values().forEach(EmbeddedQueue::markDeleted);
        queues.clear();
        deletedAt.clear();
        for (int i = 0; i < requestCounts.length(); i++) requestCounts.set(i, 0);
    }

    public String name() {
        return name;
    }

    /** The SNS of this instance: its topics deliver to this instance's queues. */
    public EmbeddedSns sns() {
        return sns;
    }

    /**
     * How long a deleted queue's name stays unusable. SQS says 60 seconds
     * ({@code QueueDeletedRecently}); tests that recreate queues may set 0.
     */
    public void setDeletedQueueCooldownMillis(long millis) {
        this.deletedQueueCooldownMillis = millis;
    }

    public long requestCount(Operation op) {
        return requestCounts.get(op.ordinal());
    }

    public Map<Operation, Long> requestCounts() {
        Map<Operation, Long> m = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            long n = requestCounts.get(op.ordinal());
            if (n > 0) m.put(op, n);
        }
        return m;
    }

    public long totalRequests() {
        long n = 0;
        for (int i = 0; i < requestCounts.length(); i++) n += requestCounts.get(i);
        return n;
    }

    void count(Operation op) {
        requestCounts.incrementAndGet(op.ordinal());
    }

    /** Serves one request of the embedded clients: counted, answered at once, a service error as a failed future. */
    <T> java.util.concurrent.CompletableFuture<T> serve(Operation op, java.util.function.Supplier<T> action) {
        count(op);
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(action.get());
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService deliveryExecutor() {
        return deliveryExecutor;
    }

    long nextSequenceNumber() {
        return sequenceNumbers.incrementAndGet();
    }

    String urlOf(String queueName) {
        return "https://sqs." + REGION + ".embedded/" + ACCOUNT_ID + "/" + name + "/" + queueName;
    }

    String arnOf(String queueName) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + queueName;
    }

    // ------------------------------------------------------------------------------------ queues

    synchronized EmbeddedQueue create(String queueName, Map<String, String> attributes, Map<String, String> tags) {
        if (!SqsLimits.isValidQueueName(queueName)) {
            throw SqsErrors.invalidParameter("Can only include alphanumeric characters, hyphens, or underscores. "
                    + "1 to 80 in length: " + queueName);
        }
        EmbeddedQueue existing = queues.get(queueName);
        if (existing != null) {
            if (!existing.attributes().matches(attributes)) throw SqsErrors.queueNameExists(queueName);
            return existing;
        }
        Long deleted = deletedAt.get(queueName);
        if (deleted != null && System.currentTimeMillis() - deleted < deletedQueueCooldownMillis) {
            throw SqsErrors.queueDeletedRecently(queueName);
        }
        QueueAttributes attrs = QueueAttributes.create(queueName, attributes);
        checkDeadLetterTarget(queueName, attrs);
        EmbeddedQueue q = new EmbeddedQueue(this, queueName, attrs);
        if (tags != null) q.tag(tags);
        queues.put(queueName, q);
        return q;
    }

    void checkDeadLetterTarget(String queueName, QueueAttributes attrs) {
        QueueAttributes.Redrive r = attrs.redrive();
        if (r == null) return;
        EmbeddedQueue dlq = queueByArn(r.deadLetterTargetArn());
        if (dlq == null) {
            throw SqsErrors.generic("InvalidAttributeValue", "Value for parameter RedrivePolicy is invalid. Reason: "
                    + "Dead letter target does not exist: " + r.deadLetterTargetArn());
        }
        if (dlq.fifo != queueName.endsWith(".fifo")) {
            throw SqsErrors.generic("InvalidAttributeValue", "Value for parameter RedrivePolicy is invalid. Reason: "
                    + "Dead-letter queue and source queue must both be FIFO or both standard.");
        }
    }

    synchronized void delete(EmbeddedQueue q) {
        if (queues.remove(q.name, q)) {
            deletedAt.put(q.name, System.currentTimeMillis());
            q.markDeleted();
        }
    }

    EmbeddedQueue byName(String queueName) {
        EmbeddedQueue q = queues.get(queueName);
        if (q == null) throw SqsErrors.noSuchQueue(queueName);
        return q;
    }

    EmbeddedQueue byUrl(String url) {
        if (url == null) throw SqsErrors.missingParameter("The request must contain the parameter QueueUrl.");
        String queueName = url.substring(url.lastIndexOf('/') + 1);
        EmbeddedQueue q = queues.get(queueName);
        if (q == null || !q.url.equals(url)) throw SqsErrors.noSuchQueue(url);
        return q;
    }

    EmbeddedQueue queueByArn(String arn) {
        for (EmbeddedQueue q : queues.values()) {
            if (q.arn.equals(arn)) return q;
        }
        return null;
    }

    List<EmbeddedQueue> list(String prefix) {
        List<EmbeddedQueue> result = new ArrayList<>();
        new TreeMap<>(queues).forEach((n, q) -> {
            if (prefix == null || n.startsWith(prefix)) result.add(q);
        });
        return result;
    }

    List<EmbeddedQueue> deadLetterSources(EmbeddedQueue dlq) {
        List<EmbeddedQueue> result = new ArrayList<>();
        for (EmbeddedQueue q : list(null)) {
            QueueAttributes.Redrive r = q.attributes().redrive();
            if (r != null && r.deadLetterTargetArn().equals(dlq.arn)) result.add(q);
        }
        return result;
    }
}
