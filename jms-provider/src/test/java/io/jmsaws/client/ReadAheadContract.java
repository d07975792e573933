package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-ahead for receive() consumers (issue 14), and what it must not cost: a consumer that keeps
 * reading has its next batch under way, but one that stops reading gives what it holds back within
 * the idle bound; a consumer opened for one receive() (Spring's JmsTemplate) asks for one message,
 * so opening and closing consumers does not push messages to the DLQ; a stopped connection keeps
 * its buffer, and what this JVM gave back unseen is not reported as redelivered. Same assertions
 * on every backend.
 */
abstract class ReadAheadContract {
    protected abstract TestBackend backend();

    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws JMSException {
        for (Connection c : opened) c.close();
    }

    private Connection connection(String options) throws JMSException {
        Connection c = backend().factory(options).createConnection();
        opened.add(c);
        c.start();
        return c;
    }

    private static void send(Session s, Queue q, int n) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) p.send(s.createTextMessage("m" + i));
        p.close();
    }

    /** Receives until {@code n} messages came or nothing comes for {@code quietMillis}; returns their bodies. */
    private static List<String> drain(MessageConsumer c, int n, long quietMillis) throws JMSException {
        List<String> bodies = new ArrayList<>();
        while (bodies.size() < n) {
            Message m = c.receive(quietMillis);
            if (m == null) break;
            bodies.add(((TextMessage) m).getText());
        }
        return bodies;
    }

    @Test
    void aConsumerThatStopsReadingGivesWhatItReadAheadBackWithinTheIdleBound() throws Exception {
        Session s = connection("idleReleaseMillis=500&waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("idle"));
        send(s, q, 30);
        MessageConsumer reader = s.createConsumer(q);
        assertThat(drain(reader, 4, 5_000)).hasSize(4); // reads repeatedly: reads ahead from here on
        // the reader stops reading but stays open: another connection gets everything else once the idle bound passed
        Session other = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer second = other.createConsumer(q);
        List<String> rest = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        long until = System.currentTimeMillis() + 15_000;
        while (rest.size() < 26 && System.currentTimeMillis() < until) {
            Message m = second.receive(1_000);
            if (m == null) continue;
            rest.add(((TextMessage) m).getText());
            // received before by the idle reader and given back unseen: this JVM knows, it is a first delivery
            if (m.getJMSRedelivered() || m.getIntProperty("JMSXDeliveryCount") != 1) flagged.add(((TextMessage) m).getText());
        }
        assertThat(rest).as("what the idle reader held went back to the queue").hasSize(26).doesNotHaveDuplicates();
        assertThat(flagged).as("flagged redelivered on their first delivery").isEmpty();
    }

    @Test
    void aConsumerOpenedForEachReceiveLeavesTheDeadLetterQueueEmpty() throws Exception {
        Session s = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        String name = QueueBehaviourContract.uniqueName("per-receive");
        Queue q = s.createQueue(name + "?deadLetterQueue=" + name + "-dlq&maxReceiveCount=2");
        send(s, q, 100);
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            try (MessageConsumer c = s.createConsumer(q)) { // what JmsTemplate.receive() does without a caching factory
                Message m = c.receive(5_000);
                assertThat(m).as("receive %d", i).isNotNull();
                assertThat(got.add(((TextMessage) m).getText())).as("delivered once: %s", ((TextMessage) m).getText()).isTrue();
                assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            }
        }
        assertThat(got).hasSize(100);
        try (MessageConsumer dlq = s.createConsumer(s.createQueue(name + "-dlq"))) {
            assertThat(dlq.receive(1_500)).as("nothing reached the DLQ undelivered").isNull();
        }
    }

    @Test
    void aStartReceiveStopLoopDeliversEveryMessageOnceAsAFirstDelivery() throws Exception {
        Connection c = connection("waitTimeSeconds=1");
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("start-stop"));
        int n = 1_000;
        send(s, q, n);
        MessageConsumer consumer = s.createConsumer(q);
        c.stop();
        Set<String> got = new HashSet<>();
        List<String> redelivered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.start(); // what Spring's CachingConnectionFactory + JmsTemplate.receive() do around every receive
            Message m = consumer.receive(5_000);
            c.stop();
            assertThat(m).as("receive %d", i).isNotNull();
            String body = ((TextMessage) m).getText();
            assertThat(got.add(body)).as("delivered once: %s", body).isTrue();
            if (m.getJMSRedelivered() || m.getIntProperty("JMSXDeliveryCount") != 1) {
                redelivered.add(body + " count " + m.getIntProperty("JMSXDeliveryCount"));
            }
        }
        assertThat(redelivered).as("messages flagged redelivered on their first delivery").isEmpty();
        c.start();
        assertThat(consumer.receive(500)).isNull();
    }

    @Test
    void aStoppedConnectionDeliversNothingFromWhatItKeeps() throws Exception {
        Connection c = connection("waitTimeSeconds=1");
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("stopped"));
        send(s, q, 20);
        MessageConsumer consumer = s.createConsumer(q);
        assertThat(drain(consumer, 5, 5_000)).hasSize(5); // reading ahead: the buffer holds more
        c.stop();
        assertThat(consumer.receive(300)).as("receive on a stopped connection").isNull();
        assertThat(consumer.receiveNoWait()).isNull();
        c.start();
        List<String> rest = drain(consumer, 15, 3_000);
        assertThat(rest).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void withReadAheadOffAConsumerFetchesOnlyWhileReceiveWaits() throws Exception {
        Session s = connection("readAhead=false&waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("no-read-ahead"));
        send(s, q, 20);
        MessageConsumer reader = s.createConsumer(q);
        assertThat(drain(reader, 10, 5_000)).hasSize(10); // one batch of 10, taken from the buffer
        Thread.sleep(300); // had a read-ahead poll gone out, it would have landed by now
        Session other = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        try (MessageConsumer second = other.createConsumer(q)) {
            assertThat(drain(second, 10, 2_000)).as("the other ten stayed in the queue").hasSize(10);
        }
    }

    @Test
    void twoReadingConsumersOnOneQueueBothGetMessages() throws Exception {
        Session setup = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = setup.createQueue(QueueBehaviourContract.uniqueName("two-readers"));
        int n = 200;
        send(setup, q, n);
        Map<Integer, List<String>> byReader = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int reader = r;
                Session s = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
                readers.add(pool.submit(() -> {
                    List<String> mine = new CopyOnWriteArrayList<>();
                    byReader.put(reader, mine);
                    MessageConsumer c = s.createConsumer(q);
                    while (total.get() < n) {
                        Message m = c.receive(1_000);
                        if (m == null) continue;
                        mine.add(((TextMessage) m).getText());
                        total.incrementAndGet();
                        Thread.sleep(1); // both read at about the same pace
                    }
                    c.close();
                    return null;
                }));
            }
            for (Future<?> f : readers) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> all = new ArrayList<>(byReader.get(0));
        all.addAll(byReader.get(1));
        assertThat(all).hasSize(n).doesNotHaveDuplicates();
        assertThat(byReader.get(0)).as("reader 0").hasSizeGreaterThan(n / 10);
        assertThat(byReader.get(1)).as("reader 1").hasSizeGreaterThan(n / 10);
    }

    @Test
    void nothingIsLostOrDuplicatedByReadAheadAcrossRecoverCloseAndStopStart() throws Exception {
        Connection c = connection("waitTimeSeconds=1");
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("client-mix"));
        int n = 60;
        send(s, q, n);
        Set<String> acknowledged = new HashSet<>();
        MessageConsumer consumer = s.createConsumer(q);
        int round = 0;
        while (acknowledged.size() < n && round < 200) {
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Message m = consumer.receive(2_000);
                if (m == null) break;
                batch.add(m);
            }
            switch (round++ % 4) {
                case 0 -> s.recover(); // delivered again
                case 1 -> { // acknowledged, then stop/start with a buffer held
                    if (!batch.isEmpty()) batch.get(batch.size() - 1).acknowledge();
                    for (Message m : batch) assertThat(acknowledged.add(((TextMessage) m).getText())).as("acknowledged once").isTrue();
                    c.stop();
                    c.start();
                }
                case 2 -> { // acknowledged, then the consumer closes with a buffer held
                    if (!batch.isEmpty()) batch.get(batch.size() - 1).acknowledge();
                    for (Message m : batch) assertThat(acknowledged.add(((TextMessage) m).getText())).as("acknowledged once").isTrue();
                    consumer.close();
                    consumer = s.createConsumer(q);
                }
                default -> {
                    if (!batch.isEmpty()) batch.get(batch.size() - 1).acknowledge();
                    for (Message m : batch) assertThat(acknowledged.add(((TextMessage) m).getText())).as("acknowledged once").isTrue();
                }
            }
        }
        assertThat(acknowledged).hasSize(n);
        assertThat(consumer.receive(1_000)).isNull();
    }

    @Test
    void nothingIsLostOrDuplicatedByReadAheadAcrossRollback() throws Exception {
        Session s = connection("waitTimeSeconds=1").createSession(true, Session.SESSION_TRANSACTED);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("tx-mix"));
        int n = 40;
        send(s, q, n);
        s.commit();
        Set<String> committed = new HashSet<>();
        MessageConsumer consumer = s.createConsumer(q);
        int round = 0;
        while (committed.size() < n && round < 100) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Message m = consumer.receive(2_000);
                if (m == null) break;
                batch.add(((TextMessage) m).getText());
            }
            if (round++ % 2 == 0) {
                s.rollback();
            } else {
                s.commit();
                for (String b : batch) assertThat(committed.add(b)).as("committed once: %s", b).isTrue();
            }
        }
        assertThat(committed).hasSize(n);
    }

    /** A consumer slower than the idle bound reads ahead no more once its read-ahead went back: its messages do not reach the DLQ unseen. */
    @Test
    void aConsumerSlowerThanTheIdleBoundStopsReadingAhead() throws Exception {
        Session s = connection("idleReleaseMillis=100&waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        String name = QueueBehaviourContract.uniqueName("slow-reader");
        Queue q = s.createQueue(name + "?deadLetterQueue=" + name + "-dlq&maxReceiveCount=2");
        int n = 24;
        send(s, q, n);
        MessageConsumer slow = s.createConsumer(q);
        Set<String> got = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Message m = slow.receive(5_000);
            assertThat(m).as("receive %d", i).isNotNull();
            assertThat(got.add(((TextMessage) m).getText())).isTrue();
            Thread.sleep(150); // slower than the idle bound per message
        }
        try (MessageConsumer dlq = s.createConsumer(s.createQueue(name + "-dlq"))) {
            assertThat(dlq.receive(1_000)).as("a message sent to the DLQ by read-ahead returns alone").isNull();
        }
    }

    /** A consumer that read ahead and found the queue empty does not poll on its own while nobody calls receive() (0-second polls here). */
    @Test
    void anIdleConsumerDoesNotPollOnItsOwn() throws Exception {
        Session s = connection("waitTimeSeconds=0").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("idle-polls"));
        send(s, q, 3);
        MessageConsumer c = s.createConsumer(q);
        assertThat(drain(c, 3, 5_000)).hasSize(3); // reads repeatedly: reads ahead, and finds the queue empty
        Thread.sleep(300); // the last read-ahead poll has come back
        long before = backend().requestCount("ReceiveMessage");
        Thread.sleep(1_000);
        long after = backend().requestCount("ReceiveMessage");
        if (before >= 0) assertThat(after - before).as("ReceiveMessage in a second nobody read").isLessThanOrEqualTo(1);
        send(s, q, 1);
        assertThat(c.receive(5_000)).as("still a working consumer").isNotNull();
    }

    /** Browsing is no delivery: a message browsed and then received here arrives as a first delivery. */
    @Test
    void aBrowsedMessageArrivesAsAFirstDelivery() throws Exception {
        Session s = connection("waitTimeSeconds=1").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("browsed"));
        send(s, q, 3);
        int browsed = 0;
        try (jakarta.jms.QueueBrowser b = s.createBrowser(q)) {
            for (java.util.Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); e.nextElement()) browsed++;
        }
        assertThat(browsed).isEqualTo(3);
        MessageConsumer c = s.createConsumer(q);
        for (int i = 0; i < 3; i++) {
            Message m = c.receive(5_000);
            assertThat(m).isNotNull();
            assertThat(m.getJMSRedelivered()).as("redelivered after browsing").isFalse();
            assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }
}
