package io.jmsaws.aws;

import io.jmsaws.provider.TopicInfo;
import io.jmsaws.destination.JmsAwsDestination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JMS topic name → SNS topic ARN, created on first use when {@code autoCreate} is on (CreateTopic
 * is idempotent: one request per topic per connection), else found with ListTopics.
 */
public final class TopicDirectory {
    private final SnsAsyncClient sns;
    private final String prefix;
    private final boolean autoCreate;
    private final String defaultGroupId;
    private final Map<String, TopicInfo> cache = new ConcurrentHashMap<>();

    TopicDirectory(SnsAsyncClient sns, String prefix, boolean autoCreate, String defaultGroupId) {
        this.sns = sns;
        this.prefix = prefix;
        this.autoCreate = autoCreate;
        this.defaultGroupId = defaultGroupId;
    }

    public String physicalName(JmsAwsDestination topic) {
        return prefix + topic.name();
    }

    public void checkName(String jmsName) throws InvalidDestinationException {
        String physical = prefix + jmsName;
        String base = physical.endsWith(".fifo") ? physical.substring(0, physical.length() - 5) : physical;
        if (base.isEmpty() || physical.length() > 256 || !base.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidDestinationException("topic name '" + jmsName + "'" + (prefix.isEmpty() ? "" : " (with prefix '" + prefix + "')")
                    + " is not a valid SNS topic name: 1 to 256 characters of A-Z, a-z, 0-9, '_' and '-', with '.fifo' at the end for a FIFO topic");
        }
    }

    public TopicInfo resolve(JmsAwsDestination topic) throws JMSException {
        TopicInfo info = cache.get(topic.name());
        if (info != null) return info;
        checkName(topic.name());
        String physical = physicalName(topic);
        String arn = autoCreate ? create(topic, physical) : find(topic, physical);
        info = new TopicInfo(topic, arn, topic.isFifo(), defaultGroupId);
        cache.put(topic.name(), info);
        return info;
    }

    /** Creates a topic whatever {@code autoCreate} says (a provider-made topic: temporary). */
    public TopicInfo createNew(JmsAwsDestination topic) throws JMSException {
        checkName(topic.name());
        TopicInfo info = new TopicInfo(topic, create(topic, physicalName(topic)), topic.isFifo(), defaultGroupId);
        cache.put(topic.name(), info);
        return info;
    }

    private String create(JmsAwsDestination topic, String physical) throws JMSException {
        try {
            return sns.createTopic(b -> b.name(physical).attributes(topic.isFifo() ? Map.of("FifoTopic", "true") : Map.of()))
                    .join().topicArn();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "CreateTopic", topic.toString());
        }
    }

    private String find(JmsAwsDestination topic, String physical) throws JMSException {
        String token = null;
        try {
            do {
                String next = token;
                ListTopicsResponse page = sns.listTopics(b -> b.nextToken(next)).join();
                for (Topic t : page.topics()) {
                    if (t.topicArn().endsWith(":" + physical)) return t.topicArn();
                }
                token = page.nextToken();
            } while (token != null);
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListTopics", topic.toString());
        }
        throw new InvalidDestinationException("SNS topic '" + physical + "' for " + topic + " does not exist and autoCreate is false");
    }

    public void forget(JmsAwsDestination topic) {
        cache.remove(topic.name());
    }
}
