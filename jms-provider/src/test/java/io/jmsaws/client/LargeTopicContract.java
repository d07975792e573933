package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Topic sizes: SNS's default 256 KiB, and the options that ask for more ({@code ?maxMessageSize=},
 * SNS's MaximumMessageSize since September 2026). fauxqs takes the attribute at CreateTopic but keeps
 * refusing publishes above 256 KiB, so the larger topics are tested on the embedded backend.
 */
abstract class LargeTopicContract {
    protected abstract TestBackend backend();

    Connection connection;
    Session session;

    @BeforeEach
    void open() throws Exception {
        connection = backend().factory().createConnection();
        connection.setClientID("large-" + UUID.randomUUID());
        connection.start();
        session = connection.createSession();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDefaultTopicRefusesMoreThan256KiBBeforeAnyRequest() throws Exception {
        Topic normal = session.createTopic(unique("normal"));
        MessageConsumer consumer = session.createConsumer(normal);
        assertThatThrownBy(() -> session.createProducer(normal).send(session.createTextMessage("x".repeat(300_000))))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("262144");
        session.createProducer(normal).send(session.createTextMessage("x".repeat(200_000)));
        assertThat(((TextMessage) consumer.receive(10_000)).getText()).hasSize(200_000);
    }

    @Test
    void badTopicOptionsAreRefusedWhenTheTopicIsNamed() {
        assertThatThrownBy(() -> session.createTopic("t?maxMessageSize=10")).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("from 1024 to 1048576");
        assertThatThrownBy(() -> session.createTopic("t?maxSize=2048")).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("unknown option 'maxSize'").hasMessageContaining("maxMessageSize");
    }
}
