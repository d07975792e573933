package io.jmsaws.aws;

import io.jmsaws.wire.OutboundMessage;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Senders waiting in line behind a request are never left waiting for ever: when the request
 * that carries them throws an Error, or SQS's answer names no result for an entry, each of them
 * gets a failure. A fake SQS, because neither fault can be asked of a server.
 */
class SendCoalescerFaultTest {
    private static final String QUEUE = "http://sqs.local/000000000000/q";

    /** The first send blocks until released; the batch that follows is answered by {@code batch}. */
    private static final class FakeSqs implements SendCoalescer.BlockingSqs {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final java.util.function.Function<SendMessageBatchRequest, SendMessageBatchResponse> batch;

        FakeSqs(java.util.function.Function<SendMessageBatchRequest, SendMessageBatchResponse> batch) {
            this.batch = batch;
        }

        @Override
        public SendMessageResponse send(SendMessageRequest request) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendMessageResponse.builder().messageId("lone").build();
        }

        @Override
        public SendMessageBatchResponse sendBatch(SendMessageBatchRequest request) {
            return batch.apply(request);
        }
    }

    private static OutboundMessage message(int n) {
        return new OutboundMessage("body " + n, Map.of(), null, null, 0, 10, null);
    }

    /** One lone send under way, three senders in line behind it, then the batch carrying those three fails as given. */
    private static List<Throwable> sendThreeBehindOne(FakeSqs sqs) throws Exception {
        SendCoalescer coalescer = new SendCoalescer(sqs, 1);
        CompletableFuture<SendMessageResponse> lone = CompletableFuture.supplyAsync(() -> coalescer.send(QUEUE, message(0)).join());
        assertThat(sqs.entered.await(10, TimeUnit.SECONDS)).as("the lone send is under way").isTrue();
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<SendMessageResponse>> behind = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            CompletableFuture<SendMessageResponse> outcome = new CompletableFuture<>();
            behind.add(outcome);
            Thread t = new Thread(() -> {
                try {
                    coalescer.send(QUEUE, message(n)).whenComplete((r, e) -> {
                        if (e != null) outcome.completeExceptionally(e);
                        else outcome.complete(r);
                    });
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            });
            threads.add(t);
            t.start();
        }
        // all three wait in line (blocked on their outcome) before the lone send returns
        await().atMost(10, TimeUnit.SECONDS).until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        sqs.release.countDown();
        assertThat(lone.get(10, TimeUnit.SECONDS).messageId()).isEqualTo("lone");
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<SendMessageResponse> f : behind) {
            try {
                f.get(10, TimeUnit.SECONDS); // a sender still waiting after this is one left waiting for ever
                failures.add(null);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }

    @Test
    void anErrorThrownByTheBatchRequestFailsEverySenderItCarried() throws Exception {
        List<Throwable> failures = sendThreeBehindOne(new FakeSqs(r -> {
            throw new StackOverflowError("forced");
        }));
        assertThat(failures).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(StackOverflowError.class));
    }

    @Test
    void anAnswerThatNamesNoResultForAnEntryFailsThatSender() throws Exception {
        List<Throwable> failures = sendThreeBehindOne(new FakeSqs(r -> SendMessageBatchResponse.builder()
                .successful(b -> b.id("0").messageId("a"), b -> b.id("1").messageId("b")).build()));
        assertThat(failures).hasSize(3).filteredOn(java.util.Objects::isNull).as("senders whose entries succeeded").hasSize(2);
        assertThat(failures).filteredOn(java.util.Objects::nonNull).singleElement()
                .satisfies(e -> assertThat(e).hasMessageContaining("returned no result for this message"));
    }
}
