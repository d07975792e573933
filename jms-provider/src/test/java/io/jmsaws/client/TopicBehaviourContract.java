package io.jmsaws.client;

import io.jmsaws.aws.SqsProvider;
import io.jmsaws.aws.SubscriptionQueues;
import io.jmsaws.provider.SubscriptionKind;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publish/subscribe on SNS topics, on the embedded backend and on fauxqs with the same assertions. */
abstract class TopicBehaviourContract {
    protected abstract TestBackend backend();

    private Connection connection;
    private Session session;
    private Topic topic;

    @BeforeEach
    void open() throws JMSException {
        connection = backend().factory().createConnection();
        connection.setClientID("client-" + UUID.randomUUID());
        connection.start();
        session = connection.createSession();
        topic = session.createTopic("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    private static List<Message> receiveAll(MessageConsumer c, int n) throws JMSException {
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Message m = c.receive(5_000);
            if (m == null) break;
            got.add(m);
        }
        return got;
    }

    private static List<String> texts(List<Message> messages) throws JMSException {
        List<String> t = new ArrayList<>();
        for (Message m : messages) t.add(((TextMessage) m).getText());
        return t;
    }

    @Test
    void everySubscriberGetsEveryMessageWithItsHeadersAndProperties() throws Exception {
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = connection.createSession().createConsumer(topic);
        MessageProducer p = session.createProducer(topic);
        TextMessage m = session.createTextMessage("news");
        m.setJMSCorrelationID("c-1");
        m.setJMSType("headline");
        for (int i = 0; i < 15; i++) m.setIntProperty("p" + i, i); // more than SNS's 10 attributes
        p.send(m);
        for (MessageConsumer c : List.of(a, b)) {
            Message got = c.receive(5_000);
            assertThat(((TextMessage) got).getText()).isEqualTo("news");
            assertThat(got.getJMSDestination()).isEqualTo(topic);
            assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
            assertThat(got.getJMSCorrelationID()).isEqualTo("c-1");
            assertThat(got.getJMSType()).isEqualTo("headline");
            for (int i = 0; i < 15; i++) assertThat(got.getIntProperty("p" + i)).isEqualTo(i);
        }
    }

