package io.jmsaws.aws;

import io.jmsaws.provider.TopicInfo;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.limits.SqsLimits;
import io.jmsaws.telemetry.Telemetry;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's way to SQS: the async client (AWS, any compatible endpoint, or the embedded
 * backend), the SDK's {@link SqsAsyncBatchManager} for requests that may wait a little (deletes,
 * visibility changes, asynchronous and concurrent sends), and direct batch requests where the
 * provider already holds the whole batch (transaction commit, client acknowledge).
 */
public final class SqsTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsTransport.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Attempts for the entries of a batch that SQS failed one by one (the SDK retries whole requests itself). */
    static final int ENTRY_ATTEMPTS = 4;

    private final SqsAsyncClient sqs;
    private final SnsAsyncClient sns;
    /** On AWS, the synchronous client for senders that block anyway; else null. */
    private final software.amazon.awssdk.services.sqs.SqsClient blockingSqs;
    private final Telemetry telemetry;
    /** The shared AWS clients this transport uses, or null (embedded backend, or a client someone else owns). */
    private final AwsClients shared;
    private final SqsAsyncBatchManager batches;
    private final SendCoalescer coalescer;
    private final ScheduledExecutorService scheduler;
    private final QueueDirectory directory;
    private final TopicDirectory topics;
    private final SnsPublisher publisher;
    private final String description;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    /** ReceiveMessage calls under way with what handles their answer: close waits for them (see close). */
    private final Set<CompletableFuture<?>> receiveWork = ConcurrentHashMap.newKeySet();
    private final boolean cancelsReceives;
    /** The termination of every transport whose threads may still run: see {@link #awaitAllTerminated}. */
    private static Set<CompletableFuture<Void>> unterminated() {
        return io.jmsaws.util.ClassLoaderState.of(SqsTransport.class, ConcurrentHashMap::newKeySet);
    }
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private SqsTransport(SqsAsyncClient sqs, SnsAsyncClient sns, AwsClients shared, JmsAwsConfig config, Capabilities capabilities,
                         Telemetry telemetry) {
        unterminated().add(terminated);
        terminated.whenComplete((r, e) -> unterminated().remove(terminated));
        this.telemetry = telemetry;
        this.sqs = InstrumentedClients.sqs(sqs, telemetry); // every request counted; sends and receives traced
        this.sns = InstrumentedClients.sns(sns, telemetry);
        this.blockingSqs = shared == null ? null : InstrumentedClients.sqs(shared.blockingSqs, telemetry);
        this.shared = shared;
        this.cancelsReceives = capabilities.cancelsReceives();
        this.description = config.toString();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jms-aws-timer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // batch flush timers are cancelled all the time (a batch filled up): drop them at once, not when they fall due
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        int window = config.getInt(Option.BATCH_WINDOW_MILLIS);
        this.batches = SqsAsyncBatchManager.builder().client(this.sqs).scheduledExecutor(scheduler)
                .overrideConfiguration(b -> b.maxBatchSize(SqsLimits.MAX_BATCH_ENTRIES)
                        .sendRequestFrequency(Duration.ofMillis(Math.max(1, window))))
                .build();
        // on AWS, the synchronous client (in the sender's thread); elsewhere the asynchronous one, waited for
        this.coalescer = new SendCoalescer(shared != null ? SendCoalescer.BlockingSqs.of(blockingSqs) : SendCoalescer.BlockingSqs.of(this.sqs),
                config.getInt(Option.MAX_SENDS_IN_FLIGHT));
        this.directory = new QueueDirectory(this.sqs, config.get(Option.QUEUE_PREFIX), config.getBoolean(Option.AUTO_CREATE),
                config.get(Option.FIFO_DEFAULT_GROUP_ID));
        this.publisher = sns == null ? null
                : new SnsPublisher(this.sns, this::track, new PublishBuffer(this.sns, scheduler, window, this::track));
        this.topics = sns == null ? null : new TopicDirectory(this.sns, config.get(Option.QUEUE_PREFIX), config.getBoolean(Option.AUTO_CREATE),
                config.get(Option.FIFO_DEFAULT_GROUP_ID));
    }

    /**
     * A transport on clients of an in-process backend (the embedded one): closing the transport
     * leaves them to their owner.
     */
    public static SqsTransport inProcess(JmsAwsConfig config, SqsAsyncClient sqs, SnsAsyncClient sns, Telemetry telemetry) {
        return new SqsTransport(sqs, sns, null, config, Capabilities.IN_PROCESS, telemetry);
    }

    /** A transport on a client someone else owns (closing the transport leaves the client open). */
    public static SqsTransport wrap(JmsAwsConfig config, SqsAsyncClient client) {
        return new SqsTransport(client, null, null, config, Capabilities.HTTP, Telemetry.untraced());
    }

    /**
     * SQS and SNS clients for AWS (or compatible endpoints), shared with the other connections that
     * have the same settings; {@code user}/{@code password} are an access key id and secret.
     */
    public static SqsTransport aws(JmsAwsConfig config, String user, String password, Telemetry telemetry) throws JMSException {
        AwsClients clients = AwsClients.acquire(config, user, password);
        return new SqsTransport(clients.sqs, clients.sns, clients, config, Capabilities.HTTP, telemetry);
    }

    public SqsAsyncClient client() { return sqs; }
    public Telemetry telemetry() { return telemetry; }
    public QueueDirectory directory() { return directory; }

    public SnsAsyncClient sns() {
        if (sns == null) throw new IllegalStateException("this transport has no SNS client");
        return sns;
    }

    public TopicDirectory topics() {
        if (topics == null) throw new IllegalStateException("this transport has no SNS client");
        return topics;
    }

    // ------------------------------------------------------------------------------------ publish

    /** Publishes one message to a topic, at once. */
    public CompletableFuture<String> publish(TopicInfo t, OutboundMessage m) { return publisher().publish(t, m); }

    /** An asynchronous publish to a standard topic: it may share a PublishBatch with others (see {@link PublishBuffer}). */
    public CompletableFuture<String> publishBatched(TopicInfo t, OutboundMessage m) { return publisher().publishBatched(t, m); }

    /** Publishes messages in order, in PublishBatch requests of at most 10 entries and 256 KiB, one after the other. */
    public void publishAll(TopicInfo t, List<OutboundMessage> messages) throws JMSException { publisher().publishAll(t, messages); }

    private SnsPublisher publisher() {
        if (publisher == null) throw new IllegalStateException("this transport has no SNS client");
        return publisher;
    }

    public ScheduledExecutorService scheduler() { return scheduler; }

    // ------------------------------------------------------------------------------------ send

    /** A send that goes out at once (a lone synchronous send must not wait for a batching window). */
    public CompletableFuture<SendMessageResponse> sendNow(QueueInfo q, OutboundMessage m) {
        return track(sqs.sendMessage(m.toRequest(q.url())));
    }

    /**
     * A synchronous send to a standard queue: out at once when no other send to the queue is under
     * way, else batched with the sends that wait for it (see {@link SendCoalescer}).
     */
    public CompletableFuture<SendMessageResponse> sendSoon(QueueInfo q, OutboundMessage m) {
        return coalescer.send(q.url(), m); // done by the time it returns: nothing for close() to wait for
    }

    /** A send that may share a SendMessageBatch with others sent within the batching window. */
    public CompletableFuture<SendMessageResponse> sendBatched(QueueInfo q, OutboundMessage m) {
        return track(batches.sendMessage(m.toRequest(q.url())));
    }

    /** Keeps a send among the requests close() waits for. */
    private <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        pending.add(f);
        f.whenComplete((r, e) -> pending.remove(f));
        return f;
    }

    /**
     * Sends all messages, in order, in batches of at most 10 entries and 1 MiB, one batch after
     * the other (so FIFO order holds). Entries SQS fails one by one are retried; the message ids
     * of the sent messages are returned in order.
     */
    public List<String> sendAll(QueueInfo q, List<OutboundMessage> messages) throws JMSException {
        List<String> ids = new ArrayList<>(messages.size());
        for (List<OutboundMessage> batch : OutboundBatches.cut(messages, SqsLimits.MAX_BATCH_BYTES)) ids.addAll(sendBatch(q, batch));
        return ids;
    }

    private List<String> sendBatch(QueueInfo q, List<OutboundMessage> batch) throws JMSException {
        String[] ids = new String[batch.size()];
        Map<String, SendMessageBatchRequestEntry> remaining = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) remaining.put(Integer.toString(i), batch.get(i).toBatchEntry(Integer.toString(i)));
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            SendMessageBatchResponse r;
            try {
                r = sqs.sendMessageBatch(b -> b.queueUrl(q.url()).entries(remaining.values())).join();
            } catch (RuntimeException e) {
                throw AwsErrors.toJms(e, "SendMessageBatch", q.toString());
            }
            r.successful().forEach(s -> {
                ids[Integer.parseInt(s.id())] = s.messageId();
                remaining.remove(s.id());
            });
            List<BatchResultErrorEntry> failed = r.failed();
            boolean retryable = failed.stream().noneMatch(f -> Boolean.TRUE.equals(f.senderFault()));
            if (!failed.isEmpty() && (!retryable || attempt >= ENTRY_ATTEMPTS)) {
                BatchResultErrorEntry f = failed.get(0);
                throw new JMSException("SendMessageBatch on " + q + ": " + failed.size() + " of " + batch.size()
                        + " messages failed after " + attempt + " attempt(s), first: " + f.code() + ": " + f.message()
                        + "; the other messages of the batch were sent", f.code());
            }
            if (!failed.isEmpty()) {
                LOG.warn("SendMessageBatch on {}: {} entries failed ({}), retrying them", q, failed.size(), failed.get(0).code());
                sleepBackoff(attempt);
            }
        }
        return List.of(ids);
    }

    // ------------------------------------------------------------------------------------ receive

    /** A ReceiveMessage; cancelling the returned future cancels the request itself (a long poll no one waits for). */
    public CompletableFuture<List<Message>> receive(QueueInfo q, int max, int waitSeconds, Integer visibilityTimeout) {
        var request = sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .visibilityTimeout(visibilityTimeout)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All"));
        return io.jmsaws.util.Futures.cancellingSource(request, request.thenApply(r -> r.messages()));
    }

    /**
     * Whether cancelling a ReceiveMessage really stops it. The embedded backend honours
     * cancellation; over HTTP, SQS (and ElasticMQ) may still hand messages to a request the client
     * gave up on, hiding them for a visibility timeout, so a long poll there is left to finish and
     * what it brings back is released.
     */
    public boolean cancelsReceives() { return cancelsReceives; }

    /** Registers a receive and the handling of its answer; {@link #close} waits for it. */
    public void trackReceiveWork(CompletableFuture<?> work) {
        receiveWork.add(work);
        work.whenComplete((r, e) -> receiveWork.remove(work));
    }

    // ------------------------------------------------------------------------------------ delete / visibility

    /** A delete that may share a batch (acknowledge modes AUTO and DUPS_OK). */
    public CompletableFuture<Void> deleteBatched(String queueUrl, String receiptHandle) {
        return track(batches.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)).thenApply(r -> null));
    }

    public CompletableFuture<Void> changeVisibilityBatched(String queueUrl, String receiptHandle, int seconds) {
        return track(batches.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout(seconds)).thenApply(r -> null));
    }

    /**
     * Deletes the given messages now, in batches of 10 per queue, and waits (client acknowledge,
     * transaction commit). Entries that fail one by one are retried; what still fails is reported.
     */
    public void deleteAll(Map<String, List<String>> handlesByQueueUrl) throws JMSException {
        List<CompletableFuture<DeleteMessageBatchResponse>> calls = new ArrayList<>();
        List<List<DeleteMessageBatchRequestEntry>> entries = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        // one request (the usual acknowledge or commit) on AWS: the synchronous client, cheaper than netty for a caller that waits
        boolean alone = handlesByQueueUrl.size() == 1 && handlesByQueueUrl.values().iterator().next().size() <= SqsLimits.MAX_BATCH_ENTRIES;
        handlesByQueueUrl.forEach((url, handles) -> {
            for (int i = 0; i < handles.size(); i += SqsLimits.MAX_BATCH_ENTRIES) {
                List<DeleteMessageBatchRequestEntry> batch = new ArrayList<>();
                for (int j = i; j < Math.min(handles.size(), i + SqsLimits.MAX_BATCH_ENTRIES); j++) {
                    batch.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(j - i)).receiptHandle(handles.get(j)).build());
                }
                entries.add(batch);
                urls.add(url);
                calls.add(alone && shared != null ? blockingDelete(url, batch) : sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(batch)));
            }
        });
        for (int c = 0; c < calls.size(); c++) {
            List<DeleteMessageBatchRequestEntry> batch = entries.get(c);
            String url = urls.get(c);
            DeleteMessageBatchResponse r;
            try {
                r = calls.get(c).join();
            } catch (RuntimeException e) {
                if (AwsErrors.isQueueMissing(e)) continue; // deleted with its messages (a closed topic consumer's queue): none comes back
                throw AwsErrors.toJms(e, "DeleteMessageBatch", url);
            }
            for (int attempt = 1; !r.failed().isEmpty(); attempt++) {
                BatchResultErrorEntry f = r.failed().get(0);
                if (attempt >= ENTRY_ATTEMPTS || Boolean.TRUE.equals(f.senderFault())) {
                    throw new JMSException("DeleteMessageBatch on " + url + ": " + r.failed().size() + " acknowledgements failed ("
                            + f.code() + ": " + f.message() + "); those messages will be delivered again", f.code());
                }
                sleepBackoff(attempt);
                Set<String> failedIds = new java.util.HashSet<>();
                r.failed().forEach(x -> failedIds.add(x.id()));
                List<DeleteMessageBatchRequestEntry> retry = batch.stream().filter(e -> failedIds.contains(e.id())).toList();
                try {
                    r = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(retry)).join();
                } catch (RuntimeException e) {
                    if (AwsErrors.isQueueMissing(e)) break;
                    throw AwsErrors.toJms(e, "DeleteMessageBatch", url);
                }
            }
        }
    }

    private CompletableFuture<DeleteMessageBatchResponse> blockingDelete(String url, List<DeleteMessageBatchRequestEntry> batch) {
        try {
            return CompletableFuture.completedFuture(blockingSqs.deleteMessageBatch(b -> b.queueUrl(url).entries(batch)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // reported with the others, below
        }
    }

    static void sleepBackoff(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) for batched requests still under way, so that close loses no acknowledgement. */
    public void flush(Duration max) {
        CompletableFuture<?>[] all = pending.toArray(new CompletableFuture<?>[0]);
        try {
            CompletableFuture.allOf(all).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("flush of {} pending requests ended: {}", all.length, e.toString());
        }
    }

    /**
     * Closes once the long polls still under way have ended and their messages have been given
     * back (at most {@code waitTimeSeconds} later, in the background), so closing never hides a
     * message from other consumers.
     */
    @Override
    public void close() {
        CompletableFuture<?>[] work = receiveWork.toArray(new CompletableFuture<?>[0]);
        if (work.length == 0) {
            closeNow();
            return;
        }
        LOG.debug("{}: closing after {} receive(s) under way end", description, work.length);
        CompletableFuture.allOf(work).orTimeout(2, TimeUnit.MINUTES).whenComplete((r, e) -> closeNow());
    }

    private void closeNow() {
        if (publisher != null) publisher.flushBatches(); // asynchronous publishes still gathering: out now, and waited for below
        flush(Duration.ofSeconds(10));
        try {
            batches.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the batch manager: {}", e.toString());
        }
        scheduler.shutdownNow();
        if (shared != null) {
            shared.release(terminated);
        } else {
            terminated.complete(null);
        }
    }

    /**
     * Waits until every transport of this class loader has stopped its threads, at most {@code max}. For
     * containers about to unload the provider's classes (a resource adapter being stopped).
     */
    public static void awaitAllTerminated(Duration max) {
        CompletableFuture<?>[] all = unterminated().toArray(new CompletableFuture<?>[0]);
        try {
            CompletableFuture.allOf(all).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("jms-aws: {} transport(s) still stopping after {}: {}", all.length, max, e.toString());
        }
    }

    @Override
    public String toString() { return description; }
}
