package io.jmsaws.ra.inbound;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A delivery loop outlives what an MDB or SQS throws at it: an Error from onMessage is a failed
 * delivery (the message comes again), and a receive that fails for a moment is retried. Driven as
 * a WorkManager would drive it (the loop on a thread of its own), on the embedded backend.
 */
class InboundSessionTest {
    private final Connection connection;
    private final Session session;
    private final Queue queue;
    private Thread loop;
    private InboundSession inbound;

    InboundSessionTest() throws JMSException {
        connection = new JmsAwsConnectionFactory("embedded://ra-inbound-" + UUID.randomUUID() + "?waitTimeSeconds=1").createConnection();
        session = connection.createSession(Session.SESSION_TRANSACTED);
        queue = session.createQueue("mdb-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void stop() throws Exception {
        if (inbound != null) {
            inbound.release();
            assertThat(inbound.awaitFinished(10_000)).as("the loop ends when released").isTrue();
        }
        connection.close();
    }

    /** An endpoint factory whose endpoints hand each message to {@code onMessage} (no transaction: the loop settles by itself). */
    private static MessageEndpointFactory endpoints(Consumer<Message> onMessage) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xa) {
                return (MessageEndpoint) Proxy.newProxyInstance(InboundSessionTest.class.getClassLoader(),
                        new Class<?>[] {MessageEndpoint.class, MessageListener.class}, (proxy, method, args) -> {
                            if (method.getName().equals("onMessage")) onMessage.accept((Message) args[0]);
                            return null;
                        });
            }

            @Override public MessageEndpoint createEndpoint(XAResource xa, long timeout) { return createEndpoint(xa); }
            @Override public boolean isDeliveryTransacted(Method method) { return false; }
            @Override public String getActivationName() { return "test"; }
            @Override public Class<?> getEndpointClass() { return InboundSessionTest.class; }
        };
    }

    private void run(MessageEndpointFactory factory, MessageConsumer consumer) throws JMSException {
        inbound = new InboundSession("test #1", factory, false, session, consumer);
        loop = new Thread(inbound, "inbound-test");
        loop.start();
        connection.start();
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText() + (m.getJMSRedelivered() ? " again" : "");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anErrorFromOnMessageIsAFailedDeliveryAndTheLoopGoesOn() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        run(endpoints(m -> {
            seen.add(text(m));
            if (text(m).equals("poison")) throw new AssertionError("the MDB fails on its first delivery");
        }), session.createConsumer(queue));
        sendWithOtherSession("poison", "next");
        await().atMost(20, TimeUnit.SECONDS).until(() -> seen.contains("poison again") && seen.contains("next"));
        assertThat(loop.isAlive()).isTrue();
    }

    @Test
    void aReceiveThatFailsForAMomentIsRetried() throws Exception {
        MessageConsumer real = session.createConsumer(queue);
        AtomicInteger failures = new AtomicInteger();
        MessageConsumer flaky = (MessageConsumer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageConsumer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("receive") && failures.getAndIncrement() == 0) {
                        throw new JMSException("ReceiveMessage on queue://x failed: forced");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<String> seen = new CopyOnWriteArrayList<>();
        run(endpoints(m -> seen.add(text(m))), flaky);
        sendWithOtherSession("after a failed receive");
        await().atMost(20, TimeUnit.SECONDS).until(() -> seen.contains("after a failed receive"));
        assertThat(failures.get()).isGreaterThan(1);
    }

    private void sendWithOtherSession(String... texts) throws JMSException {
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            for (String t : texts) s.createProducer(queue).send(s.createTextMessage(t));
        }
    }
}