    @Test
    void aDurableSubscriptionKeepsMessagesWhileItsConsumerIsAway() throws Exception {
        MessageConsumer durable = session.createDurableConsumer(topic, "orders");
        durable.close();
        session.createProducer(topic).send(session.createTextMessage("while away"));
        assertThatThrownBy(() -> session.unsubscribe("no-such-subscription")).isInstanceOf(InvalidDestinationException.class);
        MessageConsumer back = session.createDurableConsumer(topic, "orders");
        assertThat(((TextMessage) back.receive(5_000)).getText()).isEqualTo("while away");
        assertThatThrownBy(() -> connection.createSession().createDurableConsumer(topic, "orders"))
                .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("active consumer");
        assertThatThrownBy(() -> session.unsubscribe("orders")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        back.close();
        session.unsubscribe("orders");
        session.createProducer(topic).send(session.createTextMessage("after unsubscribe"));
        MessageConsumer fresh = session.createDurableConsumer(topic, "orders");
        assertThat(fresh.receive(1_000)).as("a new subscription starts empty").isNull();
        fresh.close();
        session.unsubscribe("orders");
    }

    @Test
    void aDurableSubscriptionWithAnotherSelectorIsReplaced() throws Exception {
        session.createDurableConsumer(topic, "sel", "color = 'red'", false).close();
        TextMessage red = session.createTextMessage("red one");
        red.setStringProperty("color", "red");
        session.createProducer(topic).send(red);
        MessageConsumer blue = session.createDurableConsumer(topic, "sel", "color = 'blue'", false);
        assertThat(blue.receive(1_000)).as("the old subscription and its messages are gone").isNull();
        blue.close();
        session.unsubscribe("sel");
    }

    /** Spec 8.3: asked for again with another noLocal, a durable subscription is a new one (the old one's messages are gone). */
    @Test
    void aDurableSubscriptionWithAnotherNoLocalIsReplaced() throws Exception {
        session.createDurableConsumer(topic, "nl", null, false).close();
        try (Connection other = backend().factory().createConnection()) {
            Session s = other.createSession();
            s.createProducer(s.createTopic(topic.getTopicName())).send(s.createTextMessage("before the change"));
        }
        MessageConsumer local = session.createDurableConsumer(topic, "nl", null, true);
        assertThat(local.receive(1_000)).as("the old subscription and its messages are gone").isNull();
        local.close();
        MessageConsumer again = session.createDurableConsumer(topic, "nl", null, true);
        try (Connection other = backend().factory().createConnection()) {
            Session s = other.createSession();
            s.createProducer(s.createTopic(topic.getTopicName())).send(s.createTextMessage("from another connection"));
        }
        assertThat(((TextMessage) again.receive(5_000)).getText()).as("the same noLocal keeps the subscription").isEqualTo("from another connection");
        again.close();
        session.unsubscribe("nl");
    }

    /** Consumers opening one shared subscription at the same moment share one queue and one SNS subscription: each message once. */
    @Test
    void consumersOpeningOneSharedSubscriptionAtOnceGetEachMessageOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = "together-" + round;
            int consumers = 4;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(consumers);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(consumers);
            List<Connection> connections = new ArrayList<>();
            List<MessageConsumer> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int i = 0; i < consumers; i++) {
                    Connection c = backend().factory().createConnection();
                    connections.add(c);
                    c.start();
                    Session s = c.createSession();
                    done.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        opened.add(s.createSharedConsumer(s.createTopic(topic.getTopicName()), name));
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) f.get(30, TimeUnit.SECONDS);
                MessageProducer p = session.createProducer(topic);
                for (int i = 0; i < 10; i++) p.send(session.createTextMessage(name + "-" + i));
                List<String> got = new ArrayList<>();
                for (MessageConsumer c : opened) {
                    Message m;
                    while ((m = c.receive(700)) != null) got.add(((TextMessage) m).getText());
                }
                assertThat(got).as("deliveries in round %d", round).hasSize(10).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
                for (Connection c : connections) c.close();
            }
        }
    }

    @Test
    void aSharedSubscriptionSplitsTheMessages() throws Exception {
        MessageConsumer one = session.createSharedConsumer(topic, "workers");
        MessageConsumer two = connection.createSession().createSharedConsumer(topic, "workers");
        MessageConsumer everyone = connection.createSession().createConsumer(topic);
        MessageProducer p = session.createProducer(topic);
        for (int i = 0; i < 20; i++) p.send(session.createTextMessage("w" + i));
        Set<String> shared = new HashSet<>();
        Message m;
        while ((m = one.receive(500)) != null) assertThat(shared.add(((TextMessage) m).getText())).isTrue();
        while ((m = two.receive(500)) != null) assertThat(shared.add(((TextMessage) m).getText())).isTrue();
        assertThat(shared).hasSize(20);
        assertThat(receiveAll(everyone, 20)).hasSize(20);
    }

    @Test
    void noLocalSubscribersDoNotSeeTheirOwnConnectionsMessages() throws Exception {
        MessageConsumer mine = session.createConsumer(topic, null, true);
        session.createProducer(topic).send(session.createTextMessage("own"));
        try (Connection other = backend().factory().createConnection()) {
            Session s = other.createSession();
            s.createProducer(topic).send(s.createTextMessage("theirs"));
        }
        assertThat(texts(receiveAll(mine, 2))).containsExactly("theirs");
        assertThat(((TopicSubscriber) mine).getNoLocal()).isTrue();
    }

    @Test
    void aSelectorBecomesAFilterPolicySoOtherMessagesNeverReachTheQueue() throws Exception {
        MessageConsumer reds = session.createDurableConsumer(topic, "reds", "color = 'red' AND size > 2", false);
        reds.close();
        MessageProducer p = session.createProducer(topic);
        for (int i = 0; i < 6; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            m.setStringProperty("color", i < 3 ? "blue" : "red");
            m.setIntProperty("size", i);
            p.send(m);
        }
        String stem = SubscriptionQueues.stem(SubscriptionKind.DURABLE, connection.getClientID(), "reds");
        String url = backend().sqs().listQueues(b -> b.queueNamePrefix(stem)).join().queueUrls().get(0);
        Map<String, String> counts = backend().sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).join().attributesAsStrings();
        assertThat(counts.get("ApproximateNumberOfMessages")).as("only matching messages are in the subscription queue").isEqualTo("3");
        MessageConsumer back = session.createDurableConsumer(topic, "reds", "color = 'red' AND size > 2", false);
        assertThat(texts(receiveAll(back, 3))).containsExactlyInAnyOrder("m3", "m4", "m5");
        back.close();
        session.unsubscribe("reds");
    }

    @Test
    void selectorsSnsCannotExpressAreStillExactInTheConsumer() throws Exception {
        MessageConsumer c = session.createConsumer(topic, "JMSType = 'b' OR size * 2 = 8");
        MessageProducer p = session.createProducer(topic);
        for (int i = 0; i < 5; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            m.setJMSType(i == 1 ? "b" : "a");
            m.setIntProperty("size", i);
            p.send(m);
        }
        assertThat(texts(receiveAll(c, 3))).containsExactly("m1", "m4");
    }

    @Test
    void fifoTopicsKeepGroupOrder() throws Exception {
        Topic fifo = session.createTopic("ft-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo");
        MessageConsumer c = session.createConsumer(fifo);
        MessageProducer p = session.createProducer(fifo);
        for (int i = 0; i < 6; i++) {
            TextMessage m = session.createTextMessage("g" + (i % 2) + "-" + i);
            m.setStringProperty("JMSXGroupID", "g" + (i % 2));
            p.send(m);
        }
        List<String> g0 = new ArrayList<>(), g1 = new ArrayList<>();
        for (Message m : receiveAll(c, 6)) (m.getStringProperty("JMSXGroupID").equals("g0") ? g0 : g1).add(((TextMessage) m).getText());
        assertThat(g0).containsExactly("g0-0", "g0-2", "g0-4");
        assertThat(g1).containsExactly("g1-1", "g1-3", "g1-5");
    }

    @Test
    void transactedPublishesAppearOnCommit() throws Exception {
        MessageConsumer c = session.createConsumer(topic);
        Session tx = connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(topic);
        for (int i = 0; i < 12; i++) p.send(tx.createTextMessage("t" + i));
        assertThat(c.receive(500)).isNull();
        tx.commit();
        assertThat(receiveAll(c, 12)).hasSize(12);
    }

    @Test
    void temporaryTopicsCarryRepliesAndBelongToTheirConnection() throws Exception {
        TemporaryTopic replies = session.createTemporaryTopic();
        MessageConsumer c = session.createConsumer(replies);
        try (Connection other = backend().factory().createConnection()) {
            Session s = other.createSession();
            s.createProducer(replies).send(s.createTextMessage("reply"));
            assertThatThrownBy(() -> s.createConsumer(replies)).isInstanceOf(InvalidDestinationException.class);
        }
        assertThat(((TextMessage) c.receive(5_000)).getText()).isEqualTo("reply");
        assertThatThrownBy(replies::delete).isInstanceOf(jakarta.jms.IllegalStateException.class);
        c.close();
        replies.delete();
    }

    @Test
    void queuesLeftByACrashedConnectionAreSweptAndLiveOnesAreNot() throws Exception {
        MessageConsumer live = session.createConsumer(topic);
        String orphan = "jmsaws-sub-orphan" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String fresh = "jmsaws-sub-fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        backend().sqs().createQueue(b -> b.queueName(orphan).tags(Map.of(SubscriptionQueues.TAG_OWNER, "crashed",
                SubscriptionQueues.TAG_LEASE, Long.toString(hourAgo)))).join();
        backend().sqs().createQueue(b -> b.queueName(fresh).tags(Map.of(SubscriptionQueues.TAG_OWNER, "alive",
                SubscriptionQueues.TAG_LEASE, Long.toString(System.currentTimeMillis())))).join();
        int removed = ((SqsProvider) ((JmsAwsConnection) connection).provider()).sweep(SubscriptionQueues.LEASE_EXPIRY_MILLIS);
        List<String> left = backend().sqs().listQueues(b -> b.queueNamePrefix("jmsaws-sub-")).join().queueUrls();
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(left).noneMatch(u -> u.endsWith("/" + orphan)).anyMatch(u -> u.endsWith("/" + fresh));
        session.createProducer(topic).send(session.createTextMessage("still subscribed"));
        assertThat(((TextMessage) live.receive(5_000)).getText()).isEqualTo("still subscribed");
    }

    @Test
    void temporaryDestinationsAreCreatedEvenWithoutAutoCreate() throws Exception {
        try (Connection c = backend().factory("autoCreate=false").createConnection()) {
            c.start();
            Session s = c.createSession();
            TemporaryTopic t = s.createTemporaryTopic();
            TemporaryQueue q = s.createTemporaryQueue();
            MessageConsumer onTopic = s.createConsumer(t);
            s.createProducer(t).send(s.createTextMessage("to topic"));
            s.createProducer(q).send(s.createTextMessage("to queue"));
            assertThat(((TextMessage) onTopic.receive(5_000)).getText()).isEqualTo("to topic");
            assertThat(((TextMessage) s.createConsumer(q).receive(5_000)).getText()).isEqualTo("to queue");
        }
    }

    @Test
    void nonDurableSubscriptionQueuesAreRemovedWithTheirConsumer() throws Exception {
        int before = backend().sqs().listQueues(b -> b.queueNamePrefix("jmsaws-sub-")).join().queueUrls().size();
        MessageConsumer c = session.createConsumer(topic);
        assertThat(backend().sqs().listQueues(b -> b.queueNamePrefix("jmsaws-sub-")).join().queueUrls()).hasSize(before + 1);
        c.close();
        assertThat(backend().sqs().listQueues(b -> b.queueNamePrefix("jmsaws-sub-")).join().queueUrls()).hasSize(before);
    }

    /** 8.8: acknowledging a consumer's messages "makes no difference whether this occurs before or after the consumer is closed". */
    @Test
    void aTransactionCommitsAfterItsNonDurableTopicConsumerClosed() throws Exception {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer subscriber = tx.createConsumer(topic);
        tx.createProducer(topic).send(tx.createTextMessage("x"));
        tx.commit();
        assertThat(subscriber.receive(5_000)).isNotNull();
        subscriber.close(); // its subscription queue is deleted with it
        tx.commit();
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer second = client.createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("y"));
        Message m = second.receive(5_000);
        assertThat(m).isNotNull();
        second.close();
        m.acknowledge();
    }

    /** 8.3.3, 8.3.4: a shared durable and an unshared durable subscription may not have the same name and client id. */
    @Test
    void aSharedAndAnUnsharedDurableSubscriptionMayNotShareANameAndClientId() throws Exception {
        session.createSharedDurableConsumer(topic, "both-kinds").close();
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "both-kinds")).isInstanceOf(JMSException.class)
                .hasMessageContaining("same name and client id");
        session.createDurableConsumer(topic, "both-kinds-2").close();
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "both-kinds-2")).isInstanceOf(JMSException.class)
                .hasMessageContaining("same name and client id");
        session.unsubscribe("both-kinds");
        session.unsubscribe("both-kinds-2");
        session.createDurableConsumer(topic, "both-kinds").close(); // the name is free once the other kind is gone
        session.unsubscribe("both-kinds");
    }

    /** 8.3.3: durable noLocal drops what "its own connection (or any other connection with the same client identifier)" published. */
    @Test
    void aDurableNoLocalSubscriptionTakesNothingPublishedUnderItsClientId() throws Exception {
        String id = "nolocal-" + UUID.randomUUID();
        try (Connection first = backend().factory().createConnection()) {
            first.setClientID(id);
            Session s = first.createSession();
            s.createDurableSubscriber(topic, "d", null, true).close();
            s.createProducer(topic).send(s.createTextMessage("published under the client id"));
        }
        try (Connection second = backend().factory().createConnection()) {
            second.setClientID(id);
            second.start();
            Session s = second.createSession();
            MessageConsumer d = s.createDurableSubscriber(topic, "d", null, true);
            session.createProducer(topic).send(session.createTextMessage("from another client id"));
            Message m = d.receive(5_000);
            assertThat(m).isNotNull();
            assertThat(((TextMessage) m).getText()).isEqualTo("from another client id");
            assertThat(d.receive(500)).isNull();
            d.close();
            s.unsubscribe("d");
        }
    }

    /** Asynchronous publishes to a standard topic share PublishBatch requests; each reaches every subscriber once, each callback runs. */
    @Test
    void asynchronousPublishesReachEverySubscriber() throws Exception {
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = connection.createSession().createConsumer(topic);
        MessageProducer p = session.createProducer(topic);
        int n = 25;
        java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(n);
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            p.send(session.createTextMessage("async " + i), new CompletionListener() {
                @Override public void onCompletion(Message message) { completed.countDown(); }
                @Override public void onException(Message message, Exception exception) { failures.add(exception); completed.countDown(); }
            });
        }
        assertThat(completed.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(texts(receiveAll(a, n))).hasSize(n).doesNotHaveDuplicates();
        assertThat(texts(receiveAll(b, n))).hasSize(n).doesNotHaveDuplicates();
    }
}
