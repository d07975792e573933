package io.jmsaws.aws;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.TrustedPackages;
import io.jmsaws.provider.EncodedMessage;
import io.jmsaws.provider.InboundMessage;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.provider.ResolvedDestination;
import io.jmsaws.provider.Subscription;
import io.jmsaws.provider.SubscriptionKind;
import io.jmsaws.provider.TopicInfo;
import io.jmsaws.selector.Selector;
import io.jmsaws.util.Futures;
import io.jmsaws.util.Tasks;
import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.wire.SendTarget;
import io.jmsaws.wire.WireCodec;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Provider} on SQS and SNS (AWS, a compatible endpoint, or the embedded backend, which
 * implements the same SDK interfaces): queues are SQS queues, topics SNS topics, subscriptions SQS
 * queues subscribed to their topic. Encodes and decodes with the {@link WireCodec}; every SDK
 * failure leaves here as a JMSException naming the operation, the destination and AWS's error code.
 */
public final class SqsProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(SqsProvider.class);

    private final SqsTransport transport;
    private final TrustedPackages trustedPackages;
    private final boolean fairQueues;
    /** Bodies in S3 (payloadBucket), or null. */
    private final PayloadOffload payloads;
    private final SubscriptionQueues subscriptions;
    private final ScheduledFuture<?> leaseRenewal;

    public SqsProvider(JmsAwsConfig config, SqsTransport transport) {
        this(config, transport, null);
    }

    /** With the S3 client offloaded bodies use (null: the SDK's, when payloadBucket is set). */
    public SqsProvider(JmsAwsConfig config, SqsTransport transport, software.amazon.awssdk.services.s3.S3AsyncClient s3) {
        this.transport = transport;
        this.trustedPackages = config.trustedPackages();
        this.fairQueues = config.getBoolean(io.jmsaws.config.Option.FAIR_QUEUES);
        this.payloads = PayloadOffload.open(config, s3);
        // the owner named in lease tags: unique per provider (per connection), nothing else
        this.subscriptions = new SubscriptionQueues(transport, UUID.randomUUID().toString(), SqsProvider::sweepInBackground);
        this.leaseRenewal = transport.scheduler().scheduleWithFixedDelay(
                Tasks.surviving("renewing the leases of subscription and temporary queues", LOG, subscriptions::renewLeases),
                SubscriptionQueues.LEASE_RENEW_MILLIS, SubscriptionQueues.LEASE_RENEW_MILLIS, TimeUnit.MILLISECONDS);
        subscriptions.sweepSoon(); // queues left by crashed processes
    }

    /** A sweep lists and tags queues one request after the other: on a thread of its own (at most once per 10 minutes per backend). */
    private static void sweepInBackground(Runnable sweep) {
        Thread t = new Thread(sweep, "jms-aws-sweep");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------------------------ destinations

    @Override
    public void checkQueueName(String name) throws JMSException {
        transport.directory().checkName(name);
    }

    @Override
    public void checkTopicName(String name) throws JMSException {
        transport.topics().checkName(name);
    }

    @Override
    public ResolvedDestination resolve(JmsAwsDestination destination) throws JMSException {
        if (destination instanceof JmsAwsQueue q) return resolve(q);
        return transport.topics().resolve(destination);
    }

    @Override
    public QueueInfo resolve(JmsAwsQueue queue) throws JMSException {
        return transport.directory().resolve(queue);
    }

    @Override
    public QueueInfo createTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException {
        Map<String, String> tags = new HashMap<>(subscriptions.leaseTags());
        tags.put("jms-aws:temporary", "true");
        QueueInfo info = transport.directory().createWith(queue, Map.of(), tags);
        subscriptions.leased(info.url());
        return info;
    }

    @Override
    public void deleteTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException {
        try {
            QueueInfo info = transport.directory().resolve(queue);
            subscriptions.released(info.url());
            transport.client().deleteQueue(b -> b.queueUrl(info.url())).join();
            transport.directory().forget(queue);
        } catch (RuntimeException e) {
            if (!AwsErrors.isQueueMissing(e)) throw AwsErrors.toJms(e, "DeleteQueue", queue.toString());
        }
    }

    @Override
    public void createTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException {
        transport.topics().createNew(topic); // whatever autoCreate says
    }

    @Override
    public void deleteTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException {
        String arn = transport.topics().resolve(topic).arn();
        try {
            transport.sns().deleteTopic(b -> b.topicArn(arn)).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "DeleteTopic", topic.toString());
        }
        transport.topics().forget(topic);
    }

    // ------------------------------------------------------------------------------------ subscriptions

    @Override
    public Subscription subscribe(JmsAwsTopic topic, SubscriptionKind kind, String clientId, String name, Selector selector,
                                  boolean noLocal, int otherConsumers) throws JMSException {
        if (clientId != null && kind.durable()) {
            // 8.3.3, 8.3.4: "A shared durable subscription and an unshared durable subscription may not have the same name and client identifier"
            SubscriptionKind other = kind == SubscriptionKind.DURABLE ? SubscriptionKind.SHARED_DURABLE : SubscriptionKind.DURABLE;
            if (subscriptions.find(other, clientId, name) != null) {
                throw new JMSException("a " + (other == SubscriptionKind.DURABLE ? "unshared" : "shared") + " durable subscription named '"
                        + name + "' exists for client id '" + clientId + "': a shared and an unshared durable subscription may not have"
                        + " the same name and client id (unsubscribe it first)");
            }
        }
        return subscriptions.subscribe(transport.topics().resolve(topic), kind, clientId, name, selector, noLocal, otherConsumers);
    }

    @Override
    public void remove(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    @Override
    public boolean unsubscribe(SubscriptionKind kind, String clientId, String name) throws JMSException {
        return subscriptions.unsubscribe(kind, clientId, name);
    }

    /**
     * Removes now the non-durable subscription queues and temporary queues whose owner stopped
     * renewing their lease more than {@code maxLeaseAgeMillis} ago; returns how many.
     */
    public int sweep(long maxLeaseAgeMillis) throws JMSException {
        return subscriptions.sweep(maxLeaseAgeMillis);
    }

    // ------------------------------------------------------------------------------------ sending

    @Override
    public EncodedMessage encode(JmsAwsMessage message, ResolvedDestination destination) throws JMSException {
        SendTarget target = (destination instanceof QueueInfo q ? SendTarget.of(q) : SendTarget.of((TopicInfo) destination))
                .fair(fairQueues).offloading(payloads != null);
        OutboundMessage encoded = WireCodec.encode(message, target);
        return payloads == null ? encoded : payloads.offloadIfNeeded(encoded, target);
    }

    @Override
    public CompletableFuture<String> send(ResolvedDestination destination, EncodedMessage message, Urgency urgency) {
        long start = System.nanoTime();
        CompletableFuture<String> sent = sendOne(destination, (OutboundMessage) message, urgency);
        sent.thenRun(() -> metrics().sent(destination.serviceName(), destination instanceof TopicInfo, 1, System.nanoTime() - start));
        return sent;
    }

    private io.jmsaws.telemetry.MessagingMetrics metrics() {
        return transport.telemetry().metrics();
    }

    private CompletableFuture<String> sendOne(ResolvedDestination destination, OutboundMessage out, Urgency urgency) {
        if (destination instanceof TopicInfo t) {
            // asynchronous sends to a standard topic share PublishBatch requests; the others are one Publish each, at once
            boolean batched = urgency == Urgency.BATCHED && !t.fifo();
            return jms(batched ? transport.publishBatched(t, out) : transport.publish(t, out), batched ? "PublishBatch" : "Publish", t);
        }
        QueueInfo q = (QueueInfo) destination;
        return jms(switch (urgency) {
            case NOW -> transport.sendNow(q, out);
            case SOON -> transport.sendSoon(q, out); // a standard queue's synchronous sends share requests while one is under way
            case BATCHED -> transport.sendBatched(q, out);
        }, "SendMessage", q).thenApply(r -> r.messageId());
    }

    @Override
    public void sendAll(ResolvedDestination destination, List<EncodedMessage> messages) throws JMSException {
        List<OutboundMessage> out = new ArrayList<>(messages.size());
        for (EncodedMessage m : messages) out.add((OutboundMessage) m);
        long start = System.nanoTime();
        if (destination instanceof QueueInfo q) transport.sendAll(q, out);
        else transport.publishAll((TopicInfo) destination, out);
        metrics().sent(destination.serviceName(), destination instanceof TopicInfo, out.size(), System.nanoTime() - start);
    }

    // ------------------------------------------------------------------------------------ receiving and settling

    @Override
    public CompletableFuture<List<InboundMessage>> receive(QueueInfo queue, JmsAwsDestination deliveredAs, int max, int waitSeconds,
                                                           Integer visibilityTimeout) {
        CompletableFuture<List<Message>> request;
        try {
            request = transport.receive(queue, max, waitSeconds, visibilityTimeout);
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(AwsErrors.toJms(e, "ReceiveMessage", queue.toString()));
        }
        CompletableFuture<List<InboundMessage>> decoded = Futures.cancellingSource(request,
                jms(request, "ReceiveMessage", queue)
                        .thenCompose(messages -> payloads == null ? CompletableFuture.completedFuture(messages) : withPayloads(queue, messages))
                        .thenApply(messages -> decode(messages, deliveredAs, queue)));
        decoded.whenComplete((r, e) -> {
            // cancelled after SQS had answered (the consumer stopped or closed meanwhile): nobody will take these, give them back
            if (decoded.isCancelled() && request.isDone() && !request.isCompletedExceptionally()) {
                request.join().forEach(m -> changeVisibility(queue, m.receiptHandle(), 0));
            }
        });
        return decoded;
    }

    /** The messages with their S3 bodies; what cannot be delivered now goes back (see {@link PayloadOffload#resolve}). */
    private CompletableFuture<List<Message>> withPayloads(QueueInfo queue, List<Message> messages) {
        return payloads.resolve(queue, messages).thenApply(r -> {
            r.retryLater().forEach(m -> changeVisibility(queue, m.receiptHandle(), PayloadOffload.RETRY_SECONDS));
            r.giveBack().forEach(m -> changeVisibility(queue, m.receiptHandle(), 0));
            return r.deliver();
        });
    }

    /** Decoding is lenient: a message it cannot decode is a bug, not bad input. It is left to SQS (redelivery, then redrive). */
    private List<InboundMessage> decode(List<Message> messages, JmsAwsDestination deliveredAs, QueueInfo queue) {
        List<InboundMessage> decoded = new ArrayList<>(messages.size());
        for (Message m : messages) {
            try {
                JmsAwsMessage message = WireCodec.decode(m, deliveredAs, trustedPackages);
                decoded.add(new InboundMessage(m.receiptHandle(), m.messageId(), message));
            } catch (JMSException | RuntimeException e) {
                LOG.error("cannot decode message {} of {}: {}; it is left for redelivery", m.messageId(), queue, e.toString());
                LOG.debug("decoding failure", e);
            }
        }
        return decoded;
    }

    @Override
    public boolean cancelsReceives() {
        return transport.cancelsReceives();
    }

    @Override
    public void trackReceiveWork(CompletableFuture<?> work) {
        transport.trackReceiveWork(work);
    }

    @Override
    public CompletableFuture<Void> delete(QueueInfo queue, String receiptHandle) {
        CompletableFuture<Void> deleted = jms(transport.deleteBatched(queue.url(), receiptHandle), "DeleteMessage", queue);
        if (payloads != null) deleted.whenComplete((r, e) -> {
            if (e == null) payloads.deleted(receiptHandle);
            else payloads.released(receiptHandle);
        });
        return deleted;
    }

    @Override
    public CompletableFuture<Void> changeVisibility(QueueInfo queue, String receiptHandle, int seconds) {
        if (payloads != null && seconds == 0) payloads.released(receiptHandle);
        return jms(transport.changeVisibilityBatched(queue.url(), receiptHandle, seconds), "ChangeMessageVisibility", queue);
    }

    @Override
    public void deleteAll(Map<QueueInfo, List<String>> receiptHandles) throws JMSException {
        Map<String, List<String>> byUrl = new LinkedHashMap<>();
        receiptHandles.forEach((q, handles) -> byUrl.computeIfAbsent(q.url(), k -> new ArrayList<>()).addAll(handles));
        transport.deleteAll(byUrl);
        if (payloads != null) receiptHandles.values().forEach(handles -> handles.forEach(payloads::deleted));
    }

    /**
     * The future, failing with the JMSException for its SDK failure (a cancellation stays a
     * cancellation). Cancelling it does not reach {@code f}: only receives are cancelled, and
     * {@link #receive} passes that on to its request itself.
     */
    private static <T> CompletableFuture<T> jms(CompletableFuture<T> f, String operation, Object target) {
        CompletableFuture<T> mapped = new CompletableFuture<>();
        f.whenComplete((r, e) -> {
            if (e == null) mapped.complete(r);
            else if (e instanceof java.util.concurrent.CancellationException) mapped.cancel(false);
            else mapped.completeExceptionally(AwsErrors.toJms(e, operation, String.valueOf(target)));
        });
        return mapped;
    }

    // ------------------------------------------------------------------------------------ lifecycle

    @Override
    public ScheduledExecutorService scheduler() {
        return transport.scheduler();
    }

    @Override
    public void close() {
        leaseRenewal.cancel(false);
        try {
            transport.close();
        } finally {
            if (payloads != null) payloads.close();
        }
    }

    @Override
    public String toString() {
        return transport.toString();
    }
}
