package io.jmsaws.embedded;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnsPrimitivesEmbeddedTest extends SnsPrimitivesContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("sns-primitives");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    private String subscribe(String topicArn, String queueName, String policy) {
        Map<QueueAttributeName, String> attrs = new HashMap<>();
        if (policy != null) attrs.put(QueueAttributeName.POLICY, policy);
        String url = BACKEND.sqs().createQueue(b -> b.queueName(queueName).attributes(attrs)).join().queueUrl();
        BACKEND.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:" + queueName)
                .attributes(Map.of("RawMessageDelivery", "true"))).join();
        return url;
    }

    /** AWS: SNS delivers nothing to a queue whose policy does not let it send; fauxqs does not check. */
    @Test
    void aQueueWithoutTheSnsPolicyGetsNothing() {
        String topic = BACKEND.sns().createTopic(b -> b.name("no-policy")).join().topicArn();
        String url = subscribe(topic, "no-policy-q", null);
        long before = BACKEND.server().sns().discardedDeliveries();
        BACKEND.sns().publish(p -> p.topicArn(topic).message("x")).join();
        assertThat(BACKEND.sqs().receiveMessage(b -> b.queueUrl(url)).join().messages()).isEmpty();
        assertThat(BACKEND.server().sns().discardedDeliveries()).isEqualTo(before + 1);
    }

    /** AWS discards the whole message when a raw-delivery subscription would get more than 10 attributes. */
    @Test
    void moreThanTenAttributesOnRawDeliveryAreDiscardedSilently() {
        String topic = BACKEND.sns().createTopic(b -> b.name("eleven")).join().topicArn();
        String url = subscribe(topic, "eleven-q", "{\"Statement\":[{\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\"}]}");
        Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attrs = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            attrs.put("a" + i, software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue("v").build());
        }
        BACKEND.sns().publish(p -> p.topicArn(topic).message("too many").messageAttributes(attrs)).join();
        assertThat(BACKEND.sqs().receiveMessage(b -> b.queueUrl(url)).join().messages()).isEmpty();
        attrs.remove("a10");
        BACKEND.sns().publish(p -> p.topicArn(topic).message("ten").messageAttributes(attrs)).join();
        assertThat(BACKEND.sqs().receiveMessage(b -> b.queueUrl(url)).join().messages()).hasSize(1);
    }
}
