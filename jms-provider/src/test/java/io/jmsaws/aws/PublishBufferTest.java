package io.jmsaws.aws;

import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.wire.OutboundMessage;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How asynchronous publishes are gathered into PublishBatch requests, and what becomes of entries
 * SNS fails one by one — answers no server gives on demand, so the SNS client is a stand-in that
 * records each request and answers as told. (That they arrive, end to end, TopicBehaviourContract
 * checks on the embedded backend and fauxqs.)
 */
class PublishBufferTest {
    private static final TopicInfo TOPIC = new TopicInfo(new JmsAwsTopic("prices"), "arn:aws:sns:us-east-1:000000000000:prices", false,
            "default");
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<PublishBatchRequest> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private PublishBuffer buffer(long windowMillis, Function<PublishBatchRequest, PublishBatchResponse> answer) {
        SnsAsyncClient sns = (SnsAsyncClient) Proxy.newProxyInstance(SnsAsyncClient.class.getClassLoader(), new Class<?>[] {SnsAsyncClient.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("publishBatch")) throw new UnsupportedOperationException(method.getName());
                    PublishBatchRequest r;
                    if (args[0] instanceof PublishBatchRequest given) {
                        r = given;
                    } else { // the overload taking a Consumer of the builder
                        PublishBatchRequest.Builder b = PublishBatchRequest.builder();
                        @SuppressWarnings("unchecked")
                        var fill = (java.util.function.Consumer<PublishBatchRequest.Builder>) args[0];
                        fill.accept(b);
                        r = b.build();
                    }
                    requests.add(r);
                    return CompletableFuture.supplyAsync(() -> answer.apply(r));
                });
        return new PublishBuffer(sns, scheduler, windowMillis, f -> f);
    }

    private static OutboundMessage message(int n) {
        return new OutboundMessage("body " + n, Map.of(), null, null, 0, 10, null);
    }

    private static PublishBatchResponse allPublished(PublishBatchRequest r) {
        return PublishBatchResponse.builder().successful(r.publishBatchRequestEntries().stream()
                .map(e -> software.amazon.awssdk.services.sns.model.PublishBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id()).build())
                .toList()).build();
    }

    @Test
    void publishesGoOutTenPerRequestAndTheRestWhenTheWindowEnds() throws Exception {
        PublishBuffer buffer = buffer(100, PublishBufferTest::allPublished);
        List<CompletableFuture<String>> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) ids.add(buffer.publish(TOPIC, message(i)));
        CompletableFuture.allOf(ids.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.SECONDS);
        assertThat(requests).extracting(r -> r.publishBatchRequestEntries().size()).containsExactly(10, 10, 5);
        assertThat(requests).allSatisfy(r -> assertThat(r.topicArn()).isEqualTo(TOPIC.arn()));
    }

    @Test
    void flushingSendsWhatIsGatheringAtOnce() throws Exception {
        PublishBuffer buffer = buffer(60_000, PublishBufferTest::allPublished);
        CompletableFuture<String> id = buffer.publish(TOPIC, message(0));
        buffer.flushAll();
        assertThat(id.get(5, TimeUnit.SECONDS)).isEqualTo("m-0");
    }

    @Test
    void anEntrySnsFailedOnItsSideIsPublishedAgainAndOneFailedAsTheSendersFaultFailsItsSend() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        PublishBuffer buffer = buffer(50, r -> {
            if (calls.incrementAndGet() > 1) return allPublished(r);
            return PublishBatchResponse.builder()
                    .successful(b -> b.id("0").messageId("ok"))
                    .failed(b -> b.id("1").code("InternalError").message("try again").senderFault(false),
                            b -> b.id("2").code("InvalidParameter").message("bad attribute").senderFault(true)).build();
        });
        CompletableFuture<String> ok = buffer.publish(TOPIC, message(0));
        CompletableFuture<String> retried = buffer.publish(TOPIC, message(1));
        CompletableFuture<String> refused = buffer.publish(TOPIC, message(2));
        assertThat(ok.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(retried.get(5, TimeUnit.SECONDS)).as("published by the second request").startsWith("m-");
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JMSException.class).hasMessageContaining("InvalidParameter");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).publishBatchRequestEntries()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("body 1"));
    }
}
