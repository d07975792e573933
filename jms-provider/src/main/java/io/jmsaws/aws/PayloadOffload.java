package io.jmsaws.aws;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.wire.SendTarget;
import io.jmsaws.wire.WireCodec;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Message bodies in S3, wire-compatible with AWS's extended client in both directions: a body the
 * destination could not take (or every body, {@code payloadAlways}) goes to {@code payloadBucket}
 * and the message carries a {@link PayloadPointer} and the {@code ExtendedPayloadSize} attribute;
 * a received pointer (either size attribute) is followed — only into {@code payloadBucket} or
 * {@code payloadBuckets}, since a pointer is whatever a producer wrote — and the original body
 * decoded as if it had come inline.
 *
 * <p>Deleting a payload loses messages if done naively: every subscription queue of a topic shares
 * one object, a standard queue may deliver a message twice, DLQ moves and peeks copy the pointer. So
 * objects are deleted only with {@code payloadDelete=true}, only for a message of a queue (never a
 * subscription queue: one object serves every subscriber), only after its DeleteMessage succeeded.
 */
final class PayloadOffload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PayloadOffload.class);
    /** The size attribute the extended client writes by default (its "legacy reserved name", still its default): written here too ... */
    static final String LEGACY_SIZE_ATTRIBUTE = "SQSLargePayloadSize";
    /** ... and the one it writes with the legacy name disabled; both are read. */
    static final String SIZE_ATTRIBUTE = "ExtendedPayloadSize";
    private static final int REMEMBERED = 50_000;
    /** Every kind of subscription queue: one object serves all of a topic's subscribers. */
    private static final List<String> SUBSCRIPTION_QUEUE_PREFIXES = java.util.Arrays.stream(io.jmsaws.provider.SubscriptionKind.values())
            .map(SubscriptionQueues::prefix).toList();
    /** How long a message whose object could not be read for a passing reason (throttling, a timeout) waits. */
    static final int RETRY_SECONDS = 10;

    private final S3AsyncClient s3;
    private final boolean ownsClient;
    private final String bucket;
    private final String keyPrefix;
    private final Set<String> readable;
    private final Integer threshold;
    private final boolean always;
    private final boolean deleteAfterConsume;
    /** Receipt handle → the object to delete once that receipt's DeleteMessage succeeded. */
    private final Map<String, PayloadPointer> toDelete = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PayloadPointer> eldest) {
            return size() > REMEMBERED; // a receipt whose message timed out in flight is never settled here
        }
    });

    private PayloadOffload(JmsAwsConfig config, S3AsyncClient s3, boolean ownsClient) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.bucket = config.get(Option.PAYLOAD_BUCKET);
        this.keyPrefix = config.get(Option.PAYLOAD_KEY_PREFIX);
        Set<String> buckets = new LinkedHashSet<>();
        buckets.add(bucket);
        for (String b : config.get(Option.PAYLOAD_BUCKETS).split(",")) if (!b.isBlank()) buckets.add(b.trim());
        this.readable = Set.copyOf(buckets);
        this.threshold = config.isSet(Option.PAYLOAD_THRESHOLD) ? config.getInt(Option.PAYLOAD_THRESHOLD) : null;
        this.always = config.getBoolean(Option.PAYLOAD_ALWAYS);
        this.deleteAfterConsume = config.getBoolean(Option.PAYLOAD_DELETE);
    }

    /**
     * The offload of this configuration, or null when {@code payloadBucket} is not set: on the given
     * S3 client (the embedded backend's), else on an SDK client of its own.
     */
    static PayloadOffload open(JmsAwsConfig config, S3AsyncClient given) {
        if (!config.isSet(Option.PAYLOAD_BUCKET)) return null;
        if (given != null) return new PayloadOffload(config, given, false);
        if (config.backend() == JmsAwsConfig.Backend.EMBEDDED) {
            throw new IllegalStateException("payloadBucket on embedded:// needs the embedded S3 client (io.jmsaws.Backends opens it)");
        }
        var builder = S3AsyncClient.builder().region(Region.of(config.get(Option.REGION)));
        builder.credentialsProvider(AwsClients.credentialsProvider(config, null, null));
        if (config.isSet(Option.S3_ENDPOINT)) {
            // an S3 emulator or a private endpoint: bucket names in the path, not in the host
            builder.endpointOverride(URI.create(config.get(Option.S3_ENDPOINT))).forcePathStyle(true);
        }
        return new PayloadOffload(config, builder.build(), true);
    }

    // ------------------------------------------------------------------------------------ sending

    /**
     * The message as it goes out: unchanged if it fits under the threshold (by default the
     * destination's own limit), else its body stored in S3 and replaced by the pointer. The size
     * check against the destination follows either way.
     */
    OutboundMessage offloadIfNeeded(OutboundMessage m, SendTarget target) throws JMSException {
        int limit = threshold != null ? threshold : target.maxMessageSize();
        OutboundMessage out = m;
        if (always || m.encodedSize() > limit) {
            byte[] body = m.body().getBytes(StandardCharsets.UTF_8);
            PayloadPointer pointer = new PayloadPointer(bucket, keyPrefix + UUID.randomUUID());
            try {
                s3.putObject(b -> b.bucket(pointer.bucket()).key(pointer.key()).contentLength((long) body.length),
                        AsyncRequestBody.fromBytes(body)).join();
            } catch (RuntimeException e) {
                throw AwsErrors.toJms(e, "PutObject", pointer + " (the body of a message to " + target.displayName() + "; nothing was sent)");
            }
            Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(m.attributes());
            attributes.put(LEGACY_SIZE_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(body.length)).build());
            String pointerBody = pointer.toJson();
            out = new OutboundMessage(pointerBody, attributes, m.groupId(), m.deduplicationId(), m.delaySeconds(),
                    WireCodec.sizeOf(pointerBody, attributes), m.traceHeader());
        }
        WireCodec.checkSize(out, target);
        return out;
    }

    // ------------------------------------------------------------------------------------ receiving

    /**
     * What a receive brings, once the offloaded bodies are fetched: what can be delivered, and what
     * goes back to the queue — after {@code retrySeconds} for a body S3 could not give for a passing
     * reason, at once for the messages of a FIFO group behind one that could not be delivered (SQS
     * keeps them behind it, so the group's order holds).
     */
    record Resolved(List<Message> deliver, List<Message> retryLater, List<Message> giveBack) {
    }

    /**
     * The received messages with their offloaded bodies fetched (in parallel). A message whose
     * object does not exist is left out and not released: it comes back after its visibility
     * timeout, and a RedrivePolicy moves it to the DLQ in the end (logged once per delivery).
     */
    CompletableFuture<Resolved> resolve(QueueInfo queue, List<Message> messages) {
        List<CompletableFuture<Message>> each = new ArrayList<>(messages.size());
        for (Message m : messages) each.add(resolve(queue, m));
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Message> deliver = new ArrayList<>(messages.size());
            List<Message> retryLater = new ArrayList<>();
            List<Message> giveBack = new ArrayList<>();
            Set<String> blockedGroups = new java.util.HashSet<>();
            for (int i = 0; i < messages.size(); i++) {
                Message original = messages.get(i);
                Message resolved = each.get(i).join();
                String group = original.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                if (resolved == MISSING || resolved == UNAVAILABLE) {
                    if (resolved == UNAVAILABLE) retryLater.add(original);
                    if (queue.fifo() && group != null) blockedGroups.add(group);
                } else if (queue.fifo() && group != null && blockedGroups.contains(group)) {
                    giveBack.add(original);
                } else {
                    deliver.add(resolved);
                }
            }
            return new Resolved(deliver, retryLater, giveBack);
        });
    }

    /** Markers: the object does not exist; S3 could not answer for now. */
    private static final Message MISSING = Message.builder().messageId("missing").build();
    private static final Message UNAVAILABLE = Message.builder().messageId("unavailable").build();

    private CompletableFuture<Message> resolve(QueueInfo queue, Message m) {
        if (!m.messageAttributes().containsKey(SIZE_ATTRIBUTE) && !m.messageAttributes().containsKey(LEGACY_SIZE_ATTRIBUTE)) {
            return CompletableFuture.completedFuture(m);
        }
        PayloadPointer pointer = PayloadPointer.parse(m.body());
        if (pointer == null) return CompletableFuture.completedFuture(m);
        if (!readable.contains(pointer.bucket())) {
            LOG.warn("message {} of {} points to {}, a bucket that is neither payloadBucket nor in payloadBuckets: it is delivered as "
                    + "it is (the pointer as its body), not fetched", m.messageId(), queue, pointer);
            return CompletableFuture.completedFuture(m);
        }
        return s3.getObject(b -> b.bucket(pointer.bucket()).key(pointer.key()), AsyncResponseTransformer.toBytes())
                .thenApply(bytes -> {
                    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(m.messageAttributes());
                    attributes.remove(SIZE_ATTRIBUTE);
                    attributes.remove(LEGACY_SIZE_ATTRIBUTE);
                    if (deleteAfterConsume && ours(pointer) && !isSubscriptionQueue(queue)) toDelete.put(m.receiptHandle(), pointer);
                    return m.toBuilder().body(bytes.asUtf8String()).messageAttributes(attributes).build();
                })
                .exceptionally(e -> {
                    Throwable cause = AwsErrors.unwrap(e);
                    String count = m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?");
                    LOG.debug("reading {} failed", pointer, e);
                    if (isMissing(cause)) {
                        LOG.warn("message {} of {}: its body {} does not exist; the message is left in the queue: it comes back after its "
                                + "visibility timeout (receive count {}), and a RedrivePolicy moves it to the dead-letter queue",
                                m.messageId(), queue, pointer, count);
                        return MISSING;
                    }
                    LOG.warn("message {} of {}: its body {} cannot be read now ({}); the message is tried again in {} s (receive count {})",
                            m.messageId(), queue, pointer, cause.toString(), RETRY_SECONDS, count);
                    return UNAVAILABLE;
                });
    }

    /**
     * Whether a consumer may delete this object: only in payloadBucket under payloadKeyPrefix —
     * a pointer is whatever a producer wrote, and must not let it delete other objects.
     */
    private boolean ours(PayloadPointer pointer) {
        return pointer.bucket().equals(bucket) && pointer.key().startsWith(keyPrefix);
    }

    private static boolean isSubscriptionQueue(QueueInfo queue) {
        String name = queue.queue().name();
        return SUBSCRIPTION_QUEUE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static boolean isMissing(Throwable cause) {
        if (cause instanceof software.amazon.awssdk.services.s3.model.NoSuchKeyException) return true;
        if (cause instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException) return true;
        return cause instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase && ase.statusCode() == 404;
    }

    // ------------------------------------------------------------------------------------ settling

    /** The receipt's DeleteMessage succeeded: its payload object, if it is ours to delete, goes too. */
    void deleted(String receiptHandle) {
        PayloadPointer pointer = toDelete.remove(receiptHandle);
        if (pointer == null) return;
        s3.deleteObject(b -> b.bucket(pointer.bucket()).key(pointer.key())).whenComplete((r, e) -> {
            if (e != null) LOG.info("the payload {} of a consumed message could not be deleted ({}); a lifecycle rule on the bucket removes it",
                    pointer, AwsErrors.unwrap(e).toString());
        });
    }

    /** The receipt was given back (or failed): the message will come again with another receipt, its object stays. */
    void released(String receiptHandle) {
        toDelete.remove(receiptHandle);
    }

    @Override
    public void close() {
        if (ownsClient) s3.close();
    }
}
