package io.jmsaws.aws;

import com.amazon.sqs.javamessaging.AmazonSQSExtendedClient;
import com.amazon.sqs.javamessaging.ExtendedClientConfiguration;
import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.FauxqsBackend;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offloaded bodies between jms-aws and AWS's extended client ({@code amazon-sqs-java-extended-client-lib}
 * 2.1.1), both directions and both size-attribute names, over fauxqs's SQS and S3.
 */
class PayloadOffloadInteropTest {
    private static final String BUCKET = "jms-aws-interop";
    private static S3Client s3;
    private static SqsClient sqs;

    @BeforeAll
    static void clients() {
        FauxqsBackend.get();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        URI endpoint = URI.create(FauxqsBackend.endpoint());
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true).credentialsProvider(credentials).build();
        sqs = SqsClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint).credentialsProvider(credentials).build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        s3.close();
        sqs.close();
    }

    private static JmsAwsConnectionFactory ours(String extra) {
        return new JmsAwsConnectionFactory(FauxqsBackend.get().url("payloadBucket=" + BUCKET + "&s3Endpoint=" + FauxqsBackend.endpoint()
                + (extra.isEmpty() ? "" : "&" + extra)));
    }

    private static String queue(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        sqs.createQueue(b -> b.queueName(name));
        return name;
    }

    @Test
    void whatTheExtendedClientOffloadsArrivesWholeWithEitherSizeAttribute() throws Exception {
        String name = queue("from-extended");
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        String legacyBody = "L".repeat(300_000);
        String modernBody = "M".repeat(300_000);
        // SQSLargePayloadSize (its default) and ExtendedPayloadSize (its legacy reserved name disabled)
        // (not closed: closing an extended client closes the SQS and S3 clients it wraps)
        var legacy = new AmazonSQSExtendedClient(sqs, new ExtendedClientConfiguration().withPayloadSupportEnabled(s3, BUCKET));
        var modern = new AmazonSQSExtendedClient(sqs, new ExtendedClientConfiguration().withPayloadSupportEnabled(s3, BUCKET)
                .withLegacyReservedAttributeNameDisabled());
        legacy.sendMessage(b -> b.queueUrl(url).messageBody(legacyBody));
        modern.sendMessage(b -> b.queueUrl(url).messageBody(modernBody));
        try (Connection c = ours("").createConnection()) {
            c.start();
            Session s = c.createSession();
            MessageConsumer consumer = s.createConsumer(s.createQueue(name));
            List<String> got = List.of(((TextMessage) consumer.receive(10_000)).getText(), ((TextMessage) consumer.receive(10_000)).getText());
            assertThat(got).containsExactlyInAnyOrder(legacyBody, modernBody);
        }
    }

    @Test
    void whatJmsAwsOffloadsTheExtendedClientReads() throws Exception {
        String name = queue("to-extended");
        String body = "J".repeat(50_000);
        try (Connection c = ours("payloadAlways=true").createConnection()) {
            Session s = c.createSession();
            s.createProducer(s.createQueue(name)).send(s.createTextMessage(body));
        }
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        var extended = new AmazonSQSExtendedClient(sqs, new ExtendedClientConfiguration().withPayloadSupportEnabled(s3, BUCKET));
        List<Message> got = extended.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5).messageAttributeNames("All")).messages();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).body()).isEqualTo(body);
    }

    /** How users send large JMS messages today: AWS's JMS library on top of the extended client. */
    @Test
    void awsJmsLibraryOnTheExtendedClientAndJmsAwsExchangeLargeTextMessagesBothWays() throws Exception {
        String toUs = queue("lib-to-us");
        String toThem = queue("us-to-lib");
        var extended = new AmazonSQSExtendedClient(sqs, new ExtendedClientConfiguration().withPayloadSupportEnabled(s3, BUCKET));
        jakarta.jms.Connection theirs = new com.amazon.sqs.javamessaging.SQSConnectionFactory(
                new com.amazon.sqs.javamessaging.ProviderConfiguration(), extended).createConnection();
        try (Connection c = ours("").createConnection()) {
            c.start();
            theirs.start();
            Session their = theirs.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session our = c.createSession();
            String big = "A".repeat(400_000);
            TextMessage sent = their.createTextMessage(big);
            sent.setStringProperty("customer", "c-42");
            their.createProducer(their.createQueue(toUs)).send(sent);
            TextMessage got = (TextMessage) our.createConsumer(our.createQueue(toUs)).receive(10_000);
            assertThat(got.getText()).isEqualTo(big);
            assertThat(got.getStringProperty("customer")).isEqualTo("c-42");

            String back = "B".repeat(1_200_000); // over SQS's 1 MiB: only through S3
            our.createProducer(our.createQueue(toThem)).send(our.createTextMessage(back));
            TextMessage theirGot = (TextMessage) their.createConsumer(their.createQueue(toThem)).receive(10_000);
            assertThat(theirGot.getText()).isEqualTo(back);
        } finally {
            theirs.stop(); // not close(): it would close the SQS client the other tests share
        }
    }
}
