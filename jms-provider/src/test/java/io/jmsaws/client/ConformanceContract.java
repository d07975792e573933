package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Places where Jakarta Messaging 3.1 says exactly what a provider must do, checked on every
 * backend: the client id of a new JMSContext, and what a CompletionListener may and may not do to
 * its own producer, session, connection and context (spec 7.3.8).
 */
abstract class ConformanceContract {
    protected abstract TestBackend backend();

    /** Runs {@code inCallback} inside the CompletionListener of the asynchronous send {@code send} makes, and returns what it reported. */
    private static List<String> fromCompletionListener(AsyncSend send, Callback inCallback) throws Exception {
        CompletableFuture<List<String>> outcome = new CompletableFuture<>();
        send.with(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                List<String> seen = new ArrayList<>();
                try {
                    inCallback.run(seen);
                    outcome.complete(seen);
                } catch (Throwable t) {
                    outcome.completeExceptionally(t);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.completeExceptionally(exception);
            }
        });
        return outcome.get(20, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface AsyncSend {
        void with(CompletionListener listener) throws Exception;
    }

    @FunctionalInterface
    private interface Callback {
        void run(List<String> seen) throws Exception;
    }

    /** Records "name: refused" when {@code action} throws {@code refusal}, "name: allowed" when it returns. */
    private static void attempt(List<String> seen, String name, Class<? extends Throwable> refusal, Callback action) throws Exception {
        try {
            action.run(seen);
            seen.add(name + ": allowed");
        } catch (Throwable t) {
            if (!refusal.isInstance(t)) throw new AssertionError(name + " threw " + t, t);
            seen.add(name + ": refused");
        }
    }

    @Test
    void aNewContextMaySetItsClientIdAndAUsedOneMayNot() {
        String id = "ctx-" + UUID.randomUUID();
        try (JMSContext ctx = backend().factory().createContext()) {
            ctx.setClientID(id);
            assertThat(ctx.getClientID()).isEqualTo(id);
        }
        try (JMSContext ctx = backend().factory().createContext()) {
            ctx.createProducer();
            ctx.createQueue("any");
            assertThatThrownBy(() -> ctx.setClientID("late-" + UUID.randomUUID())).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void aCompletionListenerMayStopItsConnectionButNotCloseItsProducerSessionOrConnection() throws Exception {
        try (Connection c = backend().factory().createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(QueueBehaviourContract.uniqueName("cl-rules"));
            MessageProducer p = s.createProducer(q);
            List<String> seen = fromCompletionListener(l -> p.send(s.createTextMessage("x"), l), r -> {
                attempt(r, "producer.close", IllegalStateException.class, x -> p.close());
                attempt(r, "session.close", IllegalStateException.class, x -> s.close());
                attempt(r, "connection.close", IllegalStateException.class, x -> c.close());
                attempt(r, "connection.stop", IllegalStateException.class, x -> c.stop());
            });
            assertThat(seen).containsExactly("producer.close: refused", "session.close: refused", "connection.close: refused",
                    "connection.stop: allowed");
        }
    }

    @Test
    void aCompletionListenerMayNotCommitOrRollBackItsSession() throws Exception {
        try (Connection c = backend().factory().createConnection()) {
            Session s = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(QueueBehaviourContract.uniqueName("cl-tx")));
            List<String> seen = fromCompletionListener(l -> p.send(s.createTextMessage("x"), l), r -> {
                attempt(r, "commit", IllegalStateException.class, x -> s.commit());
                attempt(r, "rollback", IllegalStateException.class, x -> s.rollback());
            });
            assertThat(seen).containsExactly("commit: refused", "rollback: refused");
            s.rollback();
        }
    }

    @Test
    void aCompletionListenerMayStopItsContextButNotCloseOrCommitIt() throws Exception {
        try (JMSContext ctx = backend().factory().createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = ctx.createQueue(QueueBehaviourContract.uniqueName("cl-ctx"));
            List<String> seen = fromCompletionListener(l -> ctx.createProducer().setAsync(l).send(q, "x"), r -> {
                attempt(r, "context.close", IllegalStateRuntimeException.class, x -> ctx.close());
                attempt(r, "context.commit", IllegalStateRuntimeException.class, x -> ctx.commit());
                attempt(r, "context.rollback", IllegalStateRuntimeException.class, x -> ctx.rollback());
                attempt(r, "context.stop", IllegalStateRuntimeException.class, x -> ctx.stop());
            });
            assertThat(seen).containsExactly("context.close: refused", "context.commit: refused",
                    "context.rollback: refused", "context.stop: allowed");
            ctx.rollback();
        }
    }

    /** A browser closed gives back what it held before close() returns: one opened right after sees every message again. */
    @Test
    void aBrowserOpenedRightAfterAnotherClosedSeesTheSameMessages() throws Exception {
        try (Connection c = backend().factory().createConnection()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(QueueBehaviourContract.uniqueName("browse-twice"));
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 3; i++) p.send(s.createTextMessage("m" + i));
            for (int round = 0; round < 3; round++) {
                jakarta.jms.QueueBrowser browser = s.createBrowser(q);
                int seen = java.util.Collections.list(browser.getEnumeration()).size();
                browser.close();
                assertThat(seen).as("messages seen by browser %d", round + 1).isEqualTo(3);
            }
        }
    }

    /**
     * receiveBody on a message whose body cannot be returned: MessageFormatRuntimeException, and in
     * AUTO_ACKNOWLEDGE the message stays the next to be delivered, not as a redelivery.
     */
    @Test
    void receiveBodyOfTheWrongTypeLeavesTheMessageNextInAutoAcknowledge() throws Exception {
        try (JMSContext ctx = backend().factory().createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue(QueueBehaviourContract.uniqueName("body-auto"));
            ctx.createProducer().send(q, ctx.createMessage());
            ctx.createProducer().send(q, new byte[] {1, 2, 3});
            ctx.createProducer().send(q, "after");
            jakarta.jms.JMSConsumer consumer = ctx.createConsumer(q);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 5_000)).isInstanceOf(jakarta.jms.MessageFormatRuntimeException.class)
                    .hasMessageContaining("String");
            Message plain = consumer.receive(5_000);
            assertThat(plain).as("the plain Message again").isNotNull();
            assertThat(plain.getJMSRedelivered()).as("not a redelivery").isFalse();
            assertThat(plain.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 5_000)).isInstanceOf(jakarta.jms.MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(byte[].class, 5_000)).containsExactly(1, 2, 3);
            assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("after");
        }
    }

    /** In CLIENT_ACKNOWLEDGE the message receiveBody could not return counts as delivered: recover() gives it again. */
    @Test
    void receiveBodyOfTheWrongTypeCountsAsDeliveredInClientAcknowledge() throws Exception {
        try (JMSContext ctx = backend().factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue(QueueBehaviourContract.uniqueName("body-client"));
            ctx.createProducer().send(q, ctx.createMessage());
            ctx.createProducer().send(q, "after");
            jakarta.jms.JMSConsumer consumer = ctx.createConsumer(q);
            assertThatThrownBy(() -> consumer.receiveBody(String.class, 5_000)).isInstanceOf(jakarta.jms.MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("after");
            ctx.recover();
            List<Boolean> redelivered = new ArrayList<>();
            for (int i = 0; i < 2; i++) redelivered.add(consumer.receive(5_000).getJMSRedelivered());
            assertThat(redelivered).containsExactly(true, true);
            ctx.acknowledge();
        }
    }
}
