package io.jmsaws.aws;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.FaultProxy;
import io.jmsaws.testing.FaultProxy.Fault;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synchronous senders on one connection share requests only beyond {@code maxSendsInFlight}
 * requests under way (1 here, the narrowest case: four threads always overlap it; the parallel
 * side is ParallelSendTest's): a lone sender sends alone, concurrent ones
 * beyond the limit share SendMessageBatch requests, each message arrives once. Against ElasticMQ
 * behind {@link FaultProxy}, which adds latency (so that senders overlap) and counts requests.
 */
class SendCoalescingTest {
    private static final int THREADS = 4;
    private static final int EACH = 25;
    private final String queue = "coalesce-" + UUID.randomUUID().toString().substring(0, 8);
    private FaultProxy proxy;
    private Connection connection;

    @BeforeEach
    void start() throws JMSException {
        ElasticMqBackend.get();
        proxy = FaultProxy.to(ElasticMqBackend.endpoint());
        proxy.latency(15);
        connection = new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + proxy.endpoint()
                + "&accessKeyId=test&secretAccessKey=test&waitTimeSeconds=1&maxSendsInFlight=1").createConnection();
        connection.start();
    }

    @AfterEach
    void stop() throws JMSException {
        connection.close();
        proxy.close();
    }

    private void sendConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer p = s.createProducer(s.createQueue(queue));
                        for (int i = 0; i < EACH; i++) {
                            Message m = s.createTextMessage("m");
                            m.setStringProperty("n", thread + "-" + i);
                            p.send(m);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Integer> drain() throws JMSException {
        Map<String, Integer> copies = new HashMap<>();
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE); MessageConsumer c = s.createConsumer(s.createQueue(queue))) {
            for (Message m; (m = c.receive(3000)) != null; ) copies.merge(m.getStringProperty("n"), 1, Integer::sum);
        }
        return copies;
    }

    private List<FaultProxy.Seen> sends() {
        return proxy.seen().stream().filter(s -> s.operation().startsWith("SendMessage")).toList();
    }

    @Test
    void aLoneSenderSendsEachMessageAtOnceAlone() throws Exception {
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createQueue(queue));
            for (int i = 0; i < 10; i++) {
                Message m = s.createTextMessage("m");
                m.setStringProperty("n", "lone-" + i);
                p.send(m);
            }
        }
        assertThat(sends()).hasSize(10).allSatisfy(seen -> assertThat(seen.operation()).isEqualTo("SendMessage"));
        assertThat(drain()).hasSize(10);
    }

    @Test
    void concurrentSendersShareRequestsAndEachMessageArrivesOnce() throws Exception {
        sendConcurrently();
        List<FaultProxy.Seen> sends = sends();
        assertThat(sends).anySatisfy(seen -> assertThat(seen.entries()).isGreaterThan(1));
        assertThat(sends.size()).as("requests for %d messages", THREADS * EACH).isLessThan(THREADS * EACH * 2 / 3);
        assertThat(drain()).hasSize(THREADS * EACH).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    }

    @Test
    void entriesASharedBatchFailedAreSentAgainAndNothingIsLostOrDoubled() throws Exception {
        proxy.policy((op, n) -> op.equals("SendMessageBatch") && n % 2 == 0 ? Fault.PARTIAL_BATCH : Fault.NONE);
        sendConcurrently();
        assertThat(proxy.injected(Fault.PARTIAL_BATCH)).isPositive();
        assertThat(drain()).hasSize(THREADS * EACH).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    }
}
