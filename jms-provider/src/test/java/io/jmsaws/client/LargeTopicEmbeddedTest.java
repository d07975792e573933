package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The large-topic rules of AWS that the emulators do not enforce, on the embedded backend (which does). */
class LargeTopicEmbeddedTest extends LargeTopicContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("large-topics");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    @Test
    void aTopicCreatedWithTheLargerMaximumCarriesNearlyOneMebibyte() throws Exception {
        Topic large = session.createTopic(unique("large") + "?maxMessageSize=1048576");
        MessageConsumer consumer = session.createConsumer(large);
        MessageProducer p = session.createProducer(large);
        p.send(session.createTextMessage("a" + "x".repeat(1_000_000)));
        TextMessage got = (TextMessage) consumer.receive(10_000);
        assertThat(got).isNotNull();
        assertThat(got.getText()).hasSize(1_000_001);
        assertThatThrownBy(() -> p.send(session.createTextMessage("x".repeat(1_048_576)))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("1048576");

        // a transacted session's publishes go out in PublishBatch requests no larger than the topic's maximum
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer batched = tx.createProducer(large);
        for (int i = 0; i < 3; i++) batched.send(tx.createTextMessage(i + "y".repeat(400_000)));
        tx.commit();
        for (int i = 0; i < 3; i++) assertThat(((TextMessage) consumer.receive(10_000)).getText()).hasSize(400_001);
    }

    @Test
    void aDurableSubscriptionQueueBelowItsTopicsMaximumIsRaised() throws Exception {
        Topic large = session.createTopic(unique("raise") + "?maxMessageSize=1048576");
        session.createDurableConsumer(large, "raised").close();
        String url = BACKEND.sqs().listQueues(b -> b.queueNamePrefix("jmsaws-dur-")).join().queueUrls().stream()
                .filter(u -> sizeOf(u) == 1_048_576).findFirst().orElseThrow();
        // as made by an older version, or by hand: SNS would silently fail to deliver a 1 MiB message to it
        BACKEND.sqs().setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("MaximumMessageSize", "262144"))).join();
        MessageConsumer again = session.createDurableConsumer(large, "raised");
        assertThat(sizeOf(url)).isEqualTo(1_048_576);
        session.createProducer(large).send(session.createTextMessage("z".repeat(900_000)));
        assertThat(((TextMessage) again.receive(10_000)).getText()).hasSize(900_000);
        again.close();
        session.unsubscribe("raised");
    }

    private static int sizeOf(String url) {
        return Integer.parseInt(BACKEND.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.MAXIMUM_MESSAGE_SIZE))
                .join().attributesAsStrings().get("MaximumMessageSize"));
    }

    @Test
    void theHundredAndFirstSubscriberOfALargeTopicGetsAJmsExceptionNamingTheCap() throws Exception {
        Topic large = session.createTopic(unique("capped") + "?maxMessageSize=524288");
        List<MessageConsumer> consumers = new ArrayList<>();
        for (int i = 0; i < 100; i++) consumers.add(session.createConsumer(large));
        assertThatThrownBy(() -> session.createConsumer(large)).isInstanceOf(JMSException.class)
                .hasMessageContaining("at most 100 subscriptions").hasMessageContaining("524288");
        for (MessageConsumer c : consumers) c.close();
        // closed non-durable consumers unsubscribe: there is room again
        session.createConsumer(large).close();
    }

    @Test
    void aNameThatAsksForAnotherSizeThanTheTopicHasIsAnError() throws Exception {
        String name = unique("other");
        session.createConsumer(session.createTopic(name + "?maxMessageSize=1048576")).close();
        try (var other = backend().factory().createConnection()) {
            var s = other.createSession();
            assertThatThrownBy(() -> s.createProducer(s.createTopic(name + "?maxMessageSize=2048")).send(s.createTextMessage("x")))
                    .isInstanceOf(JMSException.class).hasMessageContaining("attributes");
        }
    }

    @Test
    void aSubscriptionQueueEncryptedWithTheAwsManagedSqsKeyIsRefused() throws Exception {
        String topicName = unique("kms-trap");
        Topic t = session.createTopic(topicName);
        session.createDurableConsumer(t, "trap").close();
        String url = BACKEND.sqs().listQueues(b -> b.queueNamePrefix("jmsaws-dur-")).join().queueUrls().stream()
                .filter(u -> BACKEND.sqs().listQueueTags(b -> b.queueUrl(u)).join().tags().values().stream().anyMatch(v -> v.endsWith(":" + topicName)))
                .findFirst().orElseThrow();
        // encrypted by hand with the key SNS can never use: SNS would drop every message for it
        BACKEND.sqs().setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("KmsMasterKeyId", "alias/aws/sqs"))).join();
        assertThatThrownBy(() -> session.createDurableConsumer(t, "trap")).isInstanceOf(JMSException.class)
                .hasMessageContaining("alias/aws/sqs").hasMessageContaining("sns.amazonaws.com");
        session.unsubscribe("trap");
    }

    @Test
    void topicOptionsForHighThroughputAndEncryptionAreAppliedAndChecked() throws Exception {
        String fifo = unique("fast") + ".fifo";
        session.createConsumer(session.createTopic(fifo + "?fifoThroughputScope=MessageGroup&kmsMasterKeyId=alias/topic-key")).close();
        String arn = BACKEND.sns().listTopics().join().topics().stream().map(x -> x.topicArn()).filter(a -> a.endsWith(":" + fifo))
                .findFirst().orElseThrow();
        Map<String, String> a = BACKEND.sns().getTopicAttributes(b -> b.topicArn(arn)).join().attributes();
        assertThat(a).containsEntry("FifoThroughputScope", "MessageGroup").containsEntry("KmsMasterKeyId", "alias/topic-key");
        assertThatThrownBy(() -> session.createTopic("plain?fifoThroughputScope=MessageGroup")).isInstanceOf(jakarta.jms.InvalidDestinationException.class)
                .hasMessageContaining("FIFO topics");
        assertThatThrownBy(() -> session.createTopic("x.fifo?fifoThroughputScope=Group")).isInstanceOf(jakarta.jms.InvalidDestinationException.class)
                .hasMessageContaining("Topic or MessageGroup");
    }
}
