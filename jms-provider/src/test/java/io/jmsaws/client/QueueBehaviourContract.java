package io.jmsaws.client;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's JMS behaviour on queues. Runs on the embedded backend and on ElasticMQ (the SDK
 * over HTTP) with the same assertions.
 */
abstract class QueueBehaviourContract {
    protected abstract TestBackend backend();

    protected Connection connection;
    protected Session session;
    protected Queue queue;

    @BeforeEach
    void open() throws JMSException {
        connection = backend().factory().createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        queue = session.createQueue(uniqueName("q"));
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) connection.close();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    protected Message receiveOne(Session s, Destination d) throws JMSException {
        try (MessageConsumer c = s.createConsumer(d)) {
            return c.receive(5_000);
        }
    }

    /**
     * The queue's messages as another connection sees them (each received and acknowledged), until
     * nothing came for {@code quietMillis}. Short polls only, so no long poll is left running to
     * take messages sent after it returns.
     */
    protected List<Message> drain(Destination d, long quietMillis) throws Exception {
        List<Message> got = new ArrayList<>();
        try (Connection c = backend().factory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(d);
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < quietMillis) {
                Message m = consumer.receiveNoWait();
                if (m != null) {
                    got.add(m);
                    quietSince = System.currentTimeMillis();
                } else {
                    Thread.sleep(50);
                }
            }
        }
        return got;
    }

    // ------------------------------------------------------------------------------------ message kinds

    @Test
    void everyMessageKindRoundTrips() throws Exception {
        MessageProducer p = session.createProducer(queue);
        p.send(session.createTextMessage("text body"));
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeInt(42);
        bytes.writeUTF("utf");
        bytes.writeBytes(new byte[]{0, (byte) 0xFF, 7});
        p.send(bytes);
        MapMessage map = session.createMapMessage();
        map.setInt("i", 1);
        map.setString("s", "two");
        map.setBytes("b", new byte[]{3});
        map.setChar("c", 'x');
        map.setDouble("d", 1.5);
        p.send(map);
        StreamMessage stream = session.createStreamMessage();
        stream.writeLong(5L);
        stream.writeString("six");
        stream.writeBoolean(true);
        p.send(stream);
        p.send(session.createObjectMessage(new java.util.ArrayList<>(List.of("seven", 8))));
        p.send(session.createMessage());

        MessageConsumer c = session.createConsumer(queue);
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) got.add(c.receive(5_000));
        assertThat(got).doesNotContainNull();
        // standard queues do not promise order: find each by type
        TextMessage t = find(got, TextMessage.class);
        assertThat(t.getText()).isEqualTo("text body");
        BytesMessage b = find(got, BytesMessage.class);
        assertThat(b.readInt()).isEqualTo(42);
        assertThat(b.readUTF()).isEqualTo("utf");
        byte[] rest = new byte[3];
        assertThat(b.readBytes(rest)).isEqualTo(3);
        assertThat(rest).containsExactly(0, 0xFF, 7);
        MapMessage m = find(got, MapMessage.class);
        assertThat(m.getInt("i")).isEqualTo(1);
        assertThat(m.getString("s")).isEqualTo("two");
        assertThat(m.getBytes("b")).containsExactly(3);
        assertThat(m.getChar("c")).isEqualTo('x');
        assertThat(m.getDouble("d")).isEqualTo(1.5);
        StreamMessage s = find(got, StreamMessage.class);
        assertThat(s.readLong()).isEqualTo(5L);
        assertThat(s.readString()).isEqualTo("six");
        assertThat(s.readBoolean()).isTrue();
        ObjectMessage o = find(got, ObjectMessage.class);
        assertThat(o.getObject()).isEqualTo(List.of("seven", 8));
        assertThat(got.stream().filter(x -> !(x instanceof TextMessage || x instanceof BytesMessage || x instanceof MapMessage
                || x instanceof StreamMessage || x instanceof ObjectMessage))).hasSize(1);
    }

    private static <T> T find(List<Message> messages, Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void receivedMessagesAreReadOnlyUntilCleared() throws Exception {
        TextMessage sent = session.createTextMessage("ro");
        sent.setStringProperty("p", "v");
        session.createProducer(queue).send(sent);
        TextMessage got = (TextMessage) receiveOne(session, queue);
        assertThatThrownBy(() -> got.setText("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> got.setStringProperty("p", "w")).isInstanceOf(MessageNotWriteableException.class);
        got.clearBody();
        got.setText("now writable");
        got.clearProperties();
        got.setStringProperty("p", "w");
        assertThat(got.getText()).isEqualTo("now writable");
    }

    @Test
    void headersSurviveTheTrip() throws Exception {
        Queue replyTo = session.createQueue(uniqueName("reply"));
        Message sent = session.createMessage();
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSType("order.created");
        sent.setJMSReplyTo(replyTo);
        MessageProducer p = session.createProducer(queue);
        p.send(sent, DeliveryMode.NON_PERSISTENT, 7, 60_000);
        Message got = receiveOne(session, queue);
        assertThat(got.getJMSMessageID()).startsWith("ID:").isEqualTo(sent.getJMSMessageID());
        assertThat(got.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(got.getJMSType()).isEqualTo("order.created");
        assertThat(got.getJMSReplyTo()).isEqualTo(replyTo);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSTimestamp()).isEqualTo(sent.getJMSTimestamp());
        assertThat(got.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 60_000);
        assertThat(got.getJMSDestination()).isEqualTo(queue);
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------ properties and limits

    @Test
    void fifteenPropertiesOfEveryTypeAllArrive() throws Exception {
        Message sent = session.createMessage();
        sent.setBooleanProperty("bool", true);
        sent.setByteProperty("byte", (byte) -3);
        sent.setShortProperty("short", (short) 300);
        sent.setIntProperty("int", 70_000);
        sent.setLongProperty("long", 1L << 40);
        sent.setFloatProperty("float", 1.25f);
        sent.setDoubleProperty("double", -2.5e-3);
        sent.setStringProperty("string", "s");
        sent.setStringProperty("empty", "");
        sent.setStringProperty("control", "a\u0001b");
        sent.setDoubleProperty("nan", Double.NaN);
        sent.setStringProperty("$dollar", "d");
        sent.setStringProperty("ünïcödé", "u");
        sent.setObjectProperty("nullValue", null);
        sent.setLongProperty("big", Long.MIN_VALUE);
        sent.setJMSCorrelationID("c");
        session.createProducer(queue).send(sent);
        Message got = receiveOne(session, queue);
        assertThat(got.getObjectProperty("bool")).isEqualTo(true);
        assertThat(got.getObjectProperty("byte")).isEqualTo((byte) -3);
        assertThat(got.getObjectProperty("short")).isEqualTo((short) 300);
        assertThat(got.getObjectProperty("int")).isEqualTo(70_000);
        assertThat(got.getObjectProperty("long")).isEqualTo(1L << 40);
        assertThat(got.getObjectProperty("float")).isEqualTo(1.25f);
        assertThat(got.getObjectProperty("double")).isEqualTo(-2.5e-3);
        assertThat(got.getObjectProperty("string")).isEqualTo("s");
        assertThat(got.getObjectProperty("empty")).isEqualTo("");
        assertThat(got.getObjectProperty("control")).isEqualTo("a\u0001b");
        assertThat((Double) got.getObjectProperty("nan")).isNaN();
        assertThat(got.getObjectProperty("$dollar")).isEqualTo("d");
        assertThat(got.getObjectProperty("ünïcödé")).isEqualTo("u");
        assertThat(got.propertyExists("nullValue")).isTrue();
        assertThat(got.getObjectProperty("big")).isEqualTo(Long.MIN_VALUE);
        assertThat(got.getJMSCorrelationID()).isEqualTo("c");
        List<String> names = Collections.list(got.getPropertyNames());
        assertThat(names).contains("bool", "byte", "short", "int", "long", "float", "double", "string", "empty", "control",
                "nan", "$dollar", "ünïcödé", "nullValue", "big", "JMSXDeliveryCount");
    }

    @Test
    void textThatSqsCannotCarryIsEncodedNotLost() throws Exception {
        String awkward = "nul\u0000 bell\u0007 lone\uD800 surrogate and emoji \uD83D\uDE00";
        MessageProducer p = session.createProducer(queue);
        p.send(session.createTextMessage(awkward));
        TextMessage got = (TextMessage) receiveOne(session, queue);
        assertThat(got.getText()).isEqualTo(awkward);
        p.send(session.createTextMessage(""));
        assertThat(((TextMessage) receiveOne(session, queue)).getText()).isEmpty();
        p.send(session.createTextMessage(null));
        assertThat(((TextMessage) receiveOne(session, queue)).getText()).isNull();
    }

    @Test
    void aMessageOverTheSizeLimitFailsBeforeAnyRequestAndNamesTheLimitAndOneMebibyteFits() throws Exception {
        MessageProducer p = session.createProducer(queue);
        // a queue created without MaximumMessageSize takes SQS's default, 1 MiB (and so does one whose server does not report it)
        TextMessage big = session.createTextMessage("x".repeat(1_048_576));
        assertThatThrownBy(() -> p.send(big)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("1048576").hasMessageContaining(queue.getQueueName());
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[800_000]); // 1,066,668 characters once base64-encoded
        assertThatThrownBy(() -> p.send(bytes)).isInstanceOf(MessageFormatException.class).hasMessageContaining("MaximumMessageSize");
        p.send(session.createTextMessage("x".repeat(1_000_000)));
        Message got = receiveOne(session, queue);
        assertThat(((TextMessage) got).getText()).hasSize(1_000_000);
        BytesMessage almost = session.createBytesMessage();
        almost.writeBytes(new byte[760_000]); // 1,013,336 characters: fits
        p.send(almost);
        assertThat(((BytesMessage) receiveOne(session, queue)).getBodyLength()).isEqualTo(760_000);
    }

    @Test
    void invalidQueueNamesAreRefusedClearly() {
        assertThatThrownBy(() -> session.createQueue("has space")).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("80 characters");
        assertThatThrownBy(() -> session.createQueue("x".repeat(81))).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(null).send(null, session.createMessage()))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void withoutAutoCreateAMissingQueueIsAnInvalidDestination() throws Exception {
        try (Connection c = backend().factory("autoCreate=false").createConnection()) {
            Session s = c.createSession();
            Queue missing = s.createQueue(uniqueName("missing"));
            assertThatThrownBy(() -> s.createProducer(missing).send(s.createMessage()))
                    .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("autoCreate");
        }
    }

    // ------------------------------------------------------------------------------------ acknowledgement

    @Test
    void autoAcknowledgedMessagesAreGone() throws Exception {
        session.createProducer(queue).send(session.createTextMessage("once"));
        assertThat(receiveOne(session, queue)).isNotNull();
        connection.close();
        connection = null;
        assertThat(drain(queue, 1_000)).isEmpty();
    }

    @Test
    void clientAcknowledgeRecoverRedeliversAndAcknowledgeDeletes() throws Exception {
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        session.createProducer(queue).send(session.createTextMessage("ack me"));
        MessageConsumer c = client.createConsumer(queue);
        Message first = c.receive(5_000);
        assertThat(first.getJMSRedelivered()).isFalse();
        client.recover();
        Message again = c.receive(5_000);
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        again.acknowledge();
        c.close();
        assertThat(drain(queue, 1_000)).isEmpty();
    }

    @Test
    void closingAClientAcknowledgeSessionRedeliversWhatWasNotAcknowledged() throws Exception {
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        session.createProducer(queue).send(session.createTextMessage("unacked"));
        assertThat(client.createConsumer(queue).receive(5_000)).isNotNull();
        client.close();
        List<Message> left = drain(queue, 2_000);
        assertThat(left).hasSize(1);
        assertThat(left.get(0).getJMSRedelivered()).isTrue();
    }

    // ------------------------------------------------------------------------------------ transactions

    @Test
    void transactedSendsAppearOnlyOnCommit() throws Exception {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(queue);
        for (int i = 0; i < 25; i++) p.send(tx.createTextMessage("m" + i));
        assertThat(drain(queue, 500)).isEmpty();
        tx.commit();
        assertThat(drain(queue, 1_000)).hasSize(25);
        p.send(tx.createTextMessage("rolled back"));
        tx.rollback();
        tx.commit();
        assertThat(drain(queue, 500)).isEmpty();
    }

    @Test
    void rolledBackReceivesAreRedeliveredAndCommittedOnesAreGone() throws Exception {
        session.createProducer(queue).send(session.createTextMessage("tx"));
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer c = tx.createConsumer(queue);
        Message first = c.receive(5_000);
        tx.rollback();
        Message again = c.receive(5_000);
        assertThat(again.getJMSMessageID()).isEqualTo(first.getJMSMessageID());
        assertThat(again.getJMSRedelivered()).isTrue();
        tx.commit();
        c.close();
        assertThat(drain(queue, 1_000)).isEmpty();
    }

    @Test
    void commitWithTransactionalOperationsOnAClosedSessionFails() throws Exception {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        tx.close();
        assertThatThrownBy(tx::commit).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(session::commit).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    // ------------------------------------------------------------------------------------ listeners

    @Test
    void aListenerReceivesEveryMessageSerially() throws Exception {
        int n = 30;
        CountDownLatch all = new CountDownLatch(n);
        List<String> got = new CopyOnWriteArrayList<>();
        int[] concurrent = {0, 0};
        session.createConsumer(queue).setMessageListener(m -> {
            synchronized (concurrent) {
                concurrent[0]++;
                concurrent[1] = Math.max(concurrent[1], concurrent[0]);
            }
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            synchronized (concurrent) {
                concurrent[0]--;
            }
            all.countDown();
        });
        Session producerSession = connection.createSession();
        MessageProducer p = producerSession.createProducer(queue);
        for (int i = 0; i < n; i++) p.send(producerSession.createTextMessage("m" + i));
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(got).hasSize(n).doesNotHaveDuplicates();
        assertThat(concurrent[1]).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgain() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(m -> {
            try {
                redelivered.add(m.getJMSRedelivered());
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
            twice.countDown();
            if (redelivered.size() == 1) throw new RuntimeException("first attempt fails");
        });
        Session producerSession = connection.createSession();
        producerSession.createProducer(queue).send(producerSession.createTextMessage("retry me"));
        assertThat(twice.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(redelivered).containsExactly(false, true);
    }

    @Test
    void stopHaltsDeliveryAndStartResumesIt() throws Exception {
        CountDownLatch one = new CountDownLatch(1);
        List<Message> got = new CopyOnWriteArrayList<>();
        connection.stop();
        session.createConsumer(queue).setMessageListener(m -> {
            got.add(m);
            one.countDown();
        });
        Session producerSession = connection.createSession();
        producerSession.createProducer(queue).send(producerSession.createTextMessage("wait for start"));
        assertThat(one.await(1, TimeUnit.SECONDS)).isFalse();
        connection.start();
        assertThat(one.await(10, TimeUnit.SECONDS)).isTrue();
    }

    // ------------------------------------------------------------------------------------ delay and expiry

    @Test
    void deliveryDelayHoldsTheMessageBack() throws Exception {
        MessageProducer p = session.createProducer(queue);
        p.setDeliveryDelay(1_500);
        long sent = System.currentTimeMillis();
        p.send(session.createTextMessage("later"));
        MessageConsumer c = session.createConsumer(queue);
        Message m = c.receive(10_000);
        assertThat(m).isNotNull();
        assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1_500);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp() + 1_500);
    }

    @Test
    void deliveryDelayOnAFifoQueueIsHeldByTheConsumer() throws Exception {
        Queue fifo = session.createQueue(uniqueName("delayed") + ".fifo");
        MessageProducer p = session.createProducer(fifo);
        p.setDeliveryDelay(1_500);
        long sent = System.currentTimeMillis();
        p.send(session.createTextMessage("later"));
        Message m = session.createConsumer(fifo).receive(10_000);
        assertThat(m).isNotNull();
        assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1_500);
    }

    @Test
    void expiredMessagesAreNeverDelivered() throws Exception {
        MessageProducer p = session.createProducer(queue);
        p.setTimeToLive(300);
        p.send(session.createTextMessage("stale"));
        p.setTimeToLive(0);
        Thread.sleep(600);
        p.send(session.createTextMessage("fresh"));
        MessageConsumer c = session.createConsumer(queue);
        assertThat(((TextMessage) c.receive(5_000)).getText()).isEqualTo("fresh");
        assertThat(c.receive(500)).isNull();
    }

    // ------------------------------------------------------------------------------------ async and concurrent sends

    @Test
    void completionListenersAreCalledInSendOrderOnAnotherThread() throws Exception {
        MessageProducer p = session.createProducer(queue);
        List<String> completed = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            TextMessage m = session.createTextMessage("a" + i);
            p.send(m, new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        completed.add(((TextMessage) message).getText());
                    } catch (JMSException e) {
                        throw new RuntimeException(e);
                    }
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add("a" + i);
        assertThat(completed).containsExactlyElementsOf(expected);
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
        assertThat(drain(queue, 1_000)).hasSize(20);
    }

    @Test
    void concurrentProducersLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Session s = connection.createSession();
                    MessageProducer p = s.createProducer(queue);
                    for (int i = 0; i < 25; i++) p.send(s.createTextMessage(thread + ":" + i));
                    return null;
                }));
            }
            for (var f : futures) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        List<Message> got = drain(queue, 1_000);
        List<String> texts = new ArrayList<>();
        for (Message m : got) texts.add(((TextMessage) m).getText());
        assertThat(texts).hasSize(100).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------------------------ browsing, prefetch, visibility

    @Test
    void aBrowserSeesMessagesWithoutConsumingThem() throws Exception {
        MessageProducer p = session.createProducer(queue);
        for (int i = 0; i < 15; i++) p.send(session.createTextMessage("b" + i));
        QueueBrowser browser = session.createBrowser(queue);
        List<Message> seen = Collections.list(browser.getEnumeration());
        browser.close();
        assertThat(seen).hasSize(15);
        assertThat(drain(queue, 1_000)).hasSize(15);
    }

    @Test
    void closingAConsumerGivesItsPrefetchedMessagesBack() throws Exception {
        MessageProducer p = session.createProducer(queue);
        for (int i = 0; i < 5; i++) p.send(session.createTextMessage("p" + i));
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer c = client.createConsumer(queue);
        Message first = c.receive(5_000);
        assertThat(first).isNotNull();
        c.close();
        first.acknowledge();
        assertThat(drain(queue, 1_000)).hasSize(4);
    }

    @Test
    void ownedMessagesStayInvisibleBeyondTheQueueVisibilityTimeout() throws Exception {
        String name = uniqueName("short-visibility");
        backend().sqs().createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2"))).join();
        Queue q = session.createQueue(name);
        session.createProducer(q).send(session.createTextMessage("mine"));
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message held = client.createConsumer(q).receive(5_000);
        assertThat(held).isNotNull();
        Thread.sleep(5_000); // 2.5 visibility timeouts
        assertThat(drain(q, 500)).as("another consumer must not get a message this session owns").isEmpty();
        held.acknowledge();
        Thread.sleep(2_500);
        assertThat(drain(q, 500)).isEmpty();
    }

    // ------------------------------------------------------------------------------------ FIFO

    @Test
    void aFifoQueueTakesMessagesOfNearlyOneMebibyteInOrder() throws Exception {
        Queue fifo = session.createQueue(uniqueName("large") + ".fifo");
        MessageProducer p = session.createProducer(fifo);
        for (int i = 0; i < 3; i++) p.send(session.createTextMessage(i + "y".repeat(1_000_000)));
        for (int i = 0; i < 3; i++) {
            TextMessage got = (TextMessage) receiveOne(session, fifo);
            assertThat(got.getText()).hasSize(1_000_001).startsWith(Integer.toString(i));
        }
    }

    @Test
    void fifoQueuesKeepGroupOrderAndExposeSqsFields() throws Exception {
        Queue fifo = session.createQueue(uniqueName("orders") + ".fifo");
        MessageProducer p = session.createProducer(fifo);
        for (int i = 0; i < 12; i++) {
            TextMessage m = session.createTextMessage("g" + (i % 2) + "-" + i);
            m.setStringProperty("JMSXGroupID", "customer-" + (i % 2));
            p.send(m);
        }
        MessageConsumer c = session.createConsumer(fifo);
        List<String> g0 = new ArrayList<>();
        List<String> g1 = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Message m = c.receive(5_000);
            assertThat(m.getStringProperty("JMS_SQS_SequenceNumber")).isNotBlank();
            (m.getStringProperty("JMSXGroupID").equals("customer-0") ? g0 : g1).add(((TextMessage) m).getText());
        }
        assertThat(g0).containsExactly("g0-0", "g0-2", "g0-4", "g0-6", "g0-8", "g0-10");
        assertThat(g1).containsExactly("g1-1", "g1-3", "g1-5", "g1-7", "g1-9", "g1-11");
    }

    @Test
    void fifoDeduplicationIdSendsOnce() throws Exception {
        Queue fifo = session.createQueue(uniqueName("dedup") + ".fifo");
        MessageProducer p = session.createProducer(fifo);
        for (int i = 0; i < 3; i++) {
            TextMessage m = session.createTextMessage("same business event");
            m.setStringProperty("JMS_SQS_DeduplicationId", "event-17");
            p.send(m);
        }
        List<Message> got = drain(fifo, 1_000);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getStringProperty("JMS_SQS_DeduplicationId")).isEqualTo("event-17");
    }

    @Test
    void fifoMessagesWithoutAGroupUseTheDefaultGroup() throws Exception {
        Queue fifo = session.createQueue(uniqueName("nogroup") + ".fifo");
        session.createProducer(fifo).send(session.createTextMessage("no group"));
        assertThat(receiveOne(session, fifo).getStringProperty("JMSXGroupID")).isEqualTo("default");
    }

    // ------------------------------------------------------------------------------------ other API

    @Test
    void temporaryQueuesCarryRepliesAndBelongToTheirConnection() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        Message request = session.createTextMessage("ping");
        request.setJMSReplyTo(replies);
        session.createProducer(queue).send(request);
        try (Connection server = backend().factory().createConnection()) {
            server.start();
            Session s = server.createSession();
            Message got = s.createConsumer(queue).receive(5_000);
            assertThat(got.getJMSReplyTo()).isInstanceOf(Queue.class);
            s.createProducer(got.getJMSReplyTo()).send(s.createTextMessage("pong"));
            assertThatThrownBy(() -> s.createConsumer(got.getJMSReplyTo())).isInstanceOf(InvalidDestinationException.class);
        }
        MessageConsumer c = session.createConsumer(replies);
        assertThat(((TextMessage) c.receive(5_000)).getText()).isEqualTo("pong");
        assertThatThrownBy(replies::delete).isInstanceOf(jakarta.jms.IllegalStateException.class);
        c.close();
        replies.delete();
    }

    @Test
    void jmsContextSendsAndReceivesBodies() throws JMSException {
        try (JMSContext ctx = backend().factory().createContext()) {
            Queue q = ctx.createQueue(uniqueName("ctx"));
            ctx.createProducer().setProperty("k", 5).send(q, "context body");
            JMSConsumer c = ctx.createConsumer(q);
            Message m = c.receive(5_000);
            assertThat(m.getBody(String.class)).isEqualTo("context body");
            ctx.createProducer().send(q, Map.of("a", 1));
            assertThat(c.receiveBody(Map.class, 5_000)).containsEntry("a", 1);
            ctx.createProducer().send(q, new byte[]{9});
            assertThat(c.receiveBody(byte[].class, 5_000)).containsExactly(9);
        }
    }

    @Test
    void objectMessagesOnlyDeserializeTrustedClasses() throws Exception {
        session.createProducer(queue).send(session.createObjectMessage(new Untrusted("payload")));
        ObjectMessage got = (ObjectMessage) receiveOne(session, queue);
        assertThatThrownBy(got::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Untrusted.class.getName()).hasMessageContaining("trustedPackages");
        try (Connection c = backend().factory("trustedPackages=java,io.jmsaws.client").createConnection()) {
            c.start();
            Session s = c.createSession();
            s.createProducer(queue).send(s.createObjectMessage(new Untrusted("trusted now")));
            assertThat(((ObjectMessage) receiveOne(s, queue)).getObject()).isEqualTo(new Untrusted("trusted now"));
        }
    }

    record Untrusted(String value) implements Serializable {
    }

    @Test
    void aPlainSqsMessageArrivesAsATextMessage() throws Exception {
        String name = queue.getQueueName();
        String url = backend().sqs().createQueue(b -> b.queueName(name)).join().queueUrl();
        String id = backend().sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"plain\":true}")
                .messageAttributes(Map.of("trace-id", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue("abc").build()))).join().messageId();
        TextMessage got = (TextMessage) receiveOne(session, queue);
        assertThat(got.getText()).isEqualTo("{\"plain\":true}");
        assertThat(got.getJMSMessageID()).isEqualTo("ID:" + id);
        assertThat(got.getStringProperty("trace-id")).isEqualTo("abc");
        assertThat(got.getJMSTimestamp()).isPositive();
    }

    @Test
    void malformedAndForeignMessagesArriveAndNeverStopTheConsumer() throws Exception {
        String name = queue.getQueueName();
        String url = backend().sqs().createQueue(b -> b.queueName(name)).join().queueUrl();
        java.util.function.BiConsumer<String, Map<String, String>> raw = (body, attributes) -> {
            Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> a = new java.util.HashMap<>();
            attributes.forEach((k, v) -> a.put(k, software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                    .dataType("String").stringValue(v).build()));
            backend().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(a)).join();
        };
        raw.accept("headers garbage", Map.of("JMS_AWS_Headers", "%%%no fields%%%"));
        raw.accept("headers bad values", Map.of("JMS_AWS_Headers", "k=t&id=ID:x&ts=yesterday&rt=nocolon"));
        raw.accept("not base64 !!", Map.of("JMS_SQSMessageType", "byte"));
        raw.accept("{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:t\",\"Message\":\"hi\"}", Map.of());
        raw.accept("packed garbage", Map.of("JMS_AWS_Props", "@@@not base64@@@"));
        session.createProducer(queue).send(session.createTextMessage("a JMS message after them"));

        java.util.Set<String> texts = new java.util.HashSet<>();
        try (MessageConsumer c = session.createConsumer(queue)) {
            for (int i = 0; i < 6; i++) {
                Message m = c.receive(10_000);
                assertThat(m).as("message %d of 6", i + 1).isNotNull();
                texts.add(((TextMessage) m).getText());
                assertThat(m.getJMSMessageID()).startsWith("ID:");
            }
        }
        assertThat(texts).contains("headers garbage", "headers bad values", "not base64 !!", "packed garbage", "a JMS message after them")
                .anyMatch(t -> t.contains("\"Type\":\"Notification\""));
    }

    @Test
    void aSelectorTakesItsMessagesAndLeavesTheOthersToOtherConsumers() throws Exception {
        MessageProducer p = session.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            m.setStringProperty("color", i % 2 == 0 ? "red" : "blue");
            m.setIntProperty("n", i);
            p.send(m);
        }
        MessageConsumer red = session.createConsumer(queue, "color = 'red' AND n >= 0");
        assertThat(red.getMessageSelector()).isEqualTo("color = 'red' AND n >= 0");
        List<String> reds = new ArrayList<>();
        Message m;
        while ((m = red.receive(2_000)) != null) reds.add(m.getStringProperty("color"));
        assertThat(reds).hasSize(5).containsOnly("red");
        red.close();
        List<Message> rest = drain(queue, 1_000);
        assertThat(rest).hasSize(5).allSatisfy(x -> assertThat(x.getStringProperty("color")).isEqualTo("blue"));
    }

    @Test
    void anInvalidSelectorFailsAtConsumerCreation() {
        assertThatThrownBy(() -> session.createConsumer(queue, "color = 'red")).isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> session.createBrowser(queue, "a LIKE 5")).isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void aBrowserWithASelectorShowsOnlyMatchingMessages() throws Exception {
        MessageProducer p = session.createProducer(queue);
        for (int i = 0; i < 6; i++) {
            Message msg = session.createMessage();
            msg.setIntProperty("n", i);
            p.send(msg);
        }
        QueueBrowser browser = session.createBrowser(queue, "n < 2");
        assertThat(Collections.list(browser.getEnumeration())).hasSize(2);
        browser.close();
        assertThat(drain(queue, 1_000)).hasSize(6);
    }
}
