package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

class FairQueuesEmbeddedTest extends FairQueuesContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("fair-queues");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    /** SNS standard topics pass MessageGroupId on to their (standard) subscription queues since July 2025. */
    @Test
    void aStandardTopicPassesTheGroupOnToItsSubscribers() throws Exception {
        try (Connection c = BACKEND.factory("fairQueues=true").createConnection()) {
            c.setClientID("fair-" + System.nanoTime());
            c.start();
            Session s = c.createSession();
            Topic t = s.createTopic("fair-topic-" + System.nanoTime());
            s.createDurableConsumer(t, "fair").close(); // the subscription queue keeps what arrives meanwhile
            Message m = s.createTextMessage("tenant news");
            m.setStringProperty("JMSXGroupID", "tenant-9");
            s.createProducer(t).send(m);
            // what the subscription queue holds: the group as MessageGroupId, read with the plain SDK
            var raw = BACKEND.sqs().listQueues(b -> b.queueNamePrefix("jmsaws-dur-")).join().queueUrls().stream()
                    .flatMap(url -> BACKEND.sqs().receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                            .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).join().messages().stream())
                    .filter(x -> x.body().contains("tenant news") || "tenant-9".equals(x.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
                    .toList();
            assertThat(raw).hasSize(1);
            assertThat(raw.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("tenant-9");
            MessageConsumer consumer = s.createDurableConsumer(t, "fair");
            assertThat(consumer.receive(10_000).getStringProperty("JMSXGroupID")).isEqualTo("tenant-9");
            consumer.close();
            s.unsubscribe("fair");
        }
    }
}
