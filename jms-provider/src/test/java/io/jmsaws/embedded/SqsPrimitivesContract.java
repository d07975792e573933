package io.jmsaws.embedded;

import io.jmsaws.testing.TestBackend;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQS behaviours the provider relies on, checked on the embedded backend and on ElasticMQ with the
 * same assertions, so the embedded backend cannot drift from a third-party implementation.
 */
abstract class SqsPrimitivesContract {
    protected abstract TestBackend backend();

    private SqsAsyncClient sqs() {
        return backend().sqs();
    }

    private String queue(String prefix, Map<QueueAttributeName, String> attrs) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + (attrs.containsKey(QueueAttributeName.FIFO_QUEUE) ? ".fifo" : "");
        return sqs().createQueue(b -> b.queueName(name).attributes(attrs)).join().queueUrl();
    }

    private String standard(String prefix) {
        return queue(prefix, Map.of());
    }

    private String fifo(String prefix, boolean contentBased) {
        return queue(prefix, Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(contentBased)));
    }

    private List<Message> receive(String url, int max, Integer visibility) {
        return sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max).visibilityTimeout(visibility).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).join().messages();
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Test
    void typedAttributesRoundTrip() {
        String url = standard("attrs");
        Map<String, MessageAttributeValue> attrs = new HashMap<>();
        attrs.put("s", MessageAttributeValue.builder().dataType("String").stringValue("text").build());
        attrs.put("n", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build());
        attrs.put("b", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[]{1, 2, 3})).build());
        sqs().sendMessage(b -> b.queueUrl(url).messageBody("body").messageAttributes(attrs)).join();
        Message m = receive(url, 1, null).get(0);
        assertThat(m.body()).isEqualTo("body");
        assertThat(m.messageAttributes().get("s").stringValue()).isEqualTo("text");
        assertThat(m.messageAttributes().get("n").dataType()).isEqualTo("Number.int");
        assertThat(m.messageAttributes().get("n").stringValue()).isEqualTo("42");
        assertThat(m.messageAttributes().get("b").binaryValue().asByteArray()).containsExactly(1, 2, 3);
        assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("1");
        assertThat(m.attributes()).containsKey(MessageSystemAttributeName.SENT_TIMESTAMP);
    }

    @Test
    void receivedMessageIsInvisibleUntilItsTimeoutThenCountsAgain() throws Exception {
        String url = standard("visibility");
        sqs().sendMessage(b -> b.queueUrl(url).messageBody("v")).join();
        assertThat(receive(url, 1, 1)).hasSize(1);
        assertThat(receive(url, 1, 1)).isEmpty();
        Thread.sleep(1500);
        List<Message> again = receive(url, 1, 30);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
    }

    @Test
    void visibilityZeroReleasesAtOnceAndDeleteRemoves() {
        String url = standard("release");
        sqs().sendMessage(b -> b.queueUrl(url).messageBody("r")).join();
        Message m = receive(url, 1, 60).get(0);
        sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0)).join();
        Message again = receive(url, 1, 60).get(0);
        assertThat(again.messageId()).isEqualTo(m.messageId());
        sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(again.receiptHandle())).join();
        sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(0))
                .handle((r, e) -> null).join();
        assertThat(receive(url, 10, 0)).isEmpty();
    }

    @Test
    void delaySecondsHidesAMessage() throws Exception {
        String url = standard("delay");
        sqs().sendMessage(b -> b.queueUrl(url).messageBody("d").delaySeconds(1)).join();
        assertThat(receive(url, 1, null)).isEmpty();
        Thread.sleep(1300);
        assertThat(receive(url, 1, null)).hasSize(1);
    }

    @Test
    void longPollReturnsWhenAMessageArrives() {
        String url = standard("longpoll");
        long start = System.nanoTime();
        CompletableFuture<ReceiveMessageResponse> poll = sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10));
        CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> sqs().sendMessage(b -> b.queueUrl(url).messageBody("late")).join());
        assertThat(poll.join().messages()).extracting(Message::body).containsExactly("late");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void fifoGroupWaitsBehindItsMessageInFlight() {
        String url = fifo("groups", false);
        send(url, "a1", "A", "d1");
        send(url, "a2", "A", "d2");
        send(url, "b1", "B", "d3");
        Message first = receive(url, 1, 30).get(0);
        assertThat(first.body()).isEqualTo("a1");
        assertThat(first.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("A");
        assertThat(first.attributes()).containsKey(MessageSystemAttributeName.SEQUENCE_NUMBER);
        List<Message> next = receive(url, 10, 30);
        assertThat(next).extracting(Message::body).containsExactly("b1");
        sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(first.receiptHandle())).join();
        assertThat(receive(url, 10, 30)).extracting(Message::body).containsExactly("a2");
    }

    @Test
    void fifoDeduplicatesByIdAndByContent() {
        String byId = fifo("dedup", false);
        send(byId, "one", "G", "same");
        send(byId, "two", "G", "same");
        assertThat(receive(byId, 10, 30)).extracting(Message::body).containsExactly("one");

        String byContent = fifo("content", true);
        sqs().sendMessage(b -> b.queueUrl(byContent).messageBody("x").messageGroupId("G")).join();
        sqs().sendMessage(b -> b.queueUrl(byContent).messageBody("x").messageGroupId("G")).join();
        sqs().sendMessage(b -> b.queueUrl(byContent).messageBody("y").messageGroupId("G")).join();
        assertThat(receive(byContent, 10, 30)).extracting(Message::body).containsExactly("x", "y");
    }

    @Test
    void fifoNeedsAGroupAndADeduplicationId() {
        String url = fifo("needs", false);
        assertThatThrownBy(() -> sqs().sendMessage(b -> b.queueUrl(url).messageBody("x").messageDeduplicationId("d")).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(SqsException.class));
        assertThatThrownBy(() -> sqs().sendMessage(b -> b.queueUrl(url).messageBody("x").messageGroupId("g")).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(SqsException.class));
    }

    private void send(String url, String body, String group, String dedup) {
        sqs().sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId(group).messageDeduplicationId(dedup)).join();
    }

    @Test
    void redriveMovesAMessageToTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        String dlq = standard("dlq");
        String dlqArn = sqs().getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN)).join()
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String src = queue("src", Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
        sqs().sendMessage(b -> b.queueUrl(src).messageBody("poison").messageAttributes(Map.of("k",
                MessageAttributeValue.builder().dataType("String").stringValue("v").build()))).join();
        for (int i = 1; i <= 2; i++) {
            Message m = receive(src, 1, 0).get(0);
            assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo(Integer.toString(i));
        }
        assertThat(receive(src, 1, 0)).isEmpty(); // the third receive moves it instead
        List<Message> dead = List.of();
        for (int i = 0; i < 20 && dead.isEmpty(); i++) {
            dead = receive(dlq, 1, 30);
            if (dead.isEmpty()) Thread.sleep(100);
        }
        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(dead.get(0).messageAttributes().get("k").stringValue()).isEqualTo("v");
        assertThat(sqs().listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).join().queueUrls()).containsExactly(src);
    }

    @Test
    void batchesTakeAtMostTenDistinctEntries() {
        String url = standard("batch");
        List<SendMessageBatchRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m" + i).build());
        assertThatThrownBy(() -> sqs().sendMessageBatch(b -> b.queueUrl(url).entries(eleven)).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(TooManyEntriesInBatchRequestException.class));
        assertThatThrownBy(() -> sqs().sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("x").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("x").messageBody("2").build())).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(BatchEntryIdsNotDistinctException.class));
        SendMessageBatchResponse ok = sqs().sendMessageBatch(b -> b.queueUrl(url).entries(eleven.subList(0, 10))).join();
        assertThat(ok.successful()).hasSize(10);
        assertThat(receive(url, 10, 30).size() + receive(url, 10, 30).size()).isEqualTo(10);
    }

    @Test
    void unknownQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs().getQueueUrl(b -> b.queueName("no-such-queue-" + UUID.randomUUID())).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(QueueDoesNotExistException.class));
    }

    @Test
    void moreThanTenAttributesIsRefused() {
        String url = standard("eleven");
        Map<String, MessageAttributeValue> attrs = new HashMap<>();
        for (int i = 0; i < 11; i++) attrs.put("a" + i, MessageAttributeValue.builder().dataType("String").stringValue("v").build());
        assertThatThrownBy(() -> sqs().sendMessage(b -> b.queueUrl(url).messageBody("x").messageAttributes(attrs)).join())
                .satisfies(t -> assertThat(cause(t)).isInstanceOf(SqsException.class));
    }

    @Test
    void tagsAreKept() {
        String url = standard("tags");
        sqs().tagQueue(b -> b.queueUrl(url).tags(Map.of("owner", "me"))).join();
        assertThat(sqs().listQueueTags(b -> b.queueUrl(url)).join().tags()).containsEntry("owner", "me");
    }
}
