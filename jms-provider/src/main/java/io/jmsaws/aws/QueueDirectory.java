package io.jmsaws.aws;

import io.jmsaws.provider.DeadLetterRule;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.QueueOptions;
import io.jmsaws.limits.SqsLimits;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JMS queue name → SQS queue URL and attributes, created on first use when {@code autoCreate} is
 * on, with the creation options the queue name carries (its dead-letter queue first). Two requests
 * per queue per connection (GetQueueUrl or CreateQueue, then GetQueueAttributes), then cached. The
 * options of every use are checked against the queue's attributes: a difference is an error.
 */
public final class QueueDirectory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueueDirectory.class);
    private final SqsAsyncClient sqs;
    private final String prefix;
    private final boolean autoCreate;
    private final String defaultGroupId;
    private final Map<String, QueueInfo> cache = new ConcurrentHashMap<>();
    static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

    QueueDirectory(SqsAsyncClient sqs, String prefix, boolean autoCreate, String defaultGroupId) {
        this.sqs = sqs;
        this.prefix = prefix;
        this.autoCreate = autoCreate;
        this.defaultGroupId = defaultGroupId;
    }

    public String physicalName(JmsAwsQueue queue) {
        return prefix + queue.name();
    }

    /** Checks a name before any request: SQS's naming rules, with the prefix. */
    public void checkName(String jmsName) throws InvalidDestinationException {
        String physical = prefix + jmsName;
        if (!SqsLimits.isValidQueueName(physical)) {
            throw new InvalidDestinationException("queue name '" + jmsName + "'" + (prefix.isEmpty() ? "" : " (with prefix '" + prefix + "')")
                    + " is not a valid SQS queue name: 1 to 80 characters of A-Z, a-z, 0-9, '_' and '-', "
                    + "with '.fifo' at the end for a FIFO queue");
        }
    }

    public QueueInfo resolve(JmsAwsQueue queue) throws JMSException {
        QueueInfo info = cache.get(queue.name());
        if (info != null) {
            QueueOptionsCheck.check(queue, info.attributes(), prefix);
            return info;
        }
        checkName(queue.name());
        String physical = physicalName(queue);
        String url;
        try {
            url = sqs.getQueueUrl(b -> b.queueName(physical)).join().queueUrl();
        } catch (RuntimeException e) {
            if (!AwsErrors.isQueueMissing(e)) throw AwsErrors.toJms(e, "GetQueueUrl", queue.toString());
            if (!autoCreate) {
                throw new InvalidDestinationException("SQS queue '" + physical + "' for " + queue
                        + " does not exist and autoCreate is false", AwsErrors.errorCode(e));
            }
            url = create(queue, physical);
        }
        info = describe(queue, url);
        QueueOptionsCheck.check(queue, info.attributes(), prefix);
        cache.put(queue.name(), info);
        return info;
    }

    /** A queue whose URL is already known (from ListQueues): its attributes, cached. */
    public QueueInfo describeKnown(JmsAwsQueue queue, String url) throws JMSException {
        QueueInfo info = describe(queue, url);
        cache.put(queue.name(), info);
        return info;
    }

    /** The queue if it exists, else null (no creation). */
    public QueueInfo findExisting(JmsAwsQueue queue) throws JMSException {
        String physical = physicalName(queue);
        try {
            return describeKnown(queue, sqs.getQueueUrl(b -> b.queueName(physical)).join().queueUrl());
        } catch (RuntimeException e) {
            if (AwsErrors.isQueueMissing(e)) return null;
            throw AwsErrors.toJms(e, "GetQueueUrl", queue.toString());
        }
    }

    /** Creates a queue with these attributes and tags (a provider-made queue: subscription, temporary). */
    public QueueInfo createWith(JmsAwsQueue queue, Map<String, String> attributes, Map<String, String> tags) throws JMSException {
        checkName(queue.name());
        String physical = physicalName(queue);
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName(physical).attributesWithStrings(attributes).tags(tags)).join().queueUrl();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "CreateQueue", queue.toString());
        }
        QueueInfo info = describe(queue, url);
        cache.put(queue.name(), info);
        return info;
    }

    /**
     * Makes an existing subscription queue fit for its topic, where SNS would otherwise fail to
     * deliver without telling anyone: a queue encrypted with the AWS-managed key {@code alias/aws/sqs}
     * is refused (its key policy cannot be changed to let SNS use it); a MaximumMessageSize below the
     * topic's is raised. A queue whose server does not report the size is left alone (it has SQS's
     * default, 1 MiB).
     */
    public QueueInfo fitForTopic(QueueInfo q, TopicInfo t) throws JMSException {
        String key = q.attributes().get(QueueAttributeName.KMS_MASTER_KEY_ID.toString());
        if (key != null && (key.equals("alias/aws/sqs") || key.endsWith(":alias/aws/sqs"))) {
            throw new JMSException(q + ", the subscription queue of " + t + ", is encrypted with the AWS-managed key alias/aws/sqs, which "
                    + "SNS can never use: SNS would drop every message for it. Use SSE-SQS or a customer managed key whose policy lets "
                    + "sns.amazonaws.com call kms:GenerateDataKey and kms:Decrypt (README, Topics)", "KMS.AccessDeniedException");
        }
        int size = t.maxMessageSize();
        String reported = q.attributes().get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString());
        if (reported == null || Integer.parseInt(reported.trim()) >= size) return q;
        try {
            sqs.setQueueAttributes(b -> b.queueUrl(q.url()).attributesWithStrings(
                    Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE.toString(), Integer.toString(size)))).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "SetQueueAttributes", q + " (MaximumMessageSize " + reported + " is below its topic's " + size
                    + ": SNS could not deliver the larger messages to it)");
        }
        LOG.info("{}: MaximumMessageSize raised from {} to {}, its topic's", q, reported, size);
        QueueInfo info = describe(q.queue(), q.url());
        cache.put(q.queue().name(), info);
        return info;
    }

    /** Like {@link #resolve}, but never creates: administration works on queues that exist. */
    public QueueInfo resolveExisting(JmsAwsQueue queue) throws JMSException {
        checkName(queue.name());
        String physical = physicalName(queue);
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(physical)).join().queueUrl();
            return describe(queue, url);
        } catch (RuntimeException e) {
            if (AwsErrors.isQueueMissing(e)) {
                throw new InvalidDestinationException("SQS queue '" + physical + "' does not exist", AwsErrors.errorCode(e));
            }
            throw AwsErrors.toJms(e, "GetQueueUrl", queue.toString());
        }
    }

    private String create(JmsAwsQueue queue, String physical) throws JMSException {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (queue.isFifo()) attributes.put("FifoQueue", "true");
        queue.options().values().forEach((option, value) -> {
            if (option.attribute() != null) attributes.put(option.attribute(), value);
        });
        String dlq = queue.options().get(QueueOptions.Option.DEAD_LETTER_QUEUE);
        if (dlq != null) {
            String dlqArn = deadLetterQueueArn(new JmsAwsQueue(dlq));
            attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                    + queue.options().get(QueueOptions.Option.MAX_RECEIVE_COUNT) + "\"}");
        }
        return createOrFind(physical, attributes, queue.toString());
    }

    /**
     * Creates a queue, or takes the one another client created between our GetQueueUrl and our
     * CreateQueue (two MDBs activating at once, say): SQS refuses the second CreateQueue when the
     * attributes differ. The caller then checks the queue's options against what it asked for.
     */
    private String createOrFind(String physical, Map<String, String> attributes, String what) throws JMSException {
        try {
            return sqs.createQueue(b -> b.queueName(physical).attributesWithStrings(attributes)).join().queueUrl();
        } catch (RuntimeException e) {
            if (!AwsErrors.isQueueAlreadyExists(e)) throw AwsErrors.toJms(e, "CreateQueue", what);
            try {
                return sqs.getQueueUrl(b -> b.queueName(physical)).join().queueUrl();
            } catch (RuntimeException again) {
                throw AwsErrors.toJms(e, "CreateQueue", what);
            }
        }
    }

    /**
     * The ARN of a dead-letter queue, created if missing with SQS's longest retention (14 days):
     * a standard queue's messages keep their original enqueue time in the DLQ, so a shorter
     * retention there would expire them early.
     */
    private String deadLetterQueueArn(JmsAwsQueue dlq) throws JMSException {
        checkName(dlq.name());
        String physical = physicalName(dlq);
        String url;
        try {
            url = sqs.getQueueUrl(b -> b.queueName(physical)).join().queueUrl();
        } catch (RuntimeException e) {
            if (!AwsErrors.isQueueMissing(e)) throw AwsErrors.toJms(e, "GetQueueUrl", dlq.toString());
            Map<String, String> attributes = new LinkedHashMap<>();
            if (dlq.isFifo()) attributes.put("FifoQueue", "true");
            attributes.put("MessageRetentionPeriod", Integer.toString(DEAD_LETTER_RETENTION_SECONDS));
            // made by someone else meanwhile (a consumer of the DLQ itself): it is used as it is
            url = createOrFind(physical, attributes, dlq + " (dead-letter queue)");
        }
        String dlqUrl = url;
        try {
            return sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "GetQueueAttributes", dlq + " (dead-letter queue)");
        }
    }

    private QueueInfo describe(JmsAwsQueue queue, String url) throws JMSException {
        try {
            GetQueueAttributesResponse r = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).join();
            Map<QueueAttributeName, String> a = r.attributes();
            int maxSize = parse(a.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE), SqsLimits.DEFAULT_MAX_MESSAGE_SIZE);
            int vt = parse(a.get(QueueAttributeName.VISIBILITY_TIMEOUT), 30);
            boolean fifo = "true".equalsIgnoreCase(a.get(QueueAttributeName.FIFO_QUEUE)) || queue.isFifo();
            boolean cbd = "true".equalsIgnoreCase(a.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION));
            return new QueueInfo(queue, url, fifo, maxSize, vt, cbd, defaultGroupId, r.attributesAsStrings(),
                    deadLetterRule(a.get(QueueAttributeName.REDRIVE_POLICY)));
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "GetQueueAttributes", queue.toString());
        }
    }

    /** A RedrivePolicy ({"deadLetterTargetArn":"arn:…:name","maxReceiveCount":"3"}, the count a string or a number), or null. */
    public static DeadLetterRule deadLetterRule(String policy) {
        if (policy == null || policy.isBlank()) return null;
        try {
            JsonNode node = JsonNode.parser().parse(policy);
            String arn = node.field("deadLetterTargetArn").map(JsonNode::text).orElse(null);
            String count = node.field("maxReceiveCount").map(n -> n.isString() ? n.asString() : n.asNumber()).orElse(null);
            if (arn == null || count == null) return null;
            return new DeadLetterRule(arn.substring(arn.lastIndexOf(':') + 1), Integer.parseInt(count.trim()));
        } catch (RuntimeException e) {
            return null; // a policy we cannot read: SQS still applies it, we only cannot say so in the logs
        }
    }

    private static int parse(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Forgets a queue (after it was deleted). */
    public void forget(JmsAwsQueue queue) {
        cache.remove(queue.name());
    }
}
