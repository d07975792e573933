package io.jmsaws.spring;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.SessionAwareMessageListener;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jms-aws under Spring's own JMS classes — JmsTemplate over CachingConnectionFactory (as Spring Boot
 * wires it) and DefaultMessageListenerContainer — on each backend.
 */
abstract class SpringJmsContract {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    protected abstract TestBackend backend();

    private CachingConnectionFactory factory;
    private JmsTemplate template;
    private final List<DefaultMessageListenerContainer> containers = new ArrayList<>();

    @BeforeEach
    void open() {
        factory = new CachingConnectionFactory(backend().factory());
        factory.setCacheConsumers(false); // Spring Boot's default
        template = new JmsTemplate(factory);
        template.setReceiveTimeout(10_000);
    }

    @AfterEach
    void close() {
        containers.forEach(DefaultMessageListenerContainer::shutdown);
        factory.destroy();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private DefaultMessageListenerContainer container(String destination, Object listener) {
        DefaultMessageListenerContainer c = new DefaultMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.setDestinationName(destination);
        c.setMessageListener(listener);
        c.setReceiveTimeout(1000);
        containers.add(c);
        return c;
    }

    private static void start(DefaultMessageListenerContainer c) {
        c.afterPropertiesSet();
        c.start();
    }

    record Order(String id, int amount) implements Serializable { }

    @Test
    void everyBodyTypeGoesThroughJmsTemplate() throws Exception {
        String q = unique("bodies");
        template.convertAndSend(q, "text");
        template.convertAndSend(q, new byte[] {1, 2, 3});
        template.convertAndSend(q, Map.of("amount", 12));
        template.convertAndSend(q, new java.util.ArrayList<>(List.of("a", "b")));
        template.send(q, s -> {
            StreamMessage m = s.createStreamMessage();
            m.writeInt(7);
            m.writeString("seven");
            return m;
        });
        assertThat(template.receiveAndConvert(q)).isEqualTo("text");
        assertThat((byte[]) template.receiveAndConvert(q)).containsExactly(1, 2, 3);
        assertThat(template.receiveAndConvert(q)).isEqualTo(Map.of("amount", 12));
        assertThat(template.receiveAndConvert(q)).isEqualTo(List.of("a", "b"));
        StreamMessage stream = (StreamMessage) template.receive(q);
        assertThat(stream.readInt()).isEqualTo(7);
        assertThat(stream.readString()).isEqualTo("seven");
    }

    @Test
    void sendAndReceiveGetsItsReplyOnATemporaryQueue() throws Exception {
        String requests = unique("requests");
        start(container(requests, (SessionAwareMessageListener<Message>) (m, session) ->
                session.createProducer(m.getJMSReplyTo()).send(session.createTextMessage("re: " + ((TextMessage) m).getText()))));
        for (int i = 0; i < 3; i++) {
            String text = "question " + i;
            Message reply = template.sendAndReceive(requests, s -> s.createTextMessage(text));
            assertThat(reply).as("reply %d", i).isNotNull();
            assertThat(((TextMessage) reply).getText()).isEqualTo("re: " + text);
        }
    }

    @Test
    void aTransactedListenerThatThrowsGetsTheMessageAgainAndNothingIsLost() {
        String q = unique("transacted");
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        DefaultMessageListenerContainer c = container(q, (jakarta.jms.MessageListener) m -> {
            try {
                String text = ((TextMessage) m).getText();
                if (text.endsWith("3") && !m.getJMSRedelivered()) {
                    failures.incrementAndGet();
                    throw new IllegalStateException("first delivery of " + text + " fails");
                }
                done.add(text);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        c.setSessionTransacted(true);
        start(c);
        for (int i = 0; i < 10; i++) template.convertAndSend(q, "m" + i);
        await().atMost(PATIENCE).until(() -> done.size() == 10);
        assertThat(failures.get()).isEqualTo(1);
    }

    @Test
    void fourClientAcknowledgeConsumersShareTheQueueEachMessageOnce() {
        String q = unique("client-ack");
        List<String> seen = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DefaultMessageListenerContainer c = container(q, (jakarta.jms.MessageListener) m -> {
            try {
                seen.add(((TextMessage) m).getText());
                threads.add(Thread.currentThread().getName());
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        c.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
        c.setConcurrentConsumers(4);
        start(c);
        for (int i = 0; i < 40; i++) template.convertAndSend(q, "job " + i);
        await().atMost(PATIENCE).until(() -> seen.size() >= 40);
        assertThat(seen).doesNotHaveDuplicates().hasSize(40);
        assertThat(threads).hasSizeGreaterThan(1);
    }

    @Test
    void durableAndSharedTopicSubscriptionsEachGetEveryPrice() {
        String topic = unique("prices");
        factory.setClientId(unique("spring-client")); // the durable subscription's identity
        List<String> durable = new CopyOnWriteArrayList<>();
        List<String> shared = new CopyOnWriteArrayList<>();
        DefaultMessageListenerContainer d = container(topic, (jakarta.jms.MessageListener) m -> durable.add(text(m)));
        d.setPubSubDomain(true);
        d.setSubscriptionDurable(true);
        d.setSubscriptionName("audit");
        DefaultMessageListenerContainer s = container(topic, (jakarta.jms.MessageListener) m -> shared.add(text(m)));
        s.setPubSubDomain(true);
        s.setSubscriptionShared(true);
        s.setSubscriptionName("board");
        s.setConcurrentConsumers(2);
        start(d);
        start(s);
        JmsTemplate publisher = new JmsTemplate(factory);
        publisher.setPubSubDomain(true);
        await().atMost(PATIENCE).until(() -> d.isRegisteredWithDestination() && s.isRegisteredWithDestination());
        for (int i = 0; i < 5; i++) publisher.convertAndSend(topic, "price " + i);
        await().atMost(PATIENCE).until(() -> durable.size() >= 5 && shared.size() >= 5);
        assertThat(durable).containsExactlyInAnyOrder("price 0", "price 1", "price 2", "price 3", "price 4");
        assertThat(shared).containsExactlyInAnyOrder("price 0", "price 1", "price 2", "price 3", "price 4");
    }

    @Test
    void aContainerStoppedAndStartedAgainLosesNothing() {
        String q = unique("stop-start");
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMessageListenerContainer c = container(q, (jakarta.jms.MessageListener) m -> got.add(text(m)));
        start(c);
        template.convertAndSend(q, "before");
        await().atMost(PATIENCE).until(() -> got.contains("before"));
        c.stop();
        for (int i = 0; i < 10; i++) template.convertAndSend(q, "while stopped " + i);
        c.start();
        await().atMost(PATIENCE).until(() -> got.size() == 11);
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
