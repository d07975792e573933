package io.jmsaws.embedded;

import io.jmsaws.testing.TestBackend;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SNS behaviours the provider's topics will rely on (fan-out to SQS, raw delivery, the JSON
 * envelope, filter policies, FIFO topics, batches), checked on the embedded SNS and on fauxqs with
 * the same assertions.
 */
abstract class SnsPrimitivesContract {
    protected abstract TestBackend backend();

    private SnsAsyncClient sns() {
        return backend().sns();
    }

    private SqsAsyncClient sqs() {
        return backend().sqs();
    }

    private String topic(boolean fifo) {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? ".fifo" : "");
        return sns().createTopic(b -> b.name(name).attributes(fifo ? Map.of("FifoTopic", "true") : Map.of())).join().topicArn();
    }

    /** A queue with the access policy AWS requires, subscribed to the topic; returns its URL. */
    private String subscribedQueue(String topicArn, boolean raw, String filterPolicy) {
        boolean fifo = topicArn.endsWith(".fifo");
        String name = "s-" + UUID.randomUUID().toString().substring(0, 8) + (fifo ? ".fifo" : "");
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + arn + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
        Map<QueueAttributeName, String> attrs = new java.util.HashMap<>(Map.of(QueueAttributeName.POLICY, policy));
        if (fifo) attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
        String url = sqs().createQueue(b -> b.queueName(name).attributes(attrs)).join().queueUrl();
        String queueArn = sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> subAttrs = new java.util.HashMap<>();
        if (raw) subAttrs.put("RawMessageDelivery", "true");
        if (filterPolicy != null) subAttrs.put("FilterPolicy", filterPolicy);
        sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(subAttrs)).join();
        return url;
    }

    private List<Message> receiveAll(String url, int expected) {
        List<Message> all = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5_000;
        while (all.size() < expected && System.currentTimeMillis() < deadline) {
            all.addAll(sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).join().messages());
        }
        return all;
    }

    private static software.amazon.awssdk.services.sns.model.MessageAttributeValue attr(String type, String value) {
        return software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    @Test
    void rawDeliveryFansOutBodyAndTypedAttributes() {
        String topic = topic(false);
        String a = subscribedQueue(topic, true, null);
        String b = subscribedQueue(topic, true, null);
        sns().publish(p -> p.topicArn(topic).message("hello").messageAttributes(Map.of(
                "color", attr("String", "red"), "n", attr("Number.int", "42")))).join();
        for (String url : List.of(a, b)) {
            Message m = receiveAll(url, 1).get(0);
            assertThat(m.body()).isEqualTo("hello");
            assertThat(m.messageAttributes().get("color").stringValue()).isEqualTo("red");
            assertThat(m.messageAttributes().get("n").dataType()).isEqualTo("Number.int");
            assertThat(m.messageAttributes().get("n").stringValue()).isEqualTo("42");
        }
    }

    @Test
    void withoutRawDeliveryTheBodyIsTheJsonEnvelope() {
        String topic = topic(false);
        String q = subscribedQueue(topic, false, null);
        sns().publish(p -> p.topicArn(topic).message("wrapped")).join();
        String body = receiveAll(q, 1).get(0).body();
        assertThat(body).contains("\"Type\"").contains("Notification").contains("\"Message\"").contains("wrapped").contains(topic);
    }

    @Test
    void filterPoliciesSelectOnAttributes() {
        String topic = topic(false);
        String exact = subscribedQueue(topic, true, "{\"color\":[\"red\"]}");
        String prefix = subscribedQueue(topic, true, "{\"color\":[{\"prefix\":\"bl\"}]}");
        String anythingBut = subscribedQueue(topic, true, "{\"color\":[{\"anything-but\":[\"red\"]}]}");
        String numeric = subscribedQueue(topic, true, "{\"n\":[{\"numeric\":[\">\",0,\"<=\",5]}]}");
        String exists = subscribedQueue(topic, true, "{\"n\":[{\"exists\":false}]}");
        String both = subscribedQueue(topic, true, "{\"color\":[\"red\",\"blue\"],\"n\":[{\"numeric\":[\">=\",3]}]}");
        String[][] messages = {{"red", "1"}, {"blue", "3"}, {"green", "9"}, {"red", null}};
        for (String[] m : messages) {
            Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attrs = new java.util.HashMap<>();
            attrs.put("color", attr("String", m[0]));
            if (m[1] != null) attrs.put("n", attr("Number", m[1]));
            sns().publish(p -> p.topicArn(topic).message(m[0] + "-" + m[1]).messageAttributes(attrs)).join();
        }
        assertThat(bodies(exact, 2)).containsExactlyInAnyOrder("red-1", "red-null");
        assertThat(bodies(prefix, 1)).containsExactlyInAnyOrder("blue-3");
        assertThat(bodies(anythingBut, 2)).containsExactlyInAnyOrder("blue-3", "green-9");
        assertThat(bodies(numeric, 2)).containsExactlyInAnyOrder("red-1", "blue-3");
        assertThat(bodies(exists, 1)).containsExactlyInAnyOrder("red-null");
        assertThat(bodies(both, 1)).containsExactlyInAnyOrder("blue-3");
    }

    private List<String> bodies(String url, int expected) {
        List<Message> got = receiveAll(url, expected);
        // nothing more arrives
        got.addAll(sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).join().messages());
        return got.stream().map(Message::body).toList();
    }

    @Test
    void fifoTopicsKeepGroupOrderAndDeduplicate() {
        String topic = topic(true);
        String q = subscribedQueue(topic, true, null);
        for (int i = 0; i < 5; i++) {
            int n = i;
            sns().publish(p -> p.topicArn(topic).message("m" + n).messageGroupId("g").messageDeduplicationId("d" + n)).join();
        }
        sns().publish(p -> p.topicArn(topic).message("again").messageGroupId("g").messageDeduplicationId("d0")).join();
        List<String> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5_000;
        while (got.size() < 5 && System.currentTimeMillis() < deadline) {
            for (Message m : sqs().receiveMessage(b -> b.queueUrl(q).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).join().messages()) {
                assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("g");
                got.add(m.body());
                sqs().deleteMessage(b -> b.queueUrl(q).receiptHandle(m.receiptHandle())).join();
            }
        }
        assertThat(got).containsExactly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void publishBatchTakesAtMostTenEntries() {
        String topic = topic(false);
        String q = subscribedQueue(topic, true, null);
        List<PublishBatchRequestEntry> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) ten.add(PublishBatchRequestEntry.builder().id("e" + i).message("b" + i).build());
        assertThat(sns().publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(ten)).join().successful()).hasSize(10);
        assertThat(receiveAll(q, 10)).hasSize(10);
        List<PublishBatchRequestEntry> eleven = new ArrayList<>(ten);
        eleven.add(PublishBatchRequestEntry.builder().id("e10").message("b10").build());
        assertThatThrownBy(() -> sns().publishBatch(b -> b.topicArn(topic).publishBatchRequestEntries(eleven)).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(e.getCause().getClass().getSimpleName()).contains("TooManyEntries"));
    }

    @Test
    void unsubscribedQueuesGetNothingMore() {
        String topic = topic(false);
        String q = subscribedQueue(topic, true, null);
        String sub = sns().listSubscriptionsByTopic(b -> b.topicArn(topic)).join().subscriptions().get(0).subscriptionArn();
        sns().unsubscribe(b -> b.subscriptionArn(sub)).join();
        sns().publish(p -> p.topicArn(topic).message("lost on purpose")).join();
        assertThat(sqs().receiveMessage(b -> b.queueUrl(q).waitTimeSeconds(1)).join().messages()).isEmpty();
    }
}
