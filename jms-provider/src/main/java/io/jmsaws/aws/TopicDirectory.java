package io.jmsaws.aws;

import io.jmsaws.provider.TopicInfo;
import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.limits.SqsLimits;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JMS topic name → SNS topic ARN, created on first use when {@code autoCreate} is on (CreateTopic
 * is idempotent: one request per topic per connection), else found with ListTopics.
 */
public final class TopicDirectory {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicDirectory.class);
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
        info = new TopicInfo(topic, arn, topic.isFifo(), defaultGroupId, maxMessageSize(topic, arn));
        cache.put(topic.name(), info);
        return info;
    }

    /**
     * The topic's MaximumMessageSize, after checking what the name asks for against the topic. SNS
     * reports an attribute only once set; a server that does not report one is not a mismatch (the
     * size asked for in the name, else SNS's default, 256 KiB). Another value than the name asks for
     * is an error, as for queue options.
     */
    private int maxMessageSize(JmsAwsDestination topic, String arn) throws JMSException {
        Map<String, String> asked = topic instanceof JmsAwsTopic t ? t.options().attributes() : Map.of();
        Map<String, String> reported;
        try {
            reported = sns.getTopicAttributes(b -> b.topicArn(arn)).join().attributes();
        } catch (RuntimeException e) {
            String code = AwsErrors.errorCode(e);
            if (asked.isEmpty() && code != null && (code.contains("AuthorizationError") || code.contains("AccessDenied"))) {
                // a policy written before sns:GetTopicAttributes was needed: publishing goes on at SNS's default size
                LOG.warn("{}: not allowed to call sns:GetTopicAttributes ({}); taking SNS's default MaximumMessageSize, 262144 bytes "
                        + "(grant sns:GetTopicAttributes to use larger topics)", topic, code);
                return SqsLimits.SNS_MAX_PUBLISH_BYTES;
            }
            throw AwsErrors.toJms(e, "GetTopicAttributes", topic.toString());
        }
        List<String> differences = new ArrayList<>();
        asked.forEach((attribute, value) -> {
            String actual = reported.get(attribute);
            if (actual != null && !actual.trim().equals(value)) differences.add(attribute + "=" + value + " but the topic has " + actual);
        });
        if (!differences.isEmpty()) {
            throw new InvalidDestinationException(topic + " exists with other settings than its name asks for: " + String.join("; ", differences)
                    + " (change the topic with SetTopicAttributes, or the options in the name)");
        }
        String size = reported.getOrDefault("MaximumMessageSize", asked.get("MaximumMessageSize"));
        return size == null ? SqsLimits.SNS_MAX_PUBLISH_BYTES : Integer.parseInt(size.trim());
    }

    /** Creates a topic whatever {@code autoCreate} says (a provider-made topic: temporary). */
    public TopicInfo createNew(JmsAwsDestination topic) throws JMSException {
        checkName(topic.name());
        TopicInfo info = new TopicInfo(topic, create(topic, physicalName(topic)), topic.isFifo(), defaultGroupId);
        cache.put(topic.name(), info);
        return info;
    }

    private String create(JmsAwsDestination topic, String physical) throws JMSException {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (topic.isFifo()) attributes.put("FifoTopic", "true");
        if (topic instanceof JmsAwsTopic t) attributes.putAll(t.options().attributes());
        try {
            return sns.createTopic(b -> b.name(physical).attributes(attributes)).join().topicArn();
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

    /**
     * A Subscribe that failed, as a JMSException: on a topic above 256 KiB SNS's InvalidParameter
     * most likely means its cap of 100 subscriptions, which the message names.
     */
    static JMSException subscribeFailed(TopicInfo t, String queue, RuntimeException e) {
        JMSException jms = AwsErrors.toJms(e, "Subscribe", t + " → " + queue);
        String code = AwsErrors.errorCode(e);
        boolean capLike = "SubscriptionLimitExceeded".equals(code)
                || "InvalidParameter".equals(code) && !String.valueOf(jms.getMessage()).contains("FilterPolicy");
        if (!t.large() || !capLike) return jms;
        JMSException capped = new JMSException("cannot subscribe " + queue + " to " + t + ": a topic whose MaximumMessageSize is above 256 KiB ("
                + t.maxMessageSize() + ") takes at most " + SqsLimits.SNS_LARGE_TOPIC_MAX_SUBSCRIPTIONS + " subscriptions, and non-durable "
                + "consumers and orphaned subscription queues awaiting the sweep count too (SNS: " + jms.getMessage() + ")", "InvalidParameter");
        capped.setLinkedException(jms.getLinkedException());
        return capped;
    }

    public void forget(JmsAwsDestination topic) {
        cache.remove(topic.name());
    }
}
