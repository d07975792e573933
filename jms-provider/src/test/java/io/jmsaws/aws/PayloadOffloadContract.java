package io.jmsaws.aws;

import io.jmsaws.testing.TestBackend;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message bodies in S3 (payloadBucket), compatible with AWS's extended client: every kind of
 * message over the threshold, deletion only after the DeleteMessage of a queue message, kept after a
 * rollback and for topics, missing objects and pointers to buckets nobody allowed.
 */
abstract class PayloadOffloadContract {
    protected abstract TestBackend backend();

    /** A bucket of this backend's S3, created if the backend needs that. */
    protected abstract String bucket();

    protected abstract boolean objectExists(String bucket, String key);

    protected abstract void putObject(String bucket, String key, String content);

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Options the backend's S3 needs (an endpoint). */
    protected String s3Options() {
        return "";
    }

    private String options(String extra) {
        return "payloadBucket=" + bucket() + (s3Options().isEmpty() ? "" : "&" + s3Options()) + (extra.isEmpty() ? "" : "&" + extra);
    }

    /** The raw SQS message: the pointer, the size attribute. */
    private software.amazon.awssdk.services.sqs.model.Message peekRaw(String queue) {
        String url = backend().sqs().getQueueUrl(b -> b.queueName(queue)).join().queueUrl();
        return backend().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).visibilityTimeout(0).messageAttributeNames("All"))
                .join().messages().get(0);
    }

    /** A pointer message as another producer (the extended client) writes it, sent with the plain SDK; {@code group} for FIFO. */
    private void sendPointer(String queue, String pointer, String sizeAttribute, int size, String group) {
        String url = backend().sqs().getQueueUrl(b -> b.queueName(queue)).join().queueUrl();
        backend().sqs().sendMessage(b -> b.queueUrl(url).messageBody(pointer).messageGroupId(group)
                .messageDeduplicationId(group == null ? null : "pointer-" + UUID.randomUUID())
                .messageAttributes(Map.of(sizeAttribute, MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(size)).build())))
                .join();
    }

    private static String textOf(TextMessage m) {
        try {
            return m.getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(software.amazon.awssdk.services.sqs.model.Message raw) {
        return PayloadPointer.parse(raw.body()).key();
    }

    @Test
    void everyKindOfMessageOverTheThresholdTravelsThroughS3AndArrivesWhole() throws Exception {
        String name = unique("offload");
        try (Connection c = backend().factory(options("payloadThreshold=2000")).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name);
            MessageProducer p = s.createProducer(q);
            String text = "t".repeat(5_000);
            TextMessage t = s.createTextMessage(text);
            t.setStringProperty("customer", "c-42");
            p.send(t);
            software.amazon.awssdk.services.sqs.model.Message raw = peekRaw(name);
            assertThat(raw.body()).startsWith("[\"software.amazon.payloadoffloading.PayloadS3Pointer\"");
            // the size attribute the extended client writes and reads by default (it reads ExtendedPayloadSize too)
            assertThat(raw.messageAttributes().get("SQSLargePayloadSize").stringValue()).isEqualTo("5000");
            assertThat(objectExists(bucket(), key(raw))).isTrue();

            BytesMessage bytes = s.createBytesMessage();
            bytes.writeBytes(new byte[4_000]);
            p.send(bytes);
            MapMessage map = s.createMapMessage();
            map.setString("big", "m".repeat(3_000));
            p.send(map);
            ObjectMessage object = s.createObjectMessage(new ArrayList<>(List.of("o".repeat(3_000))));
            p.send(object);
            StreamMessage stream = s.createStreamMessage();
            stream.writeString("s".repeat(3_000));
            p.send(stream);
            p.send(s.createTextMessage("small")); // under the threshold: inline

            MessageConsumer consumer = s.createConsumer(q);
            List<Message> got = new ArrayList<>();
            for (int i = 0; i < 6; i++) got.add(consumer.receive(10_000));
            assertThat(got).doesNotContainNull();
            assertThat(got).filteredOn(m -> m instanceof TextMessage tm && text.equals(textOf(tm))).singleElement()
                    .satisfies(m -> assertThat(m.getStringProperty("customer")).isEqualTo("c-42"));
            assertThat(got).filteredOn(m -> m instanceof BytesMessage).singleElement()
                    .satisfies(m -> assertThat(((BytesMessage) m).getBodyLength()).isEqualTo(4_000));
            assertThat(got).filteredOn(m -> m instanceof MapMessage).singleElement()
                    .satisfies(m -> assertThat(((MapMessage) m).getString("big")).hasSize(3_000));
            assertThat(got).filteredOn(m -> m instanceof ObjectMessage).singleElement()
                    .satisfies(m -> assertThat(((ObjectMessage) m).getObject()).isEqualTo(List.of("o".repeat(3_000))));
            assertThat(got).filteredOn(m -> m instanceof StreamMessage).singleElement()
                    .satisfies(m -> assertThat(((StreamMessage) m).readString()).hasSize(3_000));
            assertThat(got).filteredOn(m -> m instanceof TextMessage tm && "small".equals(textOf(tm))).hasSize(1);
            // payloadDelete is off by default: the objects stay (a lifecycle rule on the bucket removes them)
            assertThat(objectExists(bucket(), key(raw))).isTrue();
        }
    }

    @Test
    void withPayloadDeleteTheObjectGoesAfterTheDeleteMessageAndStaysAfterARollback() throws Exception {
        String name = unique("delete");
        try (Connection c = backend().factory(options("payloadAlways=true&payloadDelete=true")).createConnection()) {
            c.start();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(name);
            tx.createProducer(q).send(tx.createTextMessage("kept until committed"));
            tx.commit();
            String key = key(peekRaw(name));
            MessageConsumer consumer = tx.createConsumer(q);
            assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("kept until committed");
            tx.rollback();
            assertThat(objectExists(bucket(), key)).as("after the rollback").isTrue();
            Message again = consumer.receive(10_000);
            assertThat(again.getJMSRedelivered()).isTrue();
            assertThat(((TextMessage) again).getText()).isEqualTo("kept until committed");
            tx.commit();
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !objectExists(bucket(), key));
        }
    }

    @Test
    void aPointerIntoABucketNobodyAllowedIsDeliveredAsItIsAndNeverFetched() throws Exception {
        String name = unique("foreign");
        String other = unique("other-bucket").toLowerCase();
        putObject(other, "secret", "SECRET CONTENT");
        try (Connection c = backend().factory(options("")).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name);
            s.createProducer(q).send(s.createTextMessage("creates the queue"));
            MessageConsumer consumer = s.createConsumer(q);
            consumer.receive(10_000);
            String pointer = new PayloadPointer(other, "secret").toJson();
            sendPointer(name, pointer, "ExtendedPayloadSize", 14, null);
            TextMessage got = (TextMessage) consumer.receive(10_000);
            assertThat(got.getText()).isEqualTo(pointer).doesNotContain("SECRET");
        }
    }

    @Test
    void aMissingObjectLeavesTheMessageToTheDeadLetterQueueAndTheConsumerLives() throws Exception {
        String name = unique("missing");
        try (Connection c = backend().factory(options("")).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name + "?deadLetterQueue=" + name + "-dlq&maxReceiveCount=2&visibilityTimeout=1");
            MessageConsumer consumer = s.createConsumer(q);
            sendPointer(name, new PayloadPointer(bucket(), "no-such-key").toJson(), "SQSLargePayloadSize", 10, null);
            assertThat(consumer.receive(4_000)).as("nothing to deliver").isNull();
            s.createProducer(q).send(s.createTextMessage("after it"));
            Message next = consumer.receive(10_000);
            while (next != null && !(next instanceof TextMessage tm && "after it".equals(tm.getText()))) next = consumer.receive(10_000);
            assertThat(next).as("the consumer goes on").isNotNull();
            String dlq = backend().sqs().getQueueUrl(b -> b.queueName(name + "-dlq")).join().queueUrl();
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !backend().sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)
                    .visibilityTimeout(0)).join().messages().isEmpty());
        }
    }

    @Test
    void aTopicFansOneObjectOutToEveryKindOfSubscriptionAndNothingIsDeleted() throws Exception {
        String prefix = unique("fanout") + "/";
        try (Connection c = backend().factory(options("payloadThreshold=1000&payloadDelete=true&payloadKeyPrefix=" + prefix)).createConnection()) {
            c.setClientID(unique("fanout-client"));
            c.start();
            Session s = c.createSession();
            Topic t = s.createTopic(unique("fanout"));
            List<MessageConsumer> subscribers = List.of(s.createConsumer(t), s.createDurableConsumer(t, "durable"),
                    s.createSharedConsumer(t, "shared"), s.createSharedDurableConsumer(t, "shared-durable"));
            String body = "f".repeat(20_000);
            s.createProducer(t).send(s.createTextMessage(body));
            for (MessageConsumer sub : subscribers) assertThat(((TextMessage) sub.receive(10_000)).getText()).isEqualTo(body);
            Thread.sleep(1000); // the acknowledgements' deletes are done by now
            assertThat(objectsUnder(prefix)).as("the one object every subscription shares").isEqualTo(1);
            for (MessageConsumer sub : subscribers) sub.close();
            s.unsubscribe("durable");
            s.unsubscribe("shared-durable");
        }
    }

    @Test
    void payloadDeleteNeverDeletesAnObjectOutsideItsOwnKeyPrefix() throws Exception {
        String name = unique("not-ours");
        putObject(bucket(), "someone-elses/report", "KEEP ME");
        try (Connection c = backend().factory(options("payloadDelete=true&payloadKeyPrefix=mine/")).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name);
            MessageConsumer consumer = s.createConsumer(q);
            sendPointer(name, new PayloadPointer(bucket(), "someone-elses/report").toJson(), "SQSLargePayloadSize", 7, null);
            assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("KEEP ME"); // readable: it is in payloadBucket
            Thread.sleep(1000);
            assertThat(objectExists(bucket(), "someone-elses/report")).as("a producer's pointer cannot make consumers delete").isTrue();
        }
    }

    @Test
    void aFifoMessageWhoseObjectIsMissingHoldsItsGroupUntilItLeavesForTheDeadLetterQueue() throws Exception {
        String name = unique("fifo-missing");
        try (Connection c = backend().factory(options("")).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(name + ".fifo?deadLetterQueue=" + name + "-dlq.fifo&maxReceiveCount=2&visibilityTimeout=1");
            MessageConsumer consumer = s.createConsumer(q);
            sendPointer(name + ".fifo", new PayloadPointer(bucket(), "gone").toJson(), "SQSLargePayloadSize", 4, "g");
            jakarta.jms.Message second = s.createTextMessage("second of the group");
            second.setStringProperty("JMSXGroupID", "g");
            s.createProducer(q).send(second);
            TextMessage got = (TextMessage) consumer.receive(20_000);
            assertThat(got.getText()).isEqualTo("second of the group");
            String dlq = backend().sqs().getQueueUrl(b -> b.queueName(name + "-dlq.fifo")).join().queueUrl();
            assertThat(backend().sqs().receiveMessage(b -> b.queueUrl(dlq).visibilityTimeout(0)).join().messages())
                    .as("the first of the group left for the DLQ before the second was delivered").hasSize(1);
        }
    }

    /** How many objects lie under a key prefix of the bucket. */
    protected abstract int objectsUnder(String prefix);

}
