package io.jmsaws.wire;

import com.amazon.sqs.javamessaging.ProviderConfiguration;
import com.amazon.sqs.javamessaging.SQSConnectionFactory;
import io.jmsaws.testing.ElasticMqBackend;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire compatibility with AWS's amazon-sqs-java-messaging-lib 2.1.4, both directions, on one
 * ElasticMQ: a fleet can move from one library to the other a service at a time.
 */
class AwsLibraryInteropTest {
    private static final ElasticMqBackend BACKEND = ElasticMqBackend.get();
    private static SqsClient syncClient;
    private static Connection theirs;
    private static Connection ours;

    @BeforeAll
    static void connect() throws JMSException {
        syncClient = SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(ElasticMqBackend.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        theirs = new SQSConnectionFactory(new ProviderConfiguration(), syncClient).createConnection();
        theirs.start();
        ours = BACKEND.factory().createConnection();
        ours.start();
    }

    @AfterAll
    static void disconnect() throws JMSException {
        ours.close();
        // their consumers wait out a fixed 20-second long poll on close: do not hold the build for it
        Thread closer = new Thread(() -> {
            try {
                theirs.close();
            } catch (JMSException e) {
                // nothing left to check
            }
            syncClient.close();
        });
        closer.setDaemon(true);
        closer.start();
    }

    private static String newQueue() {
        String name = "interop-" + UUID.randomUUID().toString().substring(0, 8);
        BACKEND.sqs().createQueue(b -> b.queueName(name)).join(); // their library does not create queues
        return name;
    }

    private static void setProperties(Message m) throws JMSException {
        m.setStringProperty("s", "text");
        m.setIntProperty("i", 42);
        m.setLongProperty("l", 1L << 40);
        m.setBooleanProperty("flag", true);
        m.setShortProperty("sh", (short) 7);
        m.setByteProperty("by", (byte) -1);
        m.setDoubleProperty("d", 2.5);
        m.setJMSCorrelationID("corr-9");
    }

    private static void assertProperties(Message m) throws JMSException {
        assertThat(m.getStringProperty("s")).isEqualTo("text");
        assertThat(m.getIntProperty("i")).isEqualTo(42);
        assertThat(m.getLongProperty("l")).isEqualTo(1L << 40);
        assertThat(m.getBooleanProperty("flag")).isTrue();
        assertThat(m.getShortProperty("sh")).isEqualTo((short) 7);
        assertThat(m.getByteProperty("by")).isEqualTo((byte) -1);
        assertThat(m.getDoubleProperty("d")).isEqualTo(2.5);
        assertThat(m.getJMSCorrelationID()).isEqualTo("corr-9");
    }

    private static ArrayList<String> payload() {
        return new ArrayList<>(java.util.List.of("a", "b"));
    }

    private static void sendAll(Connection from, String queueName) throws JMSException {
        Session s = from.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(queueName);
        var producer = s.createProducer(q);
        TextMessage text = s.createTextMessage("hello from the other side");
        setProperties(text);
        producer.send(text);
        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[]{1, 2, 3, (byte) 0xFE});
        setProperties(bytes);
        producer.send(bytes);
        ObjectMessage object = s.createObjectMessage(payload());
        setProperties(object);
        producer.send(object);
        s.close();
    }

    private static void receiveAll(Connection at, String queueName) throws JMSException {
        Session s = at.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(s.createQueue(queueName));
        int text = 0, bytes = 0, object = 0;
        for (int i = 0; i < 3; i++) {
            Message m = c.receive(10_000);
            assertThat(m).as("message %d of 3", i + 1).isNotNull();
            assertProperties(m);
            if (m instanceof TextMessage t) {
                assertThat(t.getText()).isEqualTo("hello from the other side");
                text++;
            } else if (m instanceof BytesMessage b) {
                byte[] body = new byte[(int) b.getBodyLength()];
                b.readBytes(body);
                assertThat(body).containsExactly(1, 2, 3, 0xFE);
                bytes++;
            } else if (m instanceof ObjectMessage o) {
                assertThat(o.getObject()).isEqualTo(payload());
                object++;
            }
        }
        assertThat(new int[]{text, bytes, object}).containsExactly(1, 1, 1);
        if (at == ours) s.close(); // theirs closes with its connection, see disconnect()
    }

    @Test
    void weReadWhatTheAwsLibraryWrites() throws JMSException {
        String q = newQueue();
        sendAll(theirs, q);
        receiveAll(ours, q);
    }

    /**
     * Over the ten-attribute budget (our headers take one), the extra properties reach the AWS
     * library packed in one String property: documented, and nothing is dropped for jms-aws readers.
     */
    @Test
    void propertiesOverTheBudgetReachTheAwsLibraryPacked() throws JMSException {
        String q = newQueue();
        Session s = ours.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage("many");
        for (int i = 0; i < 12; i++) m.setIntProperty("p" + i, i);
        s.createProducer(s.createQueue(q)).send(m);
        Session t = theirs.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message got = t.createConsumer(t.createQueue(q)).receive(10_000);
        assertThat(got.getIntProperty("p0")).isZero();
        assertThat(got.getStringProperty(WireCodec.PACKED_PROPERTIES_ATTRIBUTE)).isNotBlank();
        assertThat(got.propertyExists("p11")).isFalse();
    }

    @Test
    void theAwsLibraryReadsWhatWeWrite() throws JMSException {
        String q = newQueue();
        sendAll(ours, q);
        receiveAll(theirs, q);
    }
}
