package io.jmsaws.admin;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the operator console does through {@link DeadLetterAdmin}: list queues, move chosen messages, purge. */
abstract class QueueAdministrationContract {
    protected abstract TestBackend backend();

    private Connection connection;
    private Session session;
    private String source;
    private String dlq;

    @BeforeEach
    void open() throws Exception {
        connection = backend().factory().createConnection();
        connection.start();
        session = connection.createSession();
        String id = UUID.randomUUID().toString().substring(0, 8);
        source = "adm-src-" + id;
        dlq = "adm-dlq-" + id;
        // naming the source with its options creates both queues and the redrive policy
        session.createConsumer(session.createQueue(source + "?deadLetterQueue=" + dlq + "&maxReceiveCount=3")).close();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private List<String> sendToDeadLetterQueue(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        try (MessageProducer p = session.createProducer(session.createQueue(dlq))) {
            for (int i = 0; i < n; i++) {
                TextMessage m = session.createTextMessage("dead " + i);
                p.send(m);
                ids.add(m.getJMSMessageID());
            }
        }
        return ids;
    }

    private QueueSummary summary(DeadLetterAdmin admin, String name) throws Exception {
        return admin.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theListingShowsCountsTheRedrivePolicyAndWhichQueuesADeadLetterQueueServes() throws Exception {
        sendToDeadLetterQueue(3);
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(backend().url(""))) {
            QueueSummary s = summary(admin, source);
            assertThat(s.deadLetter()).isNotNull();
            assertThat(s.deadLetter().queueName()).isEqualTo(dlq);
            assertThat(s.deadLetter().maxReceiveCount()).isEqualTo(3);
            assertThat(s.deadLetterFor()).isEmpty();
            assertThat(s.visible()).isZero();
            QueueSummary d = summary(admin, dlq);
            assertThat(d.deadLetter()).isNull();
            assertThat(d.deadLetterFor()).containsExactly(source);
            assertThat(d.visible()).isEqualTo(3);
            assertThat(d.inFlight()).isZero();
            assertThat(d.url()).endsWith(dlq);
        }
    }

    @Test
    void chosenMessagesMoveBackAndTheOthersStay() throws Exception {
        List<String> ids = sendToDeadLetterQueue(5);
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(backend().url(""))) {
            RedriveResult r = admin.moveMessages(dlq, source, List.of(ids.get(1), ids.get(3), "ID:not-there"));
            assertThat(r.moved()).isEqualTo(2);
            QueueSummary after = summary(admin, dlq);
            assertThat(after.visible()).as("the passed-over ones were released, not kept in flight").isEqualTo(3);
            assertThat(after.inFlight()).isZero();
        }
        Queue q = session.createQueue(source);
        List<String> back = new ArrayList<>();
        try (MessageConsumer c = session.createConsumer(q)) {
            for (Message m; (m = c.receive(back.size() < 2 ? 5000 : 500)) != null; ) back.add(((TextMessage) m).getText());
        }
        assertThat(back).containsExactlyInAnyOrder("dead 1", "dead 3");
    }

    @Test
    void chosenMessagesOfAFifoQueueAreRefusedBecauseAHeldMessageBlocksItsGroup() throws Exception {
        String fifo = "adm-fifo-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo";
        try (MessageProducer p = session.createProducer(session.createQueue(fifo))) {
            p.send(session.createTextMessage("one"));
        }
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(backend().url(""))) {
            assertThatThrownBy(() -> admin.moveMessages(fifo, source, List.of("ID:x"))).isInstanceOf(jakarta.jms.JMSException.class)
                    .hasMessageContaining("FIFO").hasMessageContaining("whole queue");
            assertThat(admin.count(fifo)).isEqualTo(1);
        }
    }

    @Test
    void purgeEmptiesTheQueue() throws Exception {
        sendToDeadLetterQueue(4);
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(backend().url(""))) {
            assertThat(admin.count(dlq)).isEqualTo(4);
            admin.purge(dlq);
            long deadline = System.currentTimeMillis() + 10_000; // SQS purges within 60 s; the emulators at once
            while (admin.count(dlq) > 0 && System.currentTimeMillis() < deadline) Thread.sleep(100);
            assertThat(admin.count(dlq)).isZero();
        }
    }
}
