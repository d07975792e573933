package io.jmsaws;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.*;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    void roundTrip(TestBackend b) throws Exception {
        try (Connection c = b.factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue("smoke-" + UUID.randomUUID());
            MessageProducer p = s.createProducer(q);
            TextMessage m = s.createTextMessage("hello");
            m.setIntProperty("n", 7);
            p.send(m);
            Message got = s.createConsumer(q).receive(5000);
            assertThat(got).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) got).getText()).isEqualTo("hello");
            assertThat(got.getIntProperty("n")).isEqualTo(7);
            assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        }
    }

    @Test
    void embedded() throws Exception {
        roundTrip(new EmbeddedBackend("smoke"));
    }

    @Test
    void elasticmq() throws Exception {
        roundTrip(ElasticMqBackend.get());
    }
}
