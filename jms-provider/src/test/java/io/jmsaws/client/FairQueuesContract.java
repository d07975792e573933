package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code fairQueues=true}: JMSXGroupID as the MessageGroupId of standard-queue messages (SQS fair queues). */
abstract class FairQueuesContract {
    protected abstract TestBackend backend();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void withFairQueuesTheGroupIsTheMessageGroupIdOnTheWireAndComesBackAsJmsxGroupId() throws Exception {
        String name = unique("fair");
        try (Connection c = backend().factory("fairQueues=true").createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name);
            MessageProducer p = s.createProducer(q);
            Message m = s.createTextMessage("tenant work");
            m.setStringProperty("JMSXGroupID", "tenant-7");
            p.send(m);
            assertThatThrownBy(() -> {
                Message bad = s.createTextMessage("x");
                bad.setStringProperty("JMSXGroupID", "g".repeat(129));
                p.send(bad);
            }).isInstanceOf(MessageFormatException.class).hasMessageContaining("128");
            // what SQS holds: the group as MessageGroupId, read with the plain SDK
            String url = backend().sqs().getQueueUrl(b -> b.queueName(name)).join().queueUrl();
            var raw = backend().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).join().messages();
            assertThat(raw).hasSize(1);
            assertThat(raw.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("tenant-7");
            MessageConsumer consumer = s.createConsumer(q);
            Message got = consumer.receive(10_000);
            assertThat(got.getStringProperty("JMSXGroupID")).isEqualTo("tenant-7");
        }
    }

    @Test
    void withoutFairQueuesAStandardQueueGetsNoMessageGroupIdAndJmsxGroupIdTravelsAsAProperty() throws Exception {
        String name = unique("unfair");
        try (Connection c = backend().factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name);
            Message m = s.createTextMessage("work");
            m.setStringProperty("JMSXGroupID", "tenant-8");
            s.createProducer(q).send(m);
            String url = backend().sqs().getQueueUrl(b -> b.queueName(name)).join().queueUrl();
            var raw = backend().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).join().messages();
            assertThat(raw.get(0).attributes()).doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            assertThat(s.createConsumer(q).receive(10_000).getStringProperty("JMSXGroupID")).isEqualTo("tenant-8");
        }
    }
}
