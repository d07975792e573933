package io.jmsaws.client;

import io.jmsaws.aws.SqsProvider;
import io.jmsaws.aws.SqsTransport;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synchronous senders on one connection go out in parallel up to {@code maxSendsInFlight} per
 * standard queue, and share SendMessageBatch requests beyond it; a FIFO queue keeps one request per
 * session and queue in flight. Counted on the embedded backend, whose client is wrapped to answer
 * every send after a delay (a network round trip) and to count the sends under way at once.
 */
class ParallelSendTest {
    private static final EmbeddedSqs SERVER = EmbeddedSqs.instance("parallel-sends");
    private static final long ROUND_TRIP_MILLIS = 150;

    /** Sends under way now and at most, requests made, and the most sends of one message group under way at once. */
    private final AtomicInteger underWay = new AtomicInteger();
    private final AtomicInteger mostUnderWay = new AtomicInteger();
    private final AtomicInteger sendMessage = new AtomicInteger();
    private final AtomicInteger sendMessageBatch = new AtomicInteger();
    private final Map<String, AtomicInteger> underWayByGroup = new ConcurrentHashMap<>();
    private final AtomicInteger mostUnderWayInAGroup = new AtomicInteger();
    private JmsAwsConnection connection;

    private SqsAsyncClient slowSends() {
        SqsAsyncClient real = new EmbeddedSqsAsyncClient(SERVER);
        return (SqsAsyncClient) Proxy.newProxyInstance(SqsAsyncClient.class.getClassLoader(), new Class<?>[] {SqsAsyncClient.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    boolean send = name.equals("sendMessage") || name.equals("sendMessageBatch");
                    if (!send) return invoke(real, method, args);
                    (name.equals("sendMessage") ? sendMessage : sendMessageBatch).incrementAndGet();
                    String group = args[0] instanceof SendMessageRequest r ? r.messageGroupId()
                            : args[0] instanceof SendMessageBatchRequest b ? b.entries().get(0).messageGroupId() : null;
                    mostUnderWay.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                    AtomicInteger inGroup = group == null ? null : underWayByGroup.computeIfAbsent(group, g -> new AtomicInteger());
                    if (inGroup != null) mostUnderWayInAGroup.accumulateAndGet(inGroup.incrementAndGet(), Math::max);
                    // the round trip: the request reaches the server after the delay, its answer returns then
                    return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(ROUND_TRIP_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(v -> {
                                try {
                                    return (CompletableFuture<?>) invoke(real, method, args);
                                } catch (Throwable e) {
                                    return CompletableFuture.failedFuture(e);
                                }
                            }).whenComplete((r, e) -> {
                                underWay.decrementAndGet();
                                if (inGroup != null) inGroup.decrementAndGet();
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private JmsAwsConnection open(String options) throws JMSException {
        JmsAwsConfig config = JmsAwsConfig.parse("embedded://parallel-sends?waitTimeSeconds=1" + options);
        connection = new JmsAwsConnection(config, new SqsProvider(config, SqsTransport.wrap(config, slowSends())), io.jmsaws.telemetry.Telemetry.untraced());
        connection.start();
        return connection;
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) connection.close();
    }

    /** {@code threads} threads, each with its own session, send {@code each} messages at the same moment. */
    private void sendFromThreads(Queue q, int threads, int each, boolean grouped) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(q);
                senders.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        TextMessage m = s.createTextMessage(thread + ":" + i);
                        if (grouped) m.setStringProperty("JMSXGroupID", "g" + thread);
                        p.send(m);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : senders) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> receiveAll(Queue q, int n) throws JMSException {
        Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        List<String> got = new ArrayList<>();
        while (got.size() < n) {
            Message m = c.receive(5_000);
            if (m == null) break;
            got.add(((TextMessage) m).getText());
        }
        c.close();
        return got;
    }

    @Test
    void eightThreadsSendingAtOnceHaveEightSendsInFlight() throws Exception {
        open("");
        Queue q = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(QueueBehaviourContract.uniqueName("eight"));
        sendFromThreads(q, 8, 5, false);
        assertThat(mostUnderWay.get()).as("sends under way at once").isEqualTo(8);
        assertThat(receiveAll(q, 40)).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void thirtyTwoThreadsGoOutAsAFewBatchesBeyondTheLimit() throws Exception {
        open("");
        Queue q = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(QueueBehaviourContract.uniqueName("thirty-two"));
        sendFromThreads(q, 32, 1, false);
        assertThat(mostUnderWay.get()).as("sends under way at once").isLessThanOrEqualTo(8);
        assertThat(sendMessageBatch.get()).as("batches carrying the senders beyond the limit").isPositive();
        assertThat(sendMessage.get() + sendMessageBatch.get()).as("requests for 32 messages").isLessThanOrEqualTo(16);
        assertThat(receiveAll(q, 32)).hasSize(32).doesNotHaveDuplicates();
    }

    @Test
    void theLimitIsAnOption() throws Exception {
        open("&maxSendsInFlight=2");
        Queue q = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(QueueBehaviourContract.uniqueName("two"));
        sendFromThreads(q, 8, 3, false);
        assertThat(mostUnderWay.get()).as("sends under way at once").isEqualTo(2);
        assertThat(receiveAll(q, 24)).hasSize(24).doesNotHaveDuplicates();
    }

    @Test
    void aFifoGroupKeepsItsOrderWithEightThreadsSendingThroughEightSessions() throws Exception {
        open("");
        Queue q = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createQueue(QueueBehaviourContract.uniqueName("groups") + ".fifo?contentBasedDeduplication=true");
        sendFromThreads(q, 8, 12, true);
        assertThat(mostUnderWayInAGroup.get()).as("sends of one group under way at once").isEqualTo(1);
        assertThat(mostUnderWay.get()).as("the groups' sessions still send side by side").isGreaterThan(1);
        List<String> got = receiveAll(q, 96);
        assertThat(got).hasSize(96);
        Map<String, Integer> next = new HashMap<>();
        for (String b : got) {
            String[] parts = b.split(":");
            int expected = next.getOrDefault(parts[0], 0);
            assertThat(Integer.parseInt(parts[1])).as("message %s of group g%s", b, parts[0]).isEqualTo(expected);
            next.put(parts[0], expected + 1);
        }
    }
}
