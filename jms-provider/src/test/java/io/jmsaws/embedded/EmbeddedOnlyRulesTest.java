package io.jmsaws.embedded;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AWS rules ElasticMQ does not enforce, which the embedded backend does (DESIGN.md, "SQS/SNS traps"). */
class EmbeddedOnlyRulesTest {
    @Test
    void aDeletedQueueNameCannotBeReusedForSixtySeconds() {
        EmbeddedSqs server = EmbeddedSqs.instance("cooldown");
        EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(server);
        String url = sqs.createQueue(b -> b.queueName("reused")).join().queueUrl();
        sqs.deleteQueue(b -> b.queueUrl(url)).join();
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("reused")).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(QueueDeletedRecentlyException.class);
        server.setDeletedQueueCooldownMillis(0);
        assertThat(sqs.createQueue(b -> b.queueName("reused")).join().queueUrl()).isEqualTo(url);
    }

    @Test
    void queueNamesFollowSqsRules() {
        EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(EmbeddedSqs.instance("names"));
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("has space")).join()).hasMessageContaining("alphanumeric");
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("x".repeat(81))).join()).hasMessageContaining("80");
        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("nofifoattr.fifo")).join()).hasMessageContaining("FifoQueue");
    }

    @Test
    void anOutdatedReceiptHandleSucceedsWithoutDeleting() {
        EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(EmbeddedSqs.instance("stale"));
        String url = sqs.createQueue(b -> b.queueName("stale")).join().queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")).join();
        String first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).join().messages().get(0).receiptHandle();
        String second = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).join().messages().get(0).receiptHandle();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(first)).join();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).join().messages()).hasSize(1);
        assertThat(second).isNotEqualTo(first);
    }

    /** ElasticMQ accepts any size up to its global limit; AWS enforces each queue's MaximumMessageSize. */
    @Test
    void aMessageOverTheQueuesMaximumMessageSizeIsRefused() {
        EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(EmbeddedSqs.instance("sizes"));
        String url = sqs.createQueue(b -> b.queueName("small").attributesWithStrings(java.util.Map.of("MaximumMessageSize", "1024")))
                .join().queueUrl();
        assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1025))).join())
                .hasMessageContaining("shorter than 1024 bytes");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(1000))).join();
    }

    @Test
    void requestsAreCountedPerOperation() {
        EmbeddedSqs server = EmbeddedSqs.instance("counting");
        server.reset();
        EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(server);
        String url = sqs.createQueue(b -> b.queueName("counted")).join().queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")).join();
        sqs.receiveMessage(b -> b.queueUrl(url)).join();
        assertThat(server.requestCount(EmbeddedSqs.Operation.SendMessage)).isEqualTo(1);
        assertThat(server.requestCount(EmbeddedSqs.Operation.ReceiveMessage)).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(3);
    }
}
