package io.jmsaws.aws;

import io.jmsaws.limits.SqsLimits;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.wire.OutboundMessage;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Asynchronous publishes (a CompletionListener's sends) to standard topics, gathered into
 * PublishBatch requests the way the SDK's batch manager gathers asynchronous sends to a queue: a
 * topic's batch goes out when it holds 10 entries, when the next entry would take it past the
 * publish limit, or {@code batchWindowMillis} after its first entry. An entry SNS fails on its side
 * goes into a later batch, up to {@link SqsTransport#ENTRY_ATTEMPTS} attempts; one failed as the
 * sender's fault, or out of attempts, fails its send. FIFO topics never come here: their sends go
 * out one after the other, in order.
 */
final class PublishBuffer {
    private final SnsAsyncClient sns;
    private final ScheduledExecutorService scheduler;
    private final long windowMillis;
    /** Registers a request among those the transport's close waits for. */
    private final UnaryOperator<CompletableFuture<PublishBatchResponse>> track;
    /** The batch being filled, by topic ARN. Guarded by this. */
    private final Map<String, Batch> filling = new HashMap<>();
    /** flushAll ran (the transport closes): nothing waits for a timer any more. Guarded by this. */
    private boolean flushed;

    private static final class Entry {
        final OutboundMessage message;
        final CompletableFuture<String> messageId = new CompletableFuture<>();
        int attempts;

        Entry(OutboundMessage message) {
            this.message = message;
        }
    }

    private static final class Batch {
        final TopicInfo topic;
        final List<Entry> entries = new ArrayList<>();
        int bytes;
        ScheduledFuture<?> timer;

        Batch(TopicInfo topic) {
            this.topic = topic;
        }
    }

    PublishBuffer(SnsAsyncClient sns, ScheduledExecutorService scheduler, long windowMillis,
                  UnaryOperator<CompletableFuture<PublishBatchResponse>> track) {
        this.sns = sns;
        this.scheduler = scheduler;
        this.windowMillis = Math.max(1, windowMillis);
        this.track = track;
    }

    /** Publishes {@code m} in a batch; the future holds SNS's message id. */
    CompletableFuture<String> publish(TopicInfo t, OutboundMessage m) {
        Entry e = new Entry(m);
        add(t, e);
        return e.messageId;
    }

    private void add(TopicInfo t, Entry e) {
        List<Batch> ready = new ArrayList<>(2);
        synchronized (this) {
            if (flushed) {
                // closing (an entry SNS failed, tried again after flushAll): no timer would send it, so it goes now
                Batch alone = new Batch(t);
                alone.entries.add(e);
                ready.add(alone);
            } else {
                Batch b = filling.get(t.arn());
                if (b != null && b.bytes + e.message.encodedSize() > t.maxMessageSize()) {
                    ready.add(take(t.arn()));
                    b = null;
                }
                if (b == null) b = start(t);
                b.entries.add(e);
                b.bytes += e.message.encodedSize();
                if (b.entries.size() == SqsLimits.MAX_BATCH_ENTRIES) ready.add(take(t.arn()));
            }
        }
        ready.forEach(this::send);
    }

    /** A new batch for the topic, sent when its window ends. Call with the monitor held. */
    private Batch start(TopicInfo t) {
        Batch fresh = new Batch(t);
        filling.put(t.arn(), fresh);
        try {
            fresh.timer = scheduler.schedule(() -> flush(fresh), windowMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            fresh.timer = null; // the scheduler stopped: the transport's close sends it (flushAll)
        }
        return fresh;
    }

    /** Removes the topic's filling batch. Call with the monitor held. */
    private Batch take(String arn) {
        Batch b = filling.remove(arn);
        if (b.timer != null) b.timer.cancel(false);
        return b;
    }

    /** The window of {@code b} ran out: it goes out as it is, unless it went out full meanwhile. */
    private void flush(Batch b) {
        synchronized (this) {
            if (filling.get(b.topic.arn()) != b) return;
            filling.remove(b.topic.arn());
        }
        send(b);
    }

    /** Sends every batch being filled (the transport closes). */
    void flushAll() {
        List<Batch> all;
        synchronized (this) {
            flushed = true;
            all = new ArrayList<>(filling.values());
            all.forEach(b -> {
                if (b.timer != null) b.timer.cancel(false);
            });
            filling.clear();
        }
        all.forEach(this::send);
    }

    private void send(Batch b) {
        List<PublishBatchRequestEntry> request = new ArrayList<>(b.entries.size());
        for (int i = 0; i < b.entries.size(); i++) request.add(SnsPublisher.batchEntry(Integer.toString(i), b.entries.get(i).message));
        CompletableFuture<PublishBatchResponse> call;
        try {
            call = track.apply(sns.publishBatch(r -> r.topicArn(b.topic.arn()).publishBatchRequestEntries(request)));
        } catch (RuntimeException | Error e) {
            call = CompletableFuture.failedFuture(e); // the request could not even be made
        }
        call.whenComplete((r, error) -> {
            if (error != null) {
                for (Entry e : b.entries) e.messageId.completeExceptionally(error);
                return;
            }
            answered(b, r);
        });
    }

    /** Completes each entry of {@code b} as SNS answered it; what SNS failed on its side is tried again. */
    private void answered(Batch b, PublishBatchResponse r) {
        boolean[] settled = new boolean[b.entries.size()];
        for (PublishBatchResultEntry ok : r.successful()) {
            int i = Integer.parseInt(ok.id());
            settled[i] = true;
            b.entries.get(i).messageId.complete(ok.messageId());
        }
        for (BatchResultErrorEntry f : r.failed()) {
            int i = Integer.parseInt(f.id());
            settled[i] = true;
            Entry e = b.entries.get(i);
            e.attempts++;
            if (!Boolean.TRUE.equals(f.senderFault()) && e.attempts < SqsTransport.ENTRY_ATTEMPTS) {
                add(b.topic, e);
            } else {
                e.messageId.completeExceptionally(new JMSException("PublishBatch on " + b.topic + " failed for this message after "
                        + e.attempts + " attempt(s): " + f.code() + ": " + f.message(), f.code()));
            }
        }
        for (int i = 0; i < settled.length; i++) {
            if (!settled[i]) {
                b.entries.get(i).messageId.completeExceptionally(new JMSException("PublishBatch on " + b.topic
                        + " returned no result for this message; it may or may not have been published"));
            }
        }
    }
}
