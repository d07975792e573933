package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a second reading of the Jakarta Messaging 3.1 chapters on sessions, producers'
 * asynchronous send, consumers, messages and the simplified API found (issue 15, part 2): each
 * test failed before its fix. Same assertions on every backend.
 */
abstract class SpecChaptersContract {
    protected abstract TestBackend backend();

    private final List<Connection> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws JMSException {
        for (Connection c : opened) c.close();
    }

    private Connection connection(String options) throws JMSException {
        Connection c = backend().factory(options).createConnection();
        opened.add(c);
        return c;
    }

    private static String unique(String prefix) {
        return QueueBehaviourContract.uniqueName(prefix);
    }

    /** 6.1.8, 6.2.15: a listener running when close() is called keeps its session (send, commit) until it returns. */
    @Test
    void aListenerRunningWhenTheConnectionClosesKeepsItsSessionUntilItReturns() throws Exception {
        Connection c = backend().factory("waitTimeSeconds=1").createConnection();
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue in = s.createQueue(unique("close-in"));
        Queue out = s.createQueue(unique("close-out"));
        s.createProducer(in).send(s.createTextMessage("go"));
        s.commit();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        MessageProducer replies = s.createProducer(out);
        s.createConsumer(in).setMessageListener(m -> {
            running.countDown();
            try {
                Thread.sleep(500); // close() is called meanwhile
                replies.send(s.createTextMessage("reply"));
                s.commit();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        c.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        c.close();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).as("what the listener's send and commit threw").isNull();
        Connection check = connection("waitTimeSeconds=1");
        check.start();
        Session cs = check.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(((TextMessage) cs.createConsumer(out).receive(5_000)).getText()).isEqualTo("reply");
        assertThat(cs.createConsumer(in).receive(1_000)).as("the committed message is consumed").isNull();
    }

    /** 7.3.8: MessageProducer.close() blocks until its incomplete asynchronous sends completed and their callbacks returned. */
    @Test
    void closingAProducerWaitsForItsAsynchronousSends() throws Exception {
        Session s = connection("batchWindowMillis=500").createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue(unique("producer-close")));
        AtomicBoolean completed = new AtomicBoolean();
        p.send(s.createTextMessage("async"), new CompletionListener() {
            @Override public void onCompletion(Message message) { completed.set(true); }
            @Override public void onException(Message message, Exception exception) { completed.set(true); }
        });
        p.close();
        assertThat(completed).as("the callback returned before close() did").isTrue();
    }

    /** A MessageListener that sends asynchronously and commits: the callback runs on its thread after it returns, no stall. */
    @Test
    void aListenerThatSendsAsynchronouslyAndCommitsIsNotHeldUp() throws Exception {
        Connection c = connection("waitTimeSeconds=1");
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue in = s.createQueue(unique("async-in"));
        MessageProducer p = s.createProducer(s.createQueue(unique("async-out")));
        s.createProducer(in).send(s.createTextMessage("go"));
        s.commit();
        CountDownLatch committed = new CountDownLatch(1);
        CountDownLatch called = new CountDownLatch(1);
        s.createConsumer(in).setMessageListener(m -> {
            try {
                p.send(s.createTextMessage("r"), new CompletionListener() {
                    @Override public void onCompletion(Message message) { called.countDown(); }
                    @Override public void onException(Message message, Exception exception) { called.countDown(); }
                });
                s.commit();
                committed.countDown();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        c.start();
        // waiting on its own thread for a callback that runs on that thread used to hold commit() for 60 s
        assertThat(committed.await(20, TimeUnit.SECONDS)).as("commit() inside the listener returned").isTrue();
        assertThat(called.await(20, TimeUnit.SECONDS)).as("the CompletionListener ran").isTrue();
    }

    /**
     * JMSProducer is lightweight ("created freely"): each is one anonymous producer of the context's
     * session, and the session must not keep those (a context sending with createProducer().send()
     * for its whole life kept every one of them).
     */
    @Test
    void theProducersASessionMakesAreNotKeptByIt() throws Exception {
        Session s = connection("").createSession(false, Session.AUTO_ACKNOWLEDGE);
        WeakReference<MessageProducer> made = new WeakReference<>(s.createProducer(null));
        for (int i = 0; i < 50 && made.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(made.get()).as("a producer nobody holds any more").isNull();
        try (JMSContext ctx = backend().factory().createContext()) {
            Queue q = ctx.createQueue(unique("many-producers"));
            for (int i = 0; i < 3; i++) ctx.createProducer().send(q, "m" + i);
            JMSConsumer c = ctx.createConsumer(q);
            for (int i = 0; i < 3; i++) assertThat(c.receiveBody(String.class, 5_000)).isEqualTo("m" + i);
        }
    }

    /** Message.getBody: any type the body is assignable to, an interface the object implements included. */
    @Test
    void anObjectBodyCanBeReadAsAnInterfaceItImplements() throws Exception {
        Session s = connection("").createSession(false, Session.AUTO_ACKNOWLEDGE);
        ObjectMessage m = s.createObjectMessage(new ArrayList<>(List.of("a", "b")));
        assertThat(m.isBodyAssignableTo(List.class)).isTrue();
        assertThat(m.getBody(List.class)).containsExactly("a", "b");
        assertThat(m.isBodyAssignableTo(CharSequence.class)).isFalse();
        try (JMSContext ctx = backend().factory("waitTimeSeconds=1").createContext()) {
            Queue q = ctx.createQueue(unique("object-body"));
            ctx.createProducer().send(q, new ArrayList<>(List.of("x")));
            assertThat(ctx.createConsumer(q).receiveBody(List.class, 5_000)).containsExactly("x");
        }
    }

    /** Message.getBody "will reset the BytesMessage before and after use". */
    @Test
    void getBodyOfABytesMessageResetsIt() throws Exception {
        Connection c = connection("waitTimeSeconds=1");
        c.start();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("bytes-body"));
        BytesMessage out = s.createBytesMessage();
        out.writeInt(1);
        out.writeInt(2);
        s.createProducer(q).send(out);
        BytesMessage in = (BytesMessage) s.createConsumer(q).receive(5_000);
        assertThat(in.readInt()).isEqualTo(1);
        assertThat(in.getBody(byte[].class)).hasSize(8);
        assertThat(in.readInt()).as("read after getBody: from the start again").isEqualTo(1);
    }

    /** A time to live of Long.MAX_VALUE is "for ever", not an expiration in the past that drops the message unseen. */
    @Test
    void aTimeToLiveOfLongMaxValueMeansForEver() throws Exception {
        try (JMSContext ctx = backend().factory("waitTimeSeconds=1").createContext()) {
            Queue q = ctx.createQueue(unique("ttl-max"));
            ctx.createProducer().setTimeToLive(Long.MAX_VALUE).send(q, "for ever");
            assertThat(ctx.createConsumer(q).receiveBody(String.class, 5_000)).isEqualTo("for ever");
        }
    }

    /** 3.5.1: property names obey the rules for selector identifiers. */
    @Test
    void aPropertyNameMustBeASelectorIdentifier() throws Exception {
        Session s = connection("").createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message m = s.createMessage();
        for (String bad : List.of("a b", "1st", "x-y", "a.b", "")) {
            assertThatThrownBy(() -> m.setStringProperty(bad, "v")).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.isEmpty() ? "empty" : bad);
        }
        m.setStringProperty("_ok$1", "v");
        m.setIntProperty("JMSXGroupSeq", 1);
        m.setBooleanProperty("true", true); // a reserved word: let through (the JORAM suite sets it)
        try (JMSContext ctx = backend().factory().createContext()) {
            assertThatThrownBy(() -> ctx.createProducer().setProperty("not valid", 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** JMSProducer.getPropertyNames: "The set is backed by the JMSProducer, so changes to the map are reflected in the set". */
    @Test
    void theJmsProducersPropertyNamesAreALiveView() {
        try (JMSContext ctx = backend().factory().createContext()) {
            JMSProducer p = ctx.createProducer().setProperty("a", 1);
            Set<String> names = p.getPropertyNames();
            p.setProperty("b", 2);
            assertThat(names).containsExactly("a", "b");
            assertThatThrownBy(() -> names.add("c")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** 6.1.7: "A Connection serializes execution of its ExceptionListener". */
    @Test
    void theExceptionListenerIsCalledOneFailureAtATime() throws Exception {
        JmsAwsConnection c = (JmsAwsConnection) connection("");
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(5);
        c.setExceptionListener(e -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            order.add(e.getMessage());
            inside.decrementAndGet();
            all.countDown();
            if (e.getMessage().equals("failure 0")) throw new IllegalStateException("a listener that throws stops nothing");
        });
        for (int i = 0; i < 5; i++) c.onAsyncError(new JMSException("failure " + i));
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).as("calls under way at once").isEqualTo(1);
        assertThat(order).containsExactly("failure 0", "failure 1", "failure 2", "failure 3", "failure 4");
    }
    /**
     * A requester that deletes its temporary queue right after the reply arrived (Spring's
     * sendAndReceive): the reply's batched delete then meets a deleted queue — the message is gone
     * with it, nothing will be delivered again, so nothing is worth a WARN.
     */
    @Test
    void aTemporaryQueueDeletedRightAfterItsReplyArrivedLogsNoWarning() throws Exception {
        Connection c = connection("");
        c.start();
        Session requester = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session responder = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue requests = requester.createQueue(unique("requests"));
        MessageProducer replies = responder.createProducer(null);
        responder.createConsumer(requests).setMessageListener(m -> {
            try {
                replies.send(m.getJMSReplyTo(), responder.createTextMessage("reply"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        List<String> temporaryQueues = new ArrayList<>();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 5; i++) {
                TemporaryQueue temp = requester.createTemporaryQueue();
                temporaryQueues.add(temp.getQueueName());
                MessageConsumer answers = requester.createConsumer(temp);
                TextMessage request = requester.createTextMessage("request " + i);
                request.setJMSReplyTo(temp);
                requester.createProducer(requests).send(request);
                assertThat(answers.receive(10_000)).as("reply %d", i).isNotNull();
                answers.close();
                temp.delete(); // at once, while the reply's acknowledgement may still be on its way
            }
            Thread.sleep(1000); // batched deletes go out within the batch window
        } finally {
            System.setErr(realErr);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        realErr.print(log);
        // this test's temporary queues only: the capture takes the whole JVM's log
        assertThat(log.lines().filter(l -> l.contains("WARN") && temporaryQueues.stream().anyMatch(l::contains))).as("WARN lines").isEmpty();
    }
}
