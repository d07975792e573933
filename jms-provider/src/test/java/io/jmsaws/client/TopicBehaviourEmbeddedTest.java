package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicBehaviourEmbeddedTest extends TopicBehaviourContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("topics");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    /** SQS blocks a deleted queue's name for 60 s; a subscription made again right away must not need it. */
    @Test
    void aDurableSubscriptionCanBeMadeAgainRightAfterUnsubscribe() throws Exception {
        try (Connection c = new JmsAwsConnectionFactory("embedded://topics-with-sqs-cooldown").createConnection()) {
            c.setClientID("cooldown-client");
            c.start();
            Session s = c.createSession();
            Topic t = s.createTopic("cooldown-topic");
            s.createDurableConsumer(t, "again").close();
            s.unsubscribe("again");
            var consumer = s.createDurableConsumer(t, "again");
            s.createProducer(t).send(s.createTextMessage("new generation"));
            assertThat(((TextMessage) consumer.receive(5_000)).getText()).isEqualTo("new generation");
            consumer.close();
            s.unsubscribe("again");
        }
    }
}
