package io.jmsaws.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every configuration option, by the one name shared by the connection URL, the factory's setters,
 * JNDI and (later) the resource adapter. Each option checks its own values.
 */
public enum Option {
    CLIENT_ID("clientID", null),
    PREFETCH("prefetch", "10"),
    WAIT_TIME_SECONDS("waitTimeSeconds", "20"),
    /** A receive() consumer that keeps reading has its next ReceiveMessage under way before it asks. */
    READ_AHEAD("readAhead", "true"),
    /** What a consumer holds and nobody takes goes back to the queue after this long (stopped consumers included). */
    IDLE_RELEASE_MILLIS("idleReleaseMillis", "5000"),
    /** Synchronous sends to one standard queue under way at once per connection; more share SendMessageBatch requests. */
    MAX_SENDS_IN_FLIGHT("maxSendsInFlight", "8"),
    /**
     * JMSXGroupID becomes the MessageGroupId of messages to standard queues and topics too: SQS's
     * fair queues (since July 2025) then share throughput between groups. Off: other providers'
     * users read JMSXGroupID as ordered groups, which a standard queue does not give.
     */
    FAIR_QUEUES("fairQueues", "false"),
    QUEUE_PREFIX("queuePrefix", ""),
    AUTO_CREATE("autoCreate", "true"),
    USERS("users", null),
    /** The factory's default identity for createConnection()/createContext() without credentials (the embedded backend's users). */
    USER("user", null),
    PASSWORD("password", null),
    REGION("region", "us-east-1"),
    ENDPOINT("endpoint", null),
    SNS_ENDPOINT("snsEndpoint", null),
    ACCESS_KEY_ID("accessKeyId", null),
    SECRET_ACCESS_KEY("secretAccessKey", null),
    TRUSTED_PACKAGES("trustedPackages", "java.lang,java.util,java.math,java.time,java.net"),
    /** S3 bucket for message bodies too large for their destination (wire-compatible with AWS's extended client); unset: no offload. */
    PAYLOAD_BUCKET("payloadBucket", null),
    /** Bodies of messages above this many bytes (encoded) go to S3; unset: only what the destination could not take. */
    PAYLOAD_THRESHOLD("payloadThreshold", null),
    /** Every body goes to S3. */
    PAYLOAD_ALWAYS("payloadAlways", "false"),
    /** A consumed queue message's S3 object is deleted after its DeleteMessage succeeded (never one that came through a topic). */
    PAYLOAD_DELETE("payloadDelete", "false"),
    PAYLOAD_KEY_PREFIX("payloadKeyPrefix", ""),
    /** Other buckets whose pointers a consumer may follow (comma-separated); any other pointer is delivered as it is. */
    PAYLOAD_BUCKETS("payloadBuckets", ""),
    S3_ENDPOINT("s3Endpoint", null),
    FIFO_DEFAULT_GROUP_ID("fifoDefaultGroupId", "default"),
    BATCH_WINDOW_MILLIS("batchWindowMillis", "20"),
    EXTEND_VISIBILITY("extendVisibility", "true"),
    /** Spans through OpenTelemetry when its API is on the class path (see README, Observability); false: none, and messages carry no trace context. */
    TRACING("tracing", "true"),
    MAX_ATTEMPTS("maxAttempts", "4"),
    REDELIVERY_DELAY("redeliveryDelay", "0"),
    REDELIVERY_BACKOFF("redeliveryBackoff", "2.0"),
    MAX_REDELIVERY_DELAY("maxRedeliveryDelay", "900000"),
    DELETED_QUEUE_COOLDOWN_SECONDS("deletedQueueCooldownSeconds", "60");

    private final String key;
    private final String defaultValue;

    Option(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return this == SECRET_ACCESS_KEY || this == USERS || this == PASSWORD;
    }

    /** The option of that name; an unknown name is an error that lists the known ones. */
    public static Option byKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) return o;
        }
        throw new IllegalArgumentException("unknown option '" + key + "'; the options are: "
                + Arrays.stream(values()).map(Option::key).collect(Collectors.joining(", ")));
    }

    /** Checks a value, with a message that names the option and the allowed range. */
    public void validate(String value) {
        switch (this) {
            case PREFETCH -> intRange(value, 1, 10);
            case WAIT_TIME_SECONDS -> intRange(value, 0, 20);
            case IDLE_RELEASE_MILLIS -> intRange(value, 100, 3_600_000);
            case MAX_SENDS_IN_FLIGHT -> intRange(value, 1, 64);
            case BATCH_WINDOW_MILLIS -> intRange(value, 0, 10_000);
            case MAX_ATTEMPTS -> intRange(value, 1, 20);
            case DELETED_QUEUE_COOLDOWN_SECONDS -> intRange(value, 0, 3600);
            case REDELIVERY_DELAY, MAX_REDELIVERY_DELAY -> longRange(value, 0, 43_200_000L);
            case REDELIVERY_BACKOFF -> {
                try {
                    double d = Double.parseDouble(value.trim());
                    if (d >= 1.0 && d <= 100.0) return;
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new IllegalArgumentException("option 'redeliveryBackoff' must be a number from 1.0 to 100.0, not '" + value + "'");
            }
            case PAYLOAD_THRESHOLD -> intRange(value, 0, 1_048_576);
            case AUTO_CREATE, EXTEND_VISIBILITY, TRACING, READ_AHEAD, FAIR_QUEUES, PAYLOAD_ALWAYS, PAYLOAD_DELETE -> {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw new IllegalArgumentException("option '" + key + "' must be true or false, not '" + value + "'");
                }
            }
            case USERS -> {
                for (String pair : value.split(",")) {
                    if (pair.indexOf(':') <= 0) {
                        throw new IllegalArgumentException("option 'users' takes name:password pairs separated by commas");
                    }
                }
            }
            default -> {
            }
        }
    }

    private void longRange(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option '" + key + "' must be a whole number of milliseconds from " + min + " to " + max
                + " (SQS's 12-hour visibility limit), not '" + value + "'");
    }

    private void intRange(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option '" + key + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
