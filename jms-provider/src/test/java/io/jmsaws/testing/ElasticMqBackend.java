package io.jmsaws.testing;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import java.net.URI;

/**
 * ElasticMQ 1.7 started in this JVM on a free loopback port, once for the whole test run (it
 * starts in 1.5–3 s), reached over real HTTP through the AWS SDK like AWS itself.
 */
public final class ElasticMqBackend implements TestBackend {
    private static SQSRestServer server;
    private static int port;
    private static SqsAsyncClient client;

    public static synchronized ElasticMqBackend get() {
        if (server == null) {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                    .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
            port = server.waitUntilStarted().localAddress().getPort();
            client = SqsAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.stopAndWait();
            }));
        }
        return new ElasticMqBackend();
    }

    public static String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "elasticmq";
    }

    @Override
    public String url(String extraOptions) {
        return "aws://?region=us-east-1&endpoint=" + endpoint() + "&accessKeyId=test&secretAccessKey=test"
                + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    @Override
    public SqsAsyncClient sqs() {
        return client;
    }
}
