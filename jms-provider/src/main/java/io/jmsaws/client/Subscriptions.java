package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.selector.Selector;
import io.jmsaws.transport.AwsErrors;
import io.jmsaws.transport.QueueInfo;
import io.jmsaws.transport.SqsTransport;
import io.jmsaws.transport.TopicInfo;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Topic subscriptions as SQS queues subscribed to the SNS topic with raw message delivery.
 *
 * <p>Queue names: a non-durable subscription gets a unique name and is removed when its consumer
 * closes; durable and shared subscriptions get a name hashed from (client id, subscription name),
 * so every connection finds the same queue again; SQS's 80-character rule holds whatever the
 * names. The queue's access Policy lets only its topic send to it; its tags record the topic, the
 * SNS subscription and the selector, so the subscription can be checked, replaced and removed later.
 * "One active consumer per unshared durable subscription" and the last consumer of a shared
 * non-durable subscription are tracked in this JVM only (the README says so).
 */
final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    static final String TAG_TOPIC = "jms-aws:topic";
    static final String TAG_SUBSCRIPTION = "jms-aws:subscription";
    static final String TAG_SELECTOR = "jms-aws:selector";
    static final String TAG_KIND = "jms-aws:kind";
    static final String TAG_OWNER = "jms-aws:owner";
    static final String TAG_LEASE = "jms-aws:lease";
    /** How often a live connection renews the leases of the queues it made, and how old a lease is when it is dead. */
    static final long LEASE_RENEW_MILLIS = 5 * 60_000;
    static final long LEASE_EXPIRY_MILLIS = 3 * LEASE_RENEW_MILLIS;
    private static final long SWEEP_INTERVAL_MILLIS = 10 * 60_000;
    private static final Map<String, Long> LAST_SWEEP = new ConcurrentHashMap<>();
    /** The queue name prefixes of the queues that live only as long as their connection. */
    static final String[] LEASED_PREFIXES = {Kind.NON_DURABLE.prefix, "jmsaws-tmp-"};
    /** Consumers open in this JVM per durable or shared subscription queue. */
    private static final Map<String, AtomicInteger> ACTIVE = new ConcurrentHashMap<>();

    enum Kind {
        NON_DURABLE("jmsaws-sub-"), DURABLE("jmsaws-dur-"), SHARED("jmsaws-shr-"), SHARED_DURABLE("jmsaws-sdur-");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        boolean durable() {
            return this == DURABLE || this == SHARED_DURABLE;
        }
    }

    /** An open subscription: the queue its consumer reads. */
    record Handle(Kind kind, JmsAwsTopic topic, QueueInfo queue, String subscriptionArn, String activeKey) {
    }

    private final SqsTransport transport;
    private final JmsAwsConnection connection;
    /** Queues this connection made that must go when it goes: non-durable subscriptions and temporary queues (URLs). */
    private final java.util.Set<String> leased = ConcurrentHashMap.newKeySet();

    Subscriptions(JmsAwsConnection connection) {
        this.connection = connection;
        this.transport = connection.transport();
    }

    /**
     * The stem every queue of one durable or shared subscription starts with; each queue adds a
     * generation, so a subscription removed and made again does not reuse a name SQS keeps
     * blocked for 60 seconds after a delete (QueueDeletedRecently).
     */
    static String stem(Kind kind, String clientId, String subscriptionName) {
        return kind.prefix + hash((clientId == null ? "" : clientId) + "\n" + subscriptionName) + "-";
    }

    static String newQueueName(Kind kind, String clientId, String subscriptionName, boolean fifo) {
        String name = kind == Kind.NON_DURABLE ? kind.prefix + UUID.randomUUID().toString().replace("-", "")
                : stem(kind, clientId, subscriptionName) + Long.toString(System.currentTimeMillis(), 36)
                        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        return name + (fifo ? ".fifo" : "");
    }

    /** The queue of a durable or shared subscription, or null: found by its stem, whatever its generation. */
    QueueInfo find(Kind kind, String clientId, String subscriptionName) throws JMSException {
        String prefix = transport.directory().physicalName(new JmsAwsQueue(stem(kind, clientId, subscriptionName)));
        java.util.List<String> urls;
        try {
            urls = transport.client().listQueues(b -> b.queueNamePrefix(prefix)).join().queueUrls();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListQueues", prefix);
        }
        if (urls.isEmpty()) return null;
        String url = urls.get(0);
        String physical = url.substring(url.lastIndexOf('/') + 1);
        String name = physical.substring(transport.directory().physicalName(new JmsAwsQueue("")).length());
        try {
            return transport.directory().describeKnown(new JmsAwsQueue(name), url);
        } catch (JMSException e) {
            if (e instanceof InvalidDestinationException) return null; // deleted meanwhile
            throw e;
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new java.lang.IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Handle open(JmsAwsTopic topic, Kind kind, String name, Selector selector) throws JMSException {
        String clientId = connection.getClientID();
        if (kind == Kind.DURABLE && clientId == null) {
            throw new IllegalStateException("an unshared durable subscription needs a client id: set one on the connection first");
        }
        TopicInfo t = transport.topics().resolve(topic);
        String activeKey = kind == Kind.NON_DURABLE ? null : transport.directory().physicalName(new JmsAwsQueue(stem(kind, clientId, name)));
        if (activeKey != null) {
            AtomicInteger active = ACTIVE.computeIfAbsent(activeKey, k -> new AtomicInteger());
            synchronized (active) {
                if (kind == Kind.DURABLE && active.get() > 0) {
                    throw new IllegalStateException("durable subscription '" + name + "' of client '" + clientId
                            + "' already has an active consumer (one at a time for an unshared durable subscription)");
                }
                active.incrementAndGet();
            }
        }
        try {
            return subscribe(t, kind, clientId, name, selector, activeKey);
        } catch (JMSException | RuntimeException e) {
            if (activeKey != null) ACTIVE.get(activeKey).decrementAndGet();
            throw e;
        }
    }

    private Handle subscribe(TopicInfo t, Kind kind, String clientId, String name, Selector selector, String activeKey) throws JMSException {
        String selectorTag = selector == null ? "" : hash(selector.text());
        QueueInfo existing = kind == Kind.NON_DURABLE ? null : find(kind, clientId, name);
        if (existing != null && existing.fifo() != t.fifo()) {
            // another topic, of the other kind: the subscription is replaced by a queue of the right kind
            delete(existing, tags(existing).get(TAG_SUBSCRIPTION));
            existing = null;
        }
        JmsAwsQueue q = existing != null ? existing.queue() : new JmsAwsQueue(newQueueName(kind, clientId, name, t.fifo()));
        String physical = transport.directory().physicalName(q);
        String queueArn = queueArnFor(t.arn(), physical);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (t.fifo()) attributes.put("FifoQueue", "true");
        attributes.put("Policy", policy(queueArn, t.arn()));
        if (existing != null) {
            Map<String, String> tags = tags(existing);
            if (t.arn().equals(tags.get(TAG_TOPIC)) && selectorTag.equals(tags.getOrDefault(TAG_SELECTOR, ""))) {
                return new Handle(kind, (JmsAwsTopic) t.topic(), existing, tags.get(TAG_SUBSCRIPTION), activeKey);
            }
            if (kind == Kind.SHARED || (kind == Kind.SHARED_DURABLE && ACTIVE.get(activeKey).get() > 1)) {
                throw new JMSException("shared subscription of " + q + " exists for another topic or selector and has active consumers");
            }
            // spec 6.11.1: a durable subscription asked for with another topic or selector is replaced
            LOG.info("durable subscription {} changes topic or selector: replacing it", physical);
            removeSubscription(existing, tags);
            purge(existing);
            setPolicy(existing, attributes.get("Policy"));
            return finishSubscribe(t, kind, existing, queueArn, selector, selectorTag, activeKey);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_TOPIC, t.arn());
        tags.put(TAG_KIND, kind.name());
        tags.put(TAG_SELECTOR, selectorTag);
        if (kind == Kind.NON_DURABLE) tags.putAll(leaseTags());
        QueueInfo created = transport.directory().createWith(q, attributes, tags);
        if (kind == Kind.NON_DURABLE) leased.add(created.url());
        return finishSubscribe(t, kind, created, queueArn, selector, selectorTag, activeKey);
    }

    private Handle finishSubscribe(TopicInfo t, Kind kind, QueueInfo queue, String queueArn, Selector selector, String selectorTag,
                                   String activeKey) throws JMSException {
        Map<String, String> subAttributes = new LinkedHashMap<>();
        subAttributes.put("RawMessageDelivery", "true");
        String filter = selector == null ? null : io.jmsaws.selector.FilterPolicyCompiler.compile(selector);
        if (filter != null) subAttributes.put("FilterPolicy", filter);
        String subscriptionArn;
        try {
            subscriptionArn = transport.sns().subscribe(b -> b.topicArn(t.arn()).protocol("sqs").endpoint(queueArn)
                    .attributes(subAttributes).returnSubscriptionArn(true)).join().subscriptionArn();
            Map<String, String> tags = Map.of(TAG_SUBSCRIPTION, subscriptionArn, TAG_TOPIC, t.arn(), TAG_SELECTOR, selectorTag);
            transport.client().tagQueue(b -> b.queueUrl(queue.url()).tags(tags)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "Subscribe", t + " → " + queue);
        }
        return new Handle(kind, (JmsAwsTopic) t.topic(), queue, subscriptionArn, activeKey);
    }

    /** The queue ARN SNS needs, built from the topic's region and account (both are in the same account). */
    static String queueArnFor(String topicArn, String queueName) {
        String[] p = topicArn.split(":");
        return "arn:aws:sqs:" + p[3] + ":" + p[4] + ":" + queueName;
    }

    static String policy(String queueArn, String topicArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"jms-aws-topic\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn
                + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
    }

    private Map<String, String> tags(QueueInfo q) throws JMSException {
        try {
            return transport.client().listQueueTags(b -> b.queueUrl(q.url())).join().tags();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListQueueTags", q.toString());
        }
    }

    private void setPolicy(QueueInfo q, String policy) throws JMSException {
        try {
            transport.client().setQueueAttributes(b -> b.queueUrl(q.url()).attributesWithStrings(Map.of("Policy", policy))).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "SetQueueAttributes", q.toString());
        }
    }

    private void purge(QueueInfo q) {
        try {
            transport.client().purgeQueue(b -> b.queueUrl(q.url())).join();
        } catch (RuntimeException e) {
            LOG.warn("could not purge {} ({}); its old messages stay", q, AwsErrors.errorCode(e));
        }
    }

    private void removeSubscription(QueueInfo q, Map<String, String> tags) {
        String arn = tags.get(TAG_SUBSCRIPTION);
        if (arn == null) return;
        try {
            transport.sns().unsubscribe(b -> b.subscriptionArn(arn)).join();
        } catch (RuntimeException e) {
            LOG.warn("could not remove SNS subscription of {} ({})", q, AwsErrors.errorCode(e));
        }
    }

    /** A consumer of the subscription closed. */
    void closed(Handle h) {
        if (h.activeKey() != null) {
            AtomicInteger active = ACTIVE.get(h.activeKey());
            int left;
            synchronized (active) {
                left = active.decrementAndGet();
            }
            if (h.kind() != Kind.SHARED || left > 0) return;
        } else if (h.kind() != Kind.NON_DURABLE) {
            return;
        }
        delete(h.queue(), h.subscriptionArn());
    }

    private void delete(QueueInfo q, String subscriptionArn) {
        leased.remove(q.url());
        try {
            if (subscriptionArn != null) transport.sns().unsubscribe(b -> b.subscriptionArn(subscriptionArn)).join();
            transport.client().deleteQueue(b -> b.queueUrl(q.url())).join();
            transport.directory().forget(q.queue());
        } catch (RuntimeException e) {
            LOG.warn("could not remove subscription queue {} ({}); it will be swept later", q, AwsErrors.errorCode(e));
        }
    }

    // ------------------------------------------------------------------------------------ leases and orphans

    Map<String, String> leaseTags() {
        return Map.of(TAG_OWNER, connection.id(), TAG_LEASE, Long.toString(System.currentTimeMillis()));
    }

    /** A temporary queue made by the connection: its lease is renewed with the subscriptions'. */
    void leased(String queueUrl) {
        leased.add(queueUrl);
    }

    void released(String queueUrl) {
        leased.remove(queueUrl);
    }

    /** Called every LEASE_RENEW_MILLIS while the connection lives. */
    void renewLeases() {
        Map<String, String> tags = leaseTags();
        for (String url : leased) {
            transport.client().tagQueue(b -> b.queueUrl(url).tags(tags)).whenComplete((r, e) -> {
                if (e != null) LOG.debug("renewing the lease of {}: {}", url, e.toString());
            });
        }
    }

    /** Sweeps in the background when this JVM has not swept the backend for a while. */
    void sweepSoon() {
        long now = System.currentTimeMillis();
        String key = transport.toString();
        Long last = LAST_SWEEP.get(key);
        if (last != null && now - last < SWEEP_INTERVAL_MILLIS) return;
        LAST_SWEEP.put(key, now);
        connection.pool().execute(() -> {
            try {
                int removed = sweep(LEASE_EXPIRY_MILLIS);
                if (removed > 0) LOG.info("removed {} queues left by connections that ended without closing", removed);
            } catch (RuntimeException | JMSException e) {
                LOG.debug("sweeping orphaned subscription queues: {}", e.toString());
            }
        });
    }

    /**
     * Removes the non-durable subscription queues and temporary queues whose owner stopped renewing
     * their lease more than {@code maxLeaseAgeMillis} ago (a process that crashed), with their SNS
     * subscriptions. Returns how many it removed.
     */
    int sweep(long maxLeaseAgeMillis) throws JMSException {
        int removed = 0;
        long now = System.currentTimeMillis();
        for (String prefix : LEASED_PREFIXES) {
            String physicalPrefix = transport.directory().physicalName(new JmsAwsQueue(prefix));
            java.util.List<String> urls;
            try {
                urls = transport.client().listQueues(b -> b.queueNamePrefix(physicalPrefix)).join().queueUrls();
            } catch (RuntimeException e) {
                throw AwsErrors.toJms(e, "ListQueues", physicalPrefix);
            }
            for (String url : urls) {
                if (leased.contains(url)) continue;
                Map<String, String> tags;
                try {
                    tags = transport.client().listQueueTags(b -> b.queueUrl(url)).join().tags();
                } catch (RuntimeException e) {
                    continue; // deleted meanwhile
                }
                String lease = tags.get(TAG_LEASE);
                if (lease == null || now - Long.parseLong(lease) <= maxLeaseAgeMillis) continue;
                try {
                    String sub = tags.get(TAG_SUBSCRIPTION);
                    if (sub != null) transport.sns().unsubscribe(b -> b.subscriptionArn(sub)).join();
                    transport.client().deleteQueue(b -> b.queueUrl(url)).join();
                    removed++;
                } catch (RuntimeException e) {
                    LOG.debug("could not remove orphaned queue {}: {}", url, e.toString());
                }
            }
        }
        return removed;
    }

    /** Session.unsubscribe: removes a durable subscription, unless a consumer of it is active. */
    void unsubscribe(String name) throws JMSException {
        String clientId = connection.getClientID();
        for (Kind kind : new Kind[]{Kind.DURABLE, Kind.SHARED_DURABLE}) {
            if (kind == Kind.DURABLE && clientId == null) continue;
            String key = transport.directory().physicalName(new JmsAwsQueue(stem(kind, clientId, name)));
            AtomicInteger active = ACTIVE.get(key);
            if (active != null && active.get() > 0) {
                throw new IllegalStateException("durable subscription '" + name + "' has an active consumer; close it before unsubscribing");
            }
            QueueInfo existing = find(kind, clientId, name);
            if (existing != null) {
                delete(existing, tags(existing).get(TAG_SUBSCRIPTION));
                return;
            }
        }
        throw new InvalidDestinationException("there is no durable subscription named '" + name + "'"
                + (clientId == null ? " without a client id" : " for client id '" + clientId + "'"));
    }
}
