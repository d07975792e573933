package io.jmsaws.aws;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import jakarta.jms.JMSException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The SQS and SNS clients of every connection with the same region, endpoints, credentials and
 * retries: one HTTP client, one event loop group, shared and counted. Building SDK clients costs
 * hundreds of milliseconds and threads; applications (and JmsTemplate-style code) open connections
 * far more often than that should be paid. The last connection to let go closes them.
 */
final class AwsClients {
    /** By {@link #keyOf}; guarded by itself. */
    private static Map<String, AwsClients> shared() {
        return io.jmsaws.util.ClassLoaderState.of(AwsClients.class, HashMap::new);
    }

    final SqsAsyncClient sqs;
    final SnsAsyncClient sns;
    /** For synchronous sends, which block their caller anyway: the Apache client costs less per request than netty. */
    final SqsClient blockingSqs;
    private final SdkAsyncHttpClient http;
    private final SdkEventLoopGroup loops;
    private final String key;
    private int users;

    private AwsClients(SqsAsyncClient sqs, SnsAsyncClient sns, SqsClient blockingSqs, SdkAsyncHttpClient http, SdkEventLoopGroup loops,
                       String key) {
        this.sqs = sqs;
        this.sns = sns;
        this.blockingSqs = blockingSqs;
        this.http = http;
        this.loops = loops;
        this.key = key;
    }

    /** The clients for this configuration and credentials, made on first use; {@link #release} when done. */
    static AwsClients acquire(JmsAwsConfig config, String user, String password) throws JMSException {
        String key = keyOf(config, user, password);
        synchronized (AwsClients.class) {
            AwsClients clients = shared().get(key);
            if (clients == null) {
                clients = create(config, user, password, key);
                shared().put(key, clients);
            }
            clients.users++;
            return clients;
        }
    }

    /**
     * One user fewer. {@code terminated} completes when this user's part is over: at once while
     * others use the clients; for the last one, once the clients are closed and their threads ended.
     */
    void release(CompletableFuture<Void> terminated) {
        synchronized (AwsClients.class) {
            if (--users > 0) {
                terminated.complete(null);
                return;
            }
            shared().remove(key, this); // not another instance registered under the key after a drop
        }
        sqs.close();
        sns.close();
        blockingSqs.close(); // closes its Apache client: no threads of its own (no idle-connection reaper)
        http.close();
        // the SDK does not stop an event loop group it was given: we do, and wait for it (see SqsTransport.awaitAllTerminated)
        loops.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> terminated.complete(null));
    }

    /**
     * The access key the connection was given: createConnection's user/password first, else the
     * configuration's; null means the SDK's default credentials chain.
     */
    private static AwsBasicCredentials givenCredentials(JmsAwsConfig config, String user, String password) {
        if (user != null) return AwsBasicCredentials.create(user, password == null ? "" : password);
        if (!config.isSet(Option.ACCESS_KEY_ID)) return null;
        String secret = config.get(Option.SECRET_ACCESS_KEY);
        return AwsBasicCredentials.create(config.get(Option.ACCESS_KEY_ID), secret == null ? "" : secret);
    }

    /** The given access key as a provider, else the SDK's default chain (the SQS/SNS clients and the S3 client of offloaded bodies). */
    static AwsCredentialsProvider credentialsProvider(JmsAwsConfig config, String user, String password) {
        AwsBasicCredentials given = givenCredentials(config, user, password);
        return given != null ? StaticCredentialsProvider.create(given) : DefaultCredentialsProvider.builder().build();
    }

    private static AwsClients create(JmsAwsConfig config, String user, String password, String key) throws JMSException {
        AwsCredentialsProvider credentials = credentialsProvider(config, user, password);
        SdkEventLoopGroup loops = SdkEventLoopGroup.builder().build();
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().maxConcurrency(256).eventLoopGroup(loops).build();
        try {
            Region region = Region.of(config.get(Option.REGION));
            var retry = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(config.getInt(Option.MAX_ATTEMPTS)).build();
            var sqsBuilder = SqsAsyncClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(c -> c.retryStrategy(retry));
            var snsBuilder = SnsAsyncClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                    .overrideConfiguration(c -> c.retryStrategy(retry));
            var blockingBuilder = SqsClient.builder().region(region).credentialsProvider(credentials)
                    .httpClient(ApacheHttpClient.builder().maxConnections(64).useIdleConnectionReaper(false).build())
                    .overrideConfiguration(c -> c.retryStrategy(retry));
            if (config.get(Option.ENDPOINT) != null) {
                sqsBuilder.endpointOverride(URI.create(config.get(Option.ENDPOINT)));
                blockingBuilder.endpointOverride(URI.create(config.get(Option.ENDPOINT)));
            }
            if (config.get(Option.SNS_ENDPOINT) != null) snsBuilder.endpointOverride(URI.create(config.get(Option.SNS_ENDPOINT)));
            return new AwsClients(sqsBuilder.build(), snsBuilder.build(), blockingBuilder.build(), http, loops, key);
        } catch (RuntimeException e) {
            http.close();
            loops.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS);
            JMSException je = new JMSException("cannot create the SQS/SNS clients for " + config + ": " + e.getMessage());
            je.initCause(e);
            throw je;
        }
    }

    /** What makes two connections' clients interchangeable; secrets enter only as a digest. */
    private static String keyOf(JmsAwsConfig config, String user, String password) {
        AwsBasicCredentials given = givenCredentials(config, user, password);
        String identity = given == null ? "default chain" : "key " + given.accessKeyId() + " " + digest(given.secretAccessKey());
        return String.join("|", config.get(Option.REGION), String.valueOf(config.get(Option.ENDPOINT)),
                String.valueOf(config.get(Option.SNS_ENDPOINT)), config.get(Option.MAX_ATTEMPTS), identity);
    }

    private static String digest(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
