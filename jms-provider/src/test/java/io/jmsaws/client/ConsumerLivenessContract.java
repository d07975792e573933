package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.CompletionListener;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer never goes quiet while its messages are visible: polls whose answer comes back at
 * once (the embedded backend answers a 0-second poll on the calling thread), polls that end as a
 * receive(timeout) runs out, and callbacks that throw an Error (a MessageListener, a
 * CompletionListener) leave the consumer and the session working. Same assertions on every backend.
 */
abstract class ConsumerLivenessContract {
    protected abstract TestBackend backend();

    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws JMSException {
        for (Connection c : opened) c.close();
    }

    private Session session(String options) throws JMSException {
        Connection c = backend().factory(options).createConnection();
        opened.add(c);
        c.start();
        return c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** With waitTimeSeconds=0 every poll is answered at once: on the embedded backend, on the thread that asked. */
    @Test
    void receivesWithZeroSecondPollsOnAnEmptyQueueKeepPolling() throws Exception {
        Session s = session("waitTimeSeconds=0");
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("zero-wait"));
        MessageConsumer consumer = s.createConsumer(q);
        MessageProducer producer = s.createProducer(q);
        for (int round = 0; round < 20; round++) {
            assertThat(consumer.receive(1 + round % 50)).as("round %d on an empty queue", round).isNull();
            producer.send(s.createTextMessage("m" + round));
            Message m = consumer.receive(5_000);
            assertThat(m).as("message %d after a receive that found the queue empty", round).isNotNull();
            assertThat(((TextMessage) m).getText()).isEqualTo("m" + round);
        }
    }

    /** receive(1000) with 1-second polls: the poll ends just as the receive runs out of time. */
    @Test
    void receivesEndingWithTheirLongPollKeepPolling() throws Exception {
        Session s = session("waitTimeSeconds=1");
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("deadline"));
        MessageConsumer consumer = s.createConsumer(q);
        for (int round = 0; round < 6; round++) assertThat(consumer.receive(1_000)).isNull();
        s.createProducer(q).send(s.createTextMessage("after"));
        Message m = consumer.receive(5_000);
        assertThat(m).as("a message sent after six receives ran out with their polls").isNotNull();
    }

    /** receive(1)…receive(50) in a tight loop while another thread sends: every message arrives once (bounded to ~25 s). */
    @Test
    void aTightLoopOfShortReceivesInterleavedWithSendsMissesNothing() throws Exception {
        int count = 300;
        Session consumerSession = session("waitTimeSeconds=1");
        Session producerSession = session("");
        Queue q = consumerSession.createQueue(QueueBehaviourContract.uniqueName("tight"));
        MessageConsumer consumer = consumerSession.createConsumer(q);
        MessageProducer producer = producerSession.createProducer(q);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    producer.send(producerSession.createTextMessage("m" + i));
                    if (i % 7 == 0) Thread.sleep(i % 3);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<String> got = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        long until = System.currentTimeMillis() + 25_000;
        for (int i = 0; got.size() < count && System.currentTimeMillis() < until; i++) {
            Message m = consumer.receive(1 + i % 50);
            if (m != null && !got.add(((TextMessage) m).getText())) duplicates.add(((TextMessage) m).getText());
        }
        sending.get(30, TimeUnit.SECONDS);
        assertThat(got).as("messages received by a consumer reading with receive(1..50)").hasSize(count);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void aListenerThatThrowsAnErrorGetsTheMessageAgainAndTheNextOnes() throws Exception {
        Session s = session("waitTimeSeconds=1");
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("listener-error"));
        List<String> deliveries = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        MessageConsumer consumer = s.createConsumer(q);
        consumer.setMessageListener(m -> {
            try {
                String text = ((TextMessage) m).getText();
                deliveries.add(text + (m.getJMSRedelivered() ? " redelivered" : ""));
                if (text.equals("first") && !m.getJMSRedelivered()) throw new AssertionError("the listener fails on its first delivery");
                both.countDown();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("first"));
        p.send(s.createTextMessage("second"));
        assertThat(both.await(20, TimeUnit.SECONDS)).as("deliveries so far: %s", deliveries).isTrue();
        assertThat(deliveries).contains("first", "first redelivered", "second");
    }

    @Test
    void aCompletionListenerThatThrowsAnErrorDoesNotStopTheLaterOnes() throws Exception {
        Session s = session("");
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("completion-error"));
        MessageProducer p = s.createProducer(q);
        CountDownLatch later = new CountDownLatch(1);
        p.send(s.createTextMessage("one"), new CompletionListener() {
            @Override public void onCompletion(Message message) { throw new AssertionError("this CompletionListener fails"); }
            @Override public void onException(Message message, Exception exception) { throw new AssertionError("this CompletionListener fails"); }
        });
        p.send(s.createTextMessage("two"), new CompletionListener() {
            @Override public void onCompletion(Message message) { later.countDown(); }
            @Override public void onException(Message message, Exception exception) { }
        });
        assertThat(later.await(20, TimeUnit.SECONDS)).as("the second send's CompletionListener was called").isTrue();
    }

    /**
     * stop() cancels a listener's long poll (on the embedded backend); its cancellation is handled on
     * another thread, so a start() right after may find the poll still counted. The consumer must
     * fetch again all the same.
     */
    @Test
    void aListenerFetchesAfterEveryQuickStopAndStart() throws Exception {
        Connection c = backend().factory("waitTimeSeconds=20").createConnection();
        opened.add(c);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("stop-start"));
        java.util.concurrent.BlockingQueue<String> got = new java.util.concurrent.LinkedBlockingQueue<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        MessageProducer p = s.createProducer(q);
        c.start();
        for (int round = 0; round < 25; round++) {
            Thread.sleep(20); // a long poll is under way
            c.stop(); // the embedded backend cancels it
            c.start(); // at once: the cancellation may not be handled yet
            p.send(s.createTextMessage("round " + round));
            assertThat(got.poll(10, TimeUnit.SECONDS)).as("delivered after stop/start, round %d", round).isEqualTo("round " + round);
        }
    }
}
