package io.jmsaws.transport;

import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.wire.SqsLimits;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JMS queue name → SQS queue URL and attributes, created on first use when {@code autoCreate} is
 * on. Two requests per queue per connection (GetQueueUrl or CreateQueue, then GetQueueAttributes),
 * then cached.
 */
public final class QueueDirectory {
    private final SqsAsyncClient sqs;
    private final String prefix;
    private final boolean autoCreate;
    private final String defaultGroupId;
    private final Map<String, QueueInfo> cache = new ConcurrentHashMap<>();

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
        if (info != null) return info;
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
        cache.put(queue.name(), info);
        return info;
    }

    private String create(JmsAwsQueue queue, String physical) throws JMSException {
        CreateQueueRequest.Builder req = CreateQueueRequest.builder().queueName(physical);
        if (queue.isFifo()) req.attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        try {
            return sqs.createQueue(req.build()).join().queueUrl();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "CreateQueue", queue.toString());
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
            return new QueueInfo(queue, url, fifo, maxSize, vt, cbd, defaultGroupId);
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "GetQueueAttributes", queue.toString());
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
