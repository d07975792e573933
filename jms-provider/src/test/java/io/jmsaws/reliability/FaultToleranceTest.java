package io.jmsaws.reliability;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.FaultProxy;
import io.jmsaws.testing.FaultProxy.Fault;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * Producers and consumers against ElasticMQ through {@link FaultProxy}: every message sent
 * arrives (counted by id) through server errors, throttling, cut connections, lost answers and
 * partial batch failures; duplicates only where SQS allows them; a dead endpoint gives a clear
 * error and consumers recover by themselves.
 */
class FaultToleranceTest {
    private static final Fault[] TRANSIENT = {Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.REQUEST_THROTTLED,
            Fault.THROTTLING_EXCEPTION, Fault.DROP_CONNECTION};

    private FaultProxy proxy;
    private final List<Connection> connections = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startProxy() {
        ElasticMqBackend.get();
        proxy = FaultProxy.to(ElasticMqBackend.endpoint());
    }

    @AfterEach
    void stop() throws JMSException {
        for (Connection c : connections) c.close();
        proxy.close();
    }

    private Connection connect(String options) throws JMSException {
        Connection c = new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + proxy.endpoint()
                + "&accessKeyId=test&secretAccessKey=test&waitTimeSeconds=1" + (options.isEmpty() ? "" : "&" + options)).createConnection();
        connections.add(c);
        c.start();
        return c;
    }

    private static String idOf(Message m) throws JMSException {
        return m.getStringProperty("n");
    }

    @Test
    void everyMessageArrivesThroughErrorsThrottlingAndCutConnections() throws Exception {
        // one request in three fails, in every way SQS and the network can fail, on every operation
        proxy.policy((op, n) -> n % 3 == 0 ? TRANSIENT[(n / 3) % TRANSIENT.length] : Fault.NONE);
        proxy.latency(2);
        Connection producerConnection = connect("maxAttempts=10");
        Connection consumerConnection = connect("maxAttempts=10");
        Session producer = producerConnection.createSession(Session.AUTO_ACKNOWLEDGE);
        Session transacted = producerConnection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = producer.createQueue("faults-" + run);
        Set<String> received = ConcurrentHashMap.newKeySet();
        Session consumerSession = consumerConnection.createSession(Session.AUTO_ACKNOWLEDGE);
        consumerSession.createConsumer(queue).setMessageListener(m -> {
            try {
                received.add(idOf(m));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });

        Set<String> sent = new java.util.HashSet<>();
        MessageProducer single = producer.createProducer(queue);
        MessageProducer batched = transacted.createProducer(queue);
        for (int i = 0; i < 60; i++) {
            String n = "single-" + i;
            Message m = producer.createTextMessage(n);
            m.setStringProperty("n", n);
            single.send(m);
            sent.add(n);
        }
        for (int batch = 0; batch < 6; batch++) {
            for (int i = 0; i < 10; i++) {
                String n = "tx-" + batch + "-" + i;
                Message m = transacted.createTextMessage(n);
                m.setStringProperty("n", n);
                batched.send(m);
                sent.add(n);
            }
            transacted.commit();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> received.containsAll(sent));
        assertThat(received).containsAll(sent);
        for (Fault f : TRANSIENT) assertThat(proxy.injected(f)).as("%s injected", f).isPositive();
    }

    @Test
    void partialBatchFailuresAreRetriedForTheFailedEntriesOnly() throws Exception {
        proxy.policy((op, n) -> op.equals("SendMessageBatch") ? Fault.PARTIAL_BATCH : Fault.NONE);
        Connection c = connect("");
        Session tx = c.createSession(Session.SESSION_TRANSACTED);
        Queue queue = tx.createQueue("partial-" + run);
        MessageProducer p = tx.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            Message m = tx.createTextMessage("m" + i);
            m.setStringProperty("n", "m" + i);
            p.send(m);
        }
        tx.commit();

        List<Integer> batchSizes = proxy.seen().stream().filter(s -> s.operation().equals("SendMessageBatch")).map(FaultProxy.Seen::entries).toList();
        // 10 sent, 3 failed; the retry carries those 3 only (the proxy does not cut a batch of 3 further)
        assertThat(batchSizes).containsExactly(10, FaultProxy.PARTIAL_FAILURES);
        Map<String, Integer> copies = drain(c, queue);
        assertThat(copies).hasSize(10).allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isEqualTo(1));
    }

    @Test
    void aLostAnswerDuplicatesOnAStandardQueueButNotOnAFifoQueue() throws Exception {
        Connection c = connect("");
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue standard = s.createQueue("lost-answer-" + run);
        Queue fifo = s.createQueue("lost-answer-" + run + ".fifo");
        s.createProducer(standard); // both queues exist before the faults start
        s.createProducer(fifo);
        // the first attempt of each send reaches the queue, its answer is lost, the SDK sends it again
        java.util.concurrent.atomic.AtomicBoolean loseNext = new java.util.concurrent.atomic.AtomicBoolean(true);
        proxy.policy((op, n) -> op.equals("SendMessage") && loseNext.getAndSet(false) ? Fault.LOSE_RESPONSE : Fault.NONE);
        Message a = s.createTextMessage("standard");
        a.setStringProperty("n", "standard");
        s.createProducer(standard).send(a);
        loseNext.set(true);
        Message b = s.createTextMessage("fifo");
        b.setStringProperty("n", "fifo");
        s.createProducer(fifo).send(b);
        proxy.policy((op, n) -> Fault.NONE);

        assertThat(proxy.injected(Fault.LOSE_RESPONSE)).isEqualTo(2);
        // SQS allows the duplicate on a standard queue; on FIFO the deduplication id (from JMSMessageID) removes it
        assertThat(drain(c, standard)).containsEntry("standard", 2);
        assertThat(drain(c, fifo)).containsEntry("fifo", 1);
    }

    @Test
    void fifoOrderPerGroupHoldsThroughFaults() throws Exception {
        proxy.policy((op, n) -> n % 4 == 0 ? TRANSIENT[(n / 4) % TRANSIENT.length] : (n % 7 == 0 ? Fault.LOSE_RESPONSE : Fault.NONE));
        Connection producerConnection = connect("maxAttempts=10");
        Connection consumerConnection = connect("maxAttempts=10");
        Session producer = producerConnection.createSession(Session.AUTO_ACKNOWLEDGE);
        // a short visibility timeout: a delete lost to a fault costs one timeout before SQS hands the group out again
        Queue queue = producer.createQueue("order-faults-" + run + ".fifo?visibilityTimeout=5");
        MessageProducer p = producer.createProducer(queue);
        List<String> groups = List.of("a", "b", "c");
        int each = 20;
        for (int i = 1; i <= each; i++) {
            for (String g : groups) {
                Message m = producer.createTextMessage(g + i);
                m.setStringProperty("JMSXGroupID", g);
                m.setIntProperty("seq", i);
                p.send(m);
            }
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(1);
        for (int consumer = 0; consumer < 2; consumer++) {
            Session s = consumerConnection.createSession(Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(queue).setMessageListener(m -> {
                try {
                    seen.computeIfAbsent(m.getStringProperty("JMSXGroupID"), k -> new CopyOnWriteArrayList<>()).add(m.getIntProperty("seq"));
                    if (groups.stream().allMatch(g -> seen.getOrDefault(g, List.of()).contains(each))) all.countDown();
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(all.await(90, TimeUnit.SECONDS)).as("every group's last message arrived").isTrue();
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, each).boxed().toList();
        for (String g : groups) {
            // a delete lost to a fault lets SQS deliver that message again, right away and before the next one: never out of order
            assertThat(withoutRepeats(seen.get(g))).as("group %s", g).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aDeadEndpointFailsSendsClearlyTellsTheListenerAndConsumersComeBack() throws Exception {
        Connection c = connect("maxAttempts=2");
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        c.setExceptionListener(reported::add);
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = s.createQueue("down-" + run);
        List<String> received = new CopyOnWriteArrayList<>();
        s.createConsumer(queue).setMessageListener(m -> {
            try {
                received.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        Session sender = c.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = sender.createProducer(queue);

        proxy.policy((op, n) -> Fault.SERVICE_UNAVAILABLE);
        // fails after its retries instead of hanging (the bound only guards against a hang)
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> p.send(sender.createTextMessage("while down"))).isInstanceOf(JMSException.class)
                        .hasMessageContaining("SendMessage").hasMessageContaining("down-" + run));
        await().atMost(Duration.ofSeconds(30)).until(() -> !reported.isEmpty());
        assertThat(reported.get(0).getMessage()).contains("ReceiveMessage");

        proxy.policy((op, n) -> Fault.NONE);
        p.send(sender.createTextMessage("after recovery"));
        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("after recovery"));
        assertThat(received).doesNotContain("while down");
    }

    @Test
    void theSecretKeyNeverAppearsInErrorsOrToString() throws Exception {
        String secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYLEAKED";
        JmsAwsConnectionFactory factory = new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + proxy.endpoint()
                + "&accessKeyId=AKIDEXAMPLE&secretAccessKey=" + secret + "&maxAttempts=1");
        proxy.policy((op, n) -> Fault.SERVICE_UNAVAILABLE);
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> s.createProducer(s.createQueue("secret-" + run))
                    .send(s.createTextMessage("x")));
            assertThat(failure).isInstanceOf(JMSException.class);
            java.io.StringWriter trace = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(secret);
            assertThat(factory.toString() + c + s).doesNotContain(secret);
        }
    }

    private static List<Integer> withoutRepeats(List<Integer> values) {
        List<Integer> out = new ArrayList<>();
        for (Integer v : values) if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) out.add(v);
        return out;
    }

    /** Everything on the queue, as id → copies, through a connection that goes around the proxy's faults. */
    private static Map<String, Integer> drain(Connection c, Queue queue) throws JMSException {
        Map<String, Integer> copies = new HashMap<>();
        try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE); MessageConsumer consumer = s.createConsumer(queue)) {
            for (Message m; (m = consumer.receive(3000)) != null; ) copies.merge(idOf(m), 1, Integer::sum);
        }
        return copies;
    }
}
