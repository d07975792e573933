package io.jmsaws.embedded;

import io.jmsaws.embedded.EmbeddedSqs.Operation;
import io.jmsaws.limits.SqsLimits;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsServiceClientConfiguration;
import software.amazon.awssdk.services.sqs.model.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link SqsAsyncClient} on an {@link EmbeddedSqs} instance: the same interface the provider uses
 * against AWS, so one code path runs embedded and remote. Requests are validated as SQS does and
 * answered with SQS's error codes; each request is counted per operation.
 */
public final class EmbeddedSqsAsyncClient implements SqsAsyncClient {
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_\\-.]{1,256}");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\..{1,250})?");

    private final EmbeddedSqs server;

    public EmbeddedSqsAsyncClient(EmbeddedSqs server) {
        this.server = server;
    }

    public EmbeddedSqs server() {
        return server;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public SqsServiceClientConfiguration serviceClientConfiguration() {
        return SqsServiceClientConfiguration.builder().build();
    }

    @Override
    public void close() {
        // the instance outlives its clients
    }

    private <T> CompletableFuture<T> call(Operation op, Supplier<T> action) {
        return server.serve(op, action);
    }

    // ------------------------------------------------------------------------------------ queues

    @Override
    public CompletableFuture<CreateQueueResponse> createQueue(CreateQueueRequest r) {
        return call(Operation.CreateQueue, () -> {
            if (r.queueName() == null) throw SqsErrors.missingParameter("The request must contain the parameter QueueName.");
            EmbeddedQueue q = server.create(r.queueName(), r.attributesAsStrings(), r.tags());
            return CreateQueueResponse.builder().queueUrl(q.url).build();
        });
    }

    @Override
    public CompletableFuture<GetQueueUrlResponse> getQueueUrl(GetQueueUrlRequest r) {
        return call(Operation.GetQueueUrl, () -> GetQueueUrlResponse.builder().queueUrl(server.byName(r.queueName()).url).build());
    }

    @Override
    public CompletableFuture<GetQueueAttributesResponse> getQueueAttributes(GetQueueAttributesRequest r) {
        return call(Operation.GetQueueAttributes, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            Map<String, String> all = q.attributes().asMap();
            all.putAll(q.approximateCounts());
            all.put("QueueArn", q.arn);
            all.put("CreatedTimestamp", Long.toString(q.createdTimestamp / 1000));
            all.put("LastModifiedTimestamp", Long.toString(q.createdTimestamp / 1000));
            Predicate<String> wanted = nameFilter(r.attributeNamesAsStrings());
            Map<String, String> out = new LinkedHashMap<>();
            all.forEach((k, v) -> {
                if (wanted.test(k)) out.put(k, v);
            });
            return GetQueueAttributesResponse.builder().attributesWithStrings(out).build();
        });
    }

    @Override
    public CompletableFuture<SetQueueAttributesResponse> setQueueAttributes(SetQueueAttributesRequest r) {
        return call(Operation.SetQueueAttributes, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            if (r.attributesAsStrings().containsKey("FifoQueue")) throw SqsErrors.invalidAttributeName("FifoQueue");
            QueueAttributes changed = q.attributes().with(r.attributesAsStrings(), q.fifo);
            server.checkDeadLetterTarget(q.name, changed);
            q.setAttributes(changed);
            return SetQueueAttributesResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<DeleteQueueResponse> deleteQueue(DeleteQueueRequest r) {
        return call(Operation.DeleteQueue, () -> {
            server.delete(server.byUrl(r.queueUrl()));
            return DeleteQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<PurgeQueueResponse> purgeQueue(PurgeQueueRequest r) {
        return call(Operation.PurgeQueue, () -> {
            server.byUrl(r.queueUrl()).purge();
            return PurgeQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListQueuesResponse> listQueues(ListQueuesRequest r) {
        return call(Operation.ListQueues, () -> ListQueuesResponse.builder()
                .queueUrls(server.list(r.queueNamePrefix()).stream().map(q -> q.url).toList()).build());
    }

    @Override
    public CompletableFuture<ListDeadLetterSourceQueuesResponse> listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest r) {
        return call(Operation.ListDeadLetterSourceQueues, () -> ListDeadLetterSourceQueuesResponse.builder()
                .queueUrls(server.deadLetterSources(server.byUrl(r.queueUrl())).stream().map(q -> q.url).toList()).build());
    }

    @Override
    public CompletableFuture<TagQueueResponse> tagQueue(TagQueueRequest r) {
        return call(Operation.TagQueue, () -> {
            server.byUrl(r.queueUrl()).tag(r.tags());
            return TagQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<UntagQueueResponse> untagQueue(UntagQueueRequest r) {
        return call(Operation.UntagQueue, () -> {
            server.byUrl(r.queueUrl()).untag(r.tagKeys());
            return UntagQueueResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListQueueTagsResponse> listQueueTags(ListQueueTagsRequest r) {
        return call(Operation.ListQueueTags, () -> ListQueueTagsResponse.builder().tags(server.byUrl(r.queueUrl()).tags()).build());
    }

    // ------------------------------------------------------------------------------------ send

    @Override
    public CompletableFuture<SendMessageResponse> sendMessage(SendMessageRequest r) {
        return call(Operation.SendMessage, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            SendSpec spec = validate(q, r.messageBody(), r.messageAttributes(), r.delaySeconds(), r.messageGroupId(),
                    r.messageDeduplicationId()).traced(r.messageSystemAttributes());
            SendResult result = q.send(spec);
            return SendMessageResponse.builder().messageId(result.messageId()).sequenceNumber(result.sequenceNumber())
                    .md5OfMessageBody(result.md5OfBody()).build();
        });
    }

    @Override
    public CompletableFuture<SendMessageBatchResponse> sendMessageBatch(SendMessageBatchRequest r) {
        return call(Operation.SendMessageBatch, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            checkBatch(r.entries().stream().map(SendMessageBatchRequestEntry::id).toList());
            int total = 0;
            for (SendMessageBatchRequestEntry e : r.entries()) total += messageSize(e.messageBody(), e.messageAttributes());
            if (total > SqsLimits.MAX_BATCH_BYTES) throw SqsErrors.batchTooLong(total);
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry e : r.entries()) {
                try {
                    SendResult result = q.send(validate(q, e.messageBody(), e.messageAttributes(), e.delaySeconds(),
                            e.messageGroupId(), e.messageDeduplicationId()).traced(e.messageSystemAttributes()));
                    ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId(result.messageId())
                            .sequenceNumber(result.sequenceNumber()).md5OfMessageBody(result.md5OfBody()).build());
                } catch (AwsServiceException ex) {
                    failed.add(errorEntry(e.id(), ex));
                }
            }
            return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
        });
    }

    private SendSpec validate(EmbeddedQueue q, String body, Map<String, MessageAttributeValue> attrs, Integer delay,
                              String groupId, String dedupId) {
        if (body == null || body.isEmpty()) throw SqsErrors.missingParameter("The request must contain the parameter MessageBody.");
        int bad = SqsLimits.firstInvalidCharacter(body);
        if (bad >= 0) {
            throw SqsErrors.invalidContents("Invalid binary character '#x" + Integer.toHexString(body.charAt(bad))
                    + "' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF "
                    + "| #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
        validateAttributes(attrs);
        int size = messageSize(body, attrs);
        int max = q.attributes().maximumMessageSize();
        if (size > max) {
            throw SqsErrors.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than " + max + " bytes.");
        }
        if (delay != null && (delay < 0 || delay > SqsLimits.MAX_DELAY_SECONDS)) {
            throw SqsErrors.invalidParameter("Value " + delay + " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900.");
        }
        if (q.fifo) {
            if (delay != null && delay > 0) {
                throw SqsErrors.invalidParameter("Value " + delay + " for parameter DelaySeconds is invalid. "
                        + "Reason: The request include parameter that is not valid for this queue type.");
            }
            if (groupId == null) throw SqsErrors.missingParameter("The request must contain the parameter MessageGroupId.");
            if (dedupId == null && !q.attributes().contentBasedDeduplication()) {
                throw SqsErrors.invalidParameter("The queue should either have ContentBasedDeduplication enabled or "
                        + "MessageDeduplicationId provided explicitly");
            }
        } else if (dedupId != null) {
            throw SqsErrors.invalidParameter("Value " + dedupId + " for parameter MessageDeduplicationId is invalid. "
                    + "Reason: The request includes a parameter that is not valid for this queue type.");
        }
        return new SendSpec(body, attrs == null ? Map.of() : Map.copyOf(attrs), delay, groupId, dedupId);
    }

    private static void validateAttributes(Map<String, MessageAttributeValue> attrs) {
        if (attrs == null) return;
        if (attrs.size() > SqsLimits.MAX_MESSAGE_ATTRIBUTES) {
            throw SqsErrors.invalidParameter("Number of message attributes [" + attrs.size() + "] exceeds the allowed maximum [10].");
        }
        for (Map.Entry<String, MessageAttributeValue> e : attrs.entrySet()) {
            String n = e.getKey();
            String lower = n.toLowerCase(Locale.ROOT);
            if (!ATTRIBUTE_NAME.matcher(n).matches() || n.startsWith(".") || n.endsWith(".") || n.contains("..")
                    || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
                throw SqsErrors.invalidParameter("Message (user) attribute name '" + n + "' is invalid.");
            }
            MessageAttributeValue v = e.getValue();
            if (v.dataType() == null || !DATA_TYPE.matcher(v.dataType()).matches()) {
                throw SqsErrors.invalidParameter("The type of message (user) attribute '" + n + "' is invalid.");
            }
            if (v.dataType().startsWith("Binary")) {
                if (v.binaryValue() == null || v.binaryValue().asByteArray().length == 0) {
                    throw SqsErrors.invalidParameter("Message (user) attribute '" + n + "' must contain a non-empty value of type 'Binary'.");
                }
                continue;
            }
            String s = v.stringValue();
            if (s == null || s.isEmpty()) {
                throw SqsErrors.invalidParameter("Message (user) attribute '" + n + "' must contain a non-empty message attribute value.");
            }
            if (SqsLimits.firstInvalidCharacter(s) >= 0) {
                throw SqsErrors.invalidParameter("Message (user) attribute '" + n + "' contains a character that is not allowed.");
            }
            if (v.dataType().startsWith("Number")) {
                try {
                    new BigDecimal(s);
                } catch (NumberFormatException ex) {
                    throw SqsErrors.invalidParameter("Can't cast the value of message (user) attribute '" + n + "' to a number.");
                }
            }
        }
    }

    static int messageSize(String body, Map<String, MessageAttributeValue> attrs) {
        int size = body == null ? 0 : utf8(body);
        if (attrs != null) {
            for (Map.Entry<String, MessageAttributeValue> e : attrs.entrySet()) {
                MessageAttributeValue v = e.getValue();
                size += utf8(e.getKey()) + (v.dataType() == null ? 0 : utf8(v.dataType()));
                size += v.stringValue() != null ? utf8(v.stringValue()) : v.binaryValue() != null ? v.binaryValue().asByteArray().length : 0;
            }
        }
        return size;
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    // ------------------------------------------------------------------------------------ receive

    @Override
    public CompletableFuture<ReceiveMessageResponse> receiveMessage(ReceiveMessageRequest r) {
        server.count(Operation.ReceiveMessage);
        try {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            int max = r.maxNumberOfMessages() == null ? 1 : r.maxNumberOfMessages();
            if (max < 1 || max > SqsLimits.MAX_RECEIVE_MESSAGES) {
                throw SqsErrors.invalidParameter("Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
            }
            int wait = r.waitTimeSeconds() == null ? q.attributes().receiveMessageWaitTimeSeconds() : r.waitTimeSeconds();
            if (wait < 0 || wait > SqsLimits.MAX_WAIT_TIME_SECONDS) {
                throw SqsErrors.invalidParameter("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
            }
            Integer vt = r.visibilityTimeout();
            if (vt != null && (vt < 0 || vt > SqsLimits.MAX_VISIBILITY_TIMEOUT_SECONDS)) {
                throw SqsErrors.invalidParameter("Value " + vt + " for parameter VisibilityTimeout is invalid.");
            }
            List<String> sysNames = new ArrayList<>(r.messageSystemAttributeNamesAsStrings());
            sysNames.addAll(r.attributeNamesAsStrings());
            ReceiveSpec spec = new ReceiveSpec(max, vt, nameFilter(sysNames), nameFilter(r.messageAttributeNames()));
            CompletableFuture<List<Message>> waiting = q.receive(spec, wait);
            return io.jmsaws.util.Futures.cancellingSource(waiting,
                    waiting.thenApply(list -> ReceiveMessageResponse.builder().messages(list).build()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** "All" or ".*" asks for everything; "prefix.*" for a family; otherwise exact names. */
    private static Predicate<String> nameFilter(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) return n -> false;
        if (requested.contains("All") || requested.contains(".*")) return n -> true;
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String s : requested) {
            if (s.endsWith(".*")) prefixes.add(s.substring(0, s.length() - 1));
            else exact.add(s);
        }
        return n -> exact.contains(n) || prefixes.stream().anyMatch(n::startsWith);
    }

    // ------------------------------------------------------------------------------------ delete / visibility

    @Override
    public CompletableFuture<DeleteMessageResponse> deleteMessage(DeleteMessageRequest r) {
        return call(Operation.DeleteMessage, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            q.delete(r.receiptHandle());
            return DeleteMessageResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<DeleteMessageBatchResponse> deleteMessageBatch(DeleteMessageBatchRequest r) {
        return call(Operation.DeleteMessageBatch, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            checkBatch(r.entries().stream().map(DeleteMessageBatchRequestEntry::id).toList());
            List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (DeleteMessageBatchRequestEntry e : r.entries()) {
                try {
                    q.delete(e.receiptHandle());
                    ok.add(DeleteMessageBatchResultEntry.builder().id(e.id()).build());
                } catch (AwsServiceException ex) {
                    failed.add(errorEntry(e.id(), ex));
                }
            }
            return DeleteMessageBatchResponse.builder().successful(ok).failed(failed).build();
        });
    }

    @Override
    public CompletableFuture<ChangeMessageVisibilityResponse> changeMessageVisibility(ChangeMessageVisibilityRequest r) {
        return call(Operation.ChangeMessageVisibility, () -> {
            server.byUrl(r.queueUrl()).changeVisibility(r.receiptHandle(), r.visibilityTimeout() == null ? 0 : r.visibilityTimeout());
            return ChangeMessageVisibilityResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ChangeMessageVisibilityBatchResponse> changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest r) {
        return call(Operation.ChangeMessageVisibilityBatch, () -> {
            EmbeddedQueue q = server.byUrl(r.queueUrl());
            checkBatch(r.entries().stream().map(ChangeMessageVisibilityBatchRequestEntry::id).toList());
            List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (ChangeMessageVisibilityBatchRequestEntry e : r.entries()) {
                try {
                    q.changeVisibility(e.receiptHandle(), e.visibilityTimeout() == null ? 0 : e.visibilityTimeout());
                    ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(e.id()).build());
                } catch (AwsServiceException ex) {
                    failed.add(errorEntry(e.id(), ex));
                }
            }
            return ChangeMessageVisibilityBatchResponse.builder().successful(ok).failed(failed).build();
        });
    }

    private static void checkBatch(List<String> ids) {
        if (ids.isEmpty()) throw SqsErrors.emptyBatch();
        if (ids.size() > SqsLimits.MAX_BATCH_ENTRIES) throw SqsErrors.tooManyEntries(ids.size());
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !BATCH_ENTRY_ID.matcher(id).matches()) throw SqsErrors.invalidBatchEntryId(id);
            if (!seen.add(id)) throw SqsErrors.idsNotDistinct(id);
        }
    }

    private static BatchResultErrorEntry errorEntry(String id, AwsServiceException ex) {
        return BatchResultErrorEntry.builder().id(id).code(ex.awsErrorDetails().errorCode())
                .message(ex.awsErrorDetails().errorMessage()).senderFault(true).build();
    }
}
