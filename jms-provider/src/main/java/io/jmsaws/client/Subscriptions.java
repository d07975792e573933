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

    Subscriptions(JmsAwsConnection connection) {
        this.connection = connection;
        this.transport = connection.transport();
    }

    static String queueName(Kind kind, String clientId, String subscriptionName, boolean fifo) {
        String base = kind == Kind.NON_DURABLE ? UUID.randomUUID().toString().replace("-", "")
                : hash((clientId == null ? "" : clientId) + "\n" + subscriptionName);
        return kind.prefix + base + (fifo ? ".fifo" : "");
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
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
        JmsAwsQueue q = new JmsAwsQueue(queueName(kind, clientId, name, t.fifo()));
        String activeKey = kind == Kind.NON_DURABLE ? null : transport.directory().physicalName(q);
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
            return subscribe(t, kind, q, selector, activeKey);
        } catch (JMSException | RuntimeException e) {
            if (activeKey != null) ACTIVE.get(activeKey).decrementAndGet();
            throw e;
        }
    }

    private Handle subscribe(TopicInfo t, Kind kind, JmsAwsQueue q, Selector selector, String activeKey) throws JMSException {
        String physical = transport.directory().physicalName(q);
        String queueArn = queueArnFor(t.arn(), physical);
        String selectorTag = selector == null ? "" : hash(selector.text());
        Map<String, String> attributes = new LinkedHashMap<>();
        if (t.fifo()) attributes.put("FifoQueue", "true");
        attributes.put("Policy", policy(queueArn, t.arn()));
        QueueInfo existing = kind.durable() || kind == Kind.SHARED ? transport.directory().findExisting(q) : null;
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
        QueueInfo created = transport.directory().createWith(q, attributes, tags);
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
        try {
            if (subscriptionArn != null) transport.sns().unsubscribe(b -> b.subscriptionArn(subscriptionArn)).join();
            transport.client().deleteQueue(b -> b.queueUrl(q.url())).join();
            transport.directory().forget(q.queue());
        } catch (RuntimeException e) {
            LOG.warn("could not remove subscription queue {} ({}); it will be swept later", q, AwsErrors.errorCode(e));
        }
    }

    /** Session.unsubscribe: removes a durable subscription, unless a consumer of it is active. */
    void unsubscribe(String name) throws JMSException {
        String clientId = connection.getClientID();
        for (Kind kind : new Kind[]{Kind.DURABLE, Kind.SHARED_DURABLE}) {
            if (kind == Kind.DURABLE && clientId == null) continue;
            for (boolean fifo : new boolean[]{false, true}) {
                JmsAwsQueue q = new JmsAwsQueue(queueName(kind, clientId, name, fifo));
                String key = transport.directory().physicalName(q);
                AtomicInteger active = ACTIVE.get(key);
                if (active != null && active.get() > 0) {
                    throw new IllegalStateException("durable subscription '" + name + "' has an active consumer; close it before unsubscribing");
                }
                QueueInfo existing = transport.directory().findExisting(q);
                if (existing != null) {
                    delete(existing, tags(existing).get(TAG_SUBSCRIPTION));
                    return;
                }
            }
        }
        throw new InvalidDestinationException("there is no durable subscription named '" + name + "'"
                + (clientId == null ? " without a client id" : " for client id '" + clientId + "'"));
    }
}
