package io.jmsaws;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.embedded.EmbeddedSnsAsyncClient;
import io.jmsaws.embedded.EmbeddedS3;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import io.jmsaws.aws.SqsProvider;
import io.jmsaws.aws.SqsTransport;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import io.jmsaws.provider.Provider;
import io.jmsaws.telemetry.Telemetry;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

import java.util.Map;

/**
 * Configuration → backend: the embedded backend (checking its users) or AWS and compatible
 * endpoints. The one place that knows both, so the transport never sees the embedded classes.
 */
public final class Backends {
    private Backends() {
    }

    /**
     * Opens the backend named by the configuration. Against AWS, {@code user}/{@code password} are an
     * access key id and secret; against the embedded backend they are checked against the
     * {@code users} option when it is set.
     */
    public static Provider open(JmsAwsConfig config, String user, String password, Telemetry telemetry) throws JMSException {
        // offloaded bodies (payloadBucket) on embedded:// go to the instance's in-memory S3; elsewhere the SDK's S3 client
        S3AsyncClient s3 = config.backend() == JmsAwsConfig.Backend.EMBEDDED && config.isSet(Option.PAYLOAD_BUCKET)
                ? EmbeddedS3.instance(config.embeddedName()).client() : null;
        return new SqsProvider(config, openTransport(config, user, password, telemetry), s3);
    }

    /** The transport for SQS-level tools (the dead-letter admin): requests counted, not traced. */
    public static SqsTransport openTransport(JmsAwsConfig config, String user, String password) throws JMSException {
        return openTransport(config, user, password, Telemetry.untraced());
    }

    private static SqsTransport openTransport(JmsAwsConfig config, String user, String password, Telemetry telemetry) throws JMSException {
        if (config.backend() != JmsAwsConfig.Backend.EMBEDDED) return SqsTransport.aws(config, user, password, telemetry);
        if (user == null) {
            // the factory's default identity: user/password, or the access key options (which AWS uses the same way)
            user = config.isSet(Option.USER) ? config.get(Option.USER) : config.get(Option.ACCESS_KEY_ID);
            password = config.isSet(Option.USER) ? config.get(Option.PASSWORD) : config.get(Option.SECRET_ACCESS_KEY);
        }
        Map<String, String> users = config.users();
        if (!users.isEmpty() && (user == null || !users.containsKey(user) || !users.get(user).equals(password))) {
            throw new JMSSecurityException("connection refused: unknown user or wrong password"
                    + (user == null ? " (no credentials given, and the embedded instance '" + config.embeddedName()
                    + "' has users configured: pass them to createConnection(user, password), or set the factory's user and password options)"
                    : " for user '" + user + "'"));
        }
        EmbeddedSqs server = EmbeddedSqs.instance(config.embeddedName());
        if (config.isSet(Option.DELETED_QUEUE_COOLDOWN_SECONDS)) {
            server.setDeletedQueueCooldownMillis(config.getInt(Option.DELETED_QUEUE_COOLDOWN_SECONDS) * 1000L);
        }
        return SqsTransport.inProcess(config, new EmbeddedSqsAsyncClient(server), new EmbeddedSnsAsyncClient(server), telemetry);
    }
}
