package io.jmsaws.it;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.jboss.as.controller.client.ModelControllerClient;

import java.io.IOException;

/**
 * ElasticMQ started in the test's JVM on a free loopback port, with the server's {@code jmsaws.url}
 * pointing the resource adapter at it (the adapter reads it when it starts, so set it before
 * deploying the RAR). Closing removes the property and stops ElasticMQ.
 */
final class ElasticMqForAdapter implements AutoCloseable {
    private final SQSRestServer server;
    private final ModelControllerClient client;

    private ElasticMqForAdapter(SQSRestServer server, ModelControllerClient client) {
        this.server = server;
        this.client = client;
    }

    static ElasticMqForAdapter start(ModelControllerClient client) throws IOException {
        SQSRestServer server = startServer();
        try {
            ServerConfig.setSystemProperty(client, "jmsaws.url", adapterUrl(server));
        } catch (IOException | RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
        return new ElasticMqForAdapter(server, client);
    }

    /** ElasticMQ on a free loopback port, in this JVM (for any server's adapter). */
    static SQSRestServer startServer() {
        return SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
    }

    /** The adapter's connection URL for that ElasticMQ (short polls, so that an undeploy waits little). */
    static String adapterUrl(SQSRestServer server) {
        int port = server.waitUntilStarted().localAddress().getPort();
        return "aws://?region=us-east-1&endpoint=http://127.0.0.1:" + port + "&accessKeyId=test&secretAccessKey=test&waitTimeSeconds=2";
    }

    @Override
    public void close() throws IOException {
        try {
            ServerConfig.removeSystemProperty(client, "jmsaws.url");
        } finally {
            server.stopAndWait();
        }
    }
}
