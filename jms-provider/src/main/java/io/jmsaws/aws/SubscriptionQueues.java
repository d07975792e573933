package io.jmsaws.aws;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.provider.Subscription;
import io.jmsaws.provider.SubscriptionKind;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.selector.Selector;
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
import java.util.concurrent.Executor;

/**
 * Topic subscriptions as SQS queues subscribed to the SNS topic with raw message delivery.
 *
 * <p>Queue names: a non-durable subscription gets a unique name and is removed when its consumer
 * closes; durable and shared subscriptions get a name hashed from (client id, subscription name),
 * so every connection finds the same queue again; SQS's 80-character rule holds whatever the
 * names. The queue's access Policy lets only its topic send to it; its tags record the topic, the
 * SNS subscription and the selector, so the subscription can be checked, replaced and removed later.
 * Queues that live only as long as their connection (non-durable subscriptions, temporary queues)
 * carry a lease its owner renews; a sweep removes those whose owner is gone. The JMS rules on
 * consumers of a subscription are the JMS layer's.
 */
public final class SubscriptionQueues {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionQueues.class);
    public static final String TAG_TOPIC = "jms-aws:topic";
    public static final String TAG_SUBSCRIPTION = "jms-aws:subscription";
    public static final String TAG_SELECTOR = "jms-aws:selector";
    /** Whether the durable subscription was made with noLocal; absent on subscriptions made before it was recorded. */
    public static final String TAG_NO_LOCAL = "jms-aws:noLocal";
    public static final String TAG_KIND = "jms-aws:kind";
    public static final String TAG_OWNER = "jms-aws:owner";
    public static final String TAG_LEASE = "jms-aws:lease";
    /** How often a live connection renews the leases of the queues it made, and how old a lease is when it is dead. */
    static final long LEASE_RENEW_MILLIS = 5 * 60_000;
    public static final long LEASE_EXPIRY_MILLIS = 3 * LEASE_RENEW_MILLIS;
    private static final long SWEEP_INTERVAL_MILLIS = 10 * 60_000;
    /** When this class loader last swept each backend. */
    private static Map<String, Long> lastSweep() {
        return io.jmsaws.util.ClassLoaderState.of(SubscriptionQueues.class, ConcurrentHashMap::new);
    }
    /** The name prefix of temporary queues and topics. */
    static final String TEMPORARY_PREFIX = "jmsaws-tmp-";
    /** The queue name prefixes of the queues that live only as long as their connection. */
    static final String[] LEASED_PREFIXES = {prefix(SubscriptionKind.NON_DURABLE), TEMPORARY_PREFIX};

    /** The name prefix of a kind's queues (the sweep finds leased queues by it). */
    static String prefix(SubscriptionKind kind) {
        return switch (kind) {
            case NON_DURABLE -> "jmsaws-sub-";
            case DURABLE -> "jmsaws-dur-";
            case SHARED -> "jmsaws-shr-";
            case SHARED_DURABLE -> "jmsaws-sdur-";
        };
    }

    /** Selectors → SNS filter policies, on the attribute names the wire codec writes. */
    private static final io.jmsaws.selector.FilterPolicyCompiler FILTER_POLICIES =
            new io.jmsaws.selector.FilterPolicyCompiler(io.jmsaws.wire.AttributeNames::encode, io.jmsaws.wire.WireCodec.PACKED_PROPERTIES_ATTRIBUTE);

    private final SqsTransport transport;
    /** Names this provider in the lease tags of the queues it made. */
    private final String ownerId;
    /** Where sweeps run, off the caller's thread. */
    private final Executor background;
    /** Queues this provider (one connection's) made that must go with it: non-durable subscriptions and temporary queues (URLs). */
    private final java.util.Set<String> leased = ConcurrentHashMap.newKeySet();

    SubscriptionQueues(SqsTransport transport, String ownerId, Executor background) {
        this.transport = transport;
        this.ownerId = ownerId;
        this.background = background;
    }

    /**
     * The stem every queue of one durable or shared subscription starts with. The first queue of a
     * subscription adds generation {@code g0}, the same name for every process, so consumers that
     * create the subscription at the same moment all land on one queue (CreateQueue of an existing
     * name with the same attributes answers that queue, Subscribe of the same endpoint that
     * subscription). Only when that name is blocked (SQS keeps a deleted name for 60 seconds:
     * QueueDeletedRecently) does a queue get a generation of its own.
     */
    public static String stem(SubscriptionKind kind, String clientId, String subscriptionName) {
        return prefix(kind) + hash((clientId == null ? "" : clientId) + "\n" + subscriptionName) + "-";
    }

    static String newQueueName(SubscriptionKind kind, String clientId, String subscriptionName, boolean fifo) {
        String name = kind == SubscriptionKind.NON_DURABLE ? prefix(kind) + UUID.randomUUID().toString().replace("-", "")
                : stem(kind, clientId, subscriptionName) + Long.toString(System.currentTimeMillis(), 36)
                        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        return name + (fifo ? ".fifo" : "");
    }

    /** The first queue name of a durable or shared subscription: the same in every process (see {@link #stem}). */
    static String firstQueueName(SubscriptionKind kind, String clientId, String subscriptionName, boolean fifo) {
        return stem(kind, clientId, subscriptionName) + "g0" + (fifo ? ".fifo" : "");
    }

    /** The queue of a durable or shared subscription, or null: found by its stem, whatever its generation. */
    QueueInfo find(SubscriptionKind kind, String clientId, String subscriptionName) throws JMSException {
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

    /** See {@link io.jmsaws.provider.Provider#subscribe}. */
    Subscription subscribe(TopicInfo t, SubscriptionKind kind, String clientId, String name, Selector selector, boolean noLocal,
                           int otherConsumers) throws JMSException {
        String selectorTag = selector == null ? "" : hash(selector.text());
        QueueInfo existing = kind == SubscriptionKind.NON_DURABLE ? null : find(kind, clientId, name);
        if (existing != null && existing.fifo() != t.fifo()) {
            // another topic, of the other kind: the subscription is replaced by a queue of the right kind
            delete(existing, tags(existing).get(TAG_SUBSCRIPTION));
            existing = null;
        }
        if (existing != null) {
            existing = transport.directory().fitForTopic(existing, t);
            Map<String, String> tags = tags(existing);
            String taggedNoLocal = tags.get(TAG_NO_LOCAL); // absent: made before noLocal was recorded, taken as asked now
            boolean sameNoLocal = taggedNoLocal == null || Boolean.parseBoolean(taggedNoLocal) == noLocal;
            if (t.arn().equals(tags.get(TAG_TOPIC)) && selectorTag.equals(tags.getOrDefault(TAG_SELECTOR, "")) && sameNoLocal) {
                if (taggedNoLocal == null) tag(existing, Map.of(TAG_NO_LOCAL, Boolean.toString(noLocal)));
                return new Subscription(kind, (JmsAwsTopic) t.topic(), existing, tags.get(TAG_SUBSCRIPTION));
            }
            if (kind == SubscriptionKind.SHARED || (kind == SubscriptionKind.SHARED_DURABLE && otherConsumers > 0)) {
                throw new JMSException("shared subscription of " + existing + " exists for another topic or selector and has active consumers");
            }
            // spec 8.3: a durable subscription asked for with another topic, selector or noLocal is replaced
            LOG.info("durable subscription {} changes topic, selector or noLocal: replacing it", existing.url());
            removeSubscription(existing, tags);
            purge(existing);
            setPolicy(existing, queueAttributes(t, existing.queue()).get("Policy"));
            return finishSubscribe(t, kind, existing, selector, selectorTag, noLocal);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_TOPIC, t.arn());
        tags.put(TAG_KIND, kind.name());
        tags.put(TAG_SELECTOR, selectorTag);
        tags.put(TAG_NO_LOCAL, Boolean.toString(noLocal));
        QueueInfo created;
        if (kind == SubscriptionKind.NON_DURABLE) {
            tags.putAll(leaseTags());
            JmsAwsQueue q = new JmsAwsQueue(newQueueName(kind, clientId, name, t.fifo()));
            created = transport.directory().createWith(q, queueAttributes(t, q), tags);
            leased.add(created.url());
        } else {
            created = createShared(t, kind, clientId, name, tags);
        }
        return finishSubscribe(t, kind, created, selector, selectorTag, noLocal);
    }

    /** A subscription queue's attributes: FIFO like its topic, and a Policy that lets only that topic send to it. */
    private Map<String, String> queueAttributes(TopicInfo t, JmsAwsQueue q) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (t.fifo()) attributes.put("FifoQueue", "true");
        if (t.large()) attributes.put("MaximumMessageSize", Integer.toString(t.maxMessageSize()));
        attributes.put("Policy", policy(queueArnFor(t.arn(), transport.directory().physicalName(q)), t.arn()));
        return attributes;
    }

    /**
     * A durable or shared subscription's queue under its first name, which concurrent creators
     * share; under a generation of its own when SQS still blocks that name after a delete.
     */
    private QueueInfo createShared(TopicInfo t, SubscriptionKind kind, String clientId, String name, Map<String, String> tags)
            throws JMSException {
        JmsAwsQueue first = new JmsAwsQueue(firstQueueName(kind, clientId, name, t.fifo()));
        try {
            return transport.directory().createWith(first, queueAttributes(t, first), tags);
        } catch (JMSException e) {
            if (e.getErrorCode() == null || !e.getErrorCode().contains("QueueDeletedRecently")) throw e;
            LOG.debug("{} was deleted less than 60 s ago; the subscription gets a queue of its own generation", first);
            JmsAwsQueue next = new JmsAwsQueue(newQueueName(kind, clientId, name, t.fifo()));
            return transport.directory().createWith(next, queueAttributes(t, next), tags);
        }
    }

    private Subscription finishSubscribe(TopicInfo t, SubscriptionKind kind, QueueInfo queue, Selector selector, String selectorTag,
                                         boolean noLocal) throws JMSException {
        String queueArn = queueArnFor(t.arn(), transport.directory().physicalName(queue.queue()));
        Map<String, String> subAttributes = new LinkedHashMap<>();
        subAttributes.put("RawMessageDelivery", "true");
        String filter = selector == null ? null : FILTER_POLICIES.compile(selector);
        if (filter != null) subAttributes.put("FilterPolicy", filter);
        String subscriptionArn;
        try {
            subscriptionArn = transport.sns().subscribe(b -> b.topicArn(t.arn()).protocol("sqs").endpoint(queueArn)
                    .attributes(subAttributes).returnSubscriptionArn(true)).join().subscriptionArn();
            Map<String, String> tags = Map.of(TAG_SUBSCRIPTION, subscriptionArn, TAG_TOPIC, t.arn(), TAG_SELECTOR, selectorTag,
                    TAG_NO_LOCAL, Boolean.toString(noLocal));
            transport.client().tagQueue(b -> b.queueUrl(queue.url()).tags(tags)).join();
        } catch (RuntimeException e) {
            throw TopicDirectory.subscribeFailed(t, queue.toString(), e);
        }
        return new Subscription(kind, (JmsAwsTopic) t.topic(), queue, subscriptionArn);
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

    private void tag(QueueInfo q, Map<String, String> tags) throws JMSException {
        try {
            transport.client().tagQueue(b -> b.queueUrl(q.url()).tags(tags)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "TagQueue", q.toString());
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

    /** Removes a subscription's queue and its SNS subscription (the last consumer of a non-durable one closed). */
    void remove(Subscription subscription) {
        String arn = subscription.reference();
        if (arn == null) {
            // opened while another consumer was still subscribing the queue: the SNS subscription is in the tags by now
            try {
                arn = tags(subscription.queue()).get(TAG_SUBSCRIPTION);
            } catch (JMSException e) {
                LOG.debug("reading the tags of {}: {}", subscription.queue(), e.getMessage());
            }
        }
        delete(subscription.queue(), arn);
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
        return Map.of(TAG_OWNER, ownerId, TAG_LEASE, Long.toString(System.currentTimeMillis()));
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
        Long last = lastSweep().get(key);
        if (last != null && now - last < SWEEP_INTERVAL_MILLIS) return;
        lastSweep().put(key, now);
        background.execute(() -> {
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

    /** Removes a durable subscription of this kind; false when there is none. */
    boolean unsubscribe(SubscriptionKind kind, String clientId, String name) throws JMSException {
        QueueInfo existing = find(kind, clientId, name);
        if (existing == null) return false;
        delete(existing, tags(existing).get(TAG_SUBSCRIPTION));
        return true;
    }
}
