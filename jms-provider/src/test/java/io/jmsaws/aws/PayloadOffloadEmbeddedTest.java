package io.jmsaws.aws;

import io.jmsaws.embedded.EmbeddedS3;
import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadOffloadEmbeddedTest extends PayloadOffloadContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("payloads");
    private static final String BUCKET = "bodies";

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    @Override
    protected String bucket() {
        return BUCKET; // any name works on embedded://
    }

    @Override
    protected boolean objectExists(String bucket, String key) {
        return EmbeddedS3.instance("payloads").exists(bucket, key);
    }

    @Override
    protected void putObject(String bucket, String key, String content) {
        EmbeddedS3.instance("payloads").client().putObject(b -> b.bucket(bucket).key(key),
                software.amazon.awssdk.core.async.AsyncRequestBody.fromString(content)).join();
    }

    @Override
    protected int objectsUnder(String prefix) {
        return EmbeddedS3.instance("payloads").objectCount(BUCKET, prefix);
    }

    /** Beyond SQS's 1 MiB: without a threshold only what the queue could not take goes to S3. */
    @Test
    void aThreeMebibyteMessageTravelsThroughS3() throws Exception {
        try (Connection c = BACKEND.factory("payloadBucket=" + BUCKET).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(unique("huge"));
            s.createProducer(q).send(s.createTextMessage("h".repeat(3 * 1024 * 1024)));
            MessageConsumer consumer = s.createConsumer(q);
            assertThat(((TextMessage) consumer.receive(10_000)).getText()).hasSize(3 * 1024 * 1024);
        }
    }
}
