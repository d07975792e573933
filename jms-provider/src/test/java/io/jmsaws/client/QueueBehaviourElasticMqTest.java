package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueBehaviourElasticMqTest extends QueueBehaviourContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }

    /** ElasticMQ does not report MaximumMessageSize: an attribute a server leaves out is not a mismatch with the queue's options. */
    @Test
    void aQueueWithAnOptionTheServerDoesNotReportCanBeUsed() throws Exception {
        Queue q = session.createQueue(uniqueName("small") + "?maxMessageSize=1024");
        session.createProducer(q).send(session.createTextMessage("fits"));
        MessageConsumer c = session.createConsumer(session.createQueue(q.getQueueName()));
        assertThat(((TextMessage) c.receive(5_000)).getText()).isEqualTo("fits");
    }
}
