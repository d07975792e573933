package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueueBehaviourEmbeddedTest extends QueueBehaviourContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("queue-behaviour");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    /** ElasticMQ does not report MaximumMessageSize (nor enforce a per-queue one), so this runs embedded only. */
    @Test
    void aQueueCreatedWithALargerMaximumTakesLargerMessages() throws Exception {
        String name = uniqueName("big");
        backend().sqs().createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576"))).join();
        Queue big = session.createQueue(name);
        session.createProducer(big).send(session.createTextMessage("y".repeat(600_000)));
        assertThat(((TextMessage) receiveOne(session, big)).getText()).hasSize(600_000);
    }

}
