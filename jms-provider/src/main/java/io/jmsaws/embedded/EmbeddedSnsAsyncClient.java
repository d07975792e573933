package io.jmsaws.embedded;

import io.jmsaws.embedded.EmbeddedSqs.Operation;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.SnsServiceClientConfiguration;
import software.amazon.awssdk.services.sns.model.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link SnsAsyncClient} on an embedded instance's {@link EmbeddedSns}: the operations the
 * provider uses, validated as SNS does and counted per operation.
 */
public final class EmbeddedSnsAsyncClient implements SnsAsyncClient {
    private static final int MAX_BATCH_ENTRIES = 10;

    private final EmbeddedSqs server;
    private final EmbeddedSns sns;

    public EmbeddedSnsAsyncClient(EmbeddedSqs server) {
        this.server = server;
        this.sns = server.sns();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public SnsServiceClientConfiguration serviceClientConfiguration() {
        return SnsServiceClientConfiguration.builder().build();
    }

    @Override
    public void close() {
        // the instance outlives its clients
    }

    private <T> CompletableFuture<T> call(Operation op, Supplier<T> action) {
        return server.serve(op, action);
    }

    @Override
    public CompletableFuture<CreateTopicResponse> createTopic(CreateTopicRequest r) {
        return call(Operation.CreateTopic, () -> CreateTopicResponse.builder().topicArn(sns.create(r.name(), r.attributes()).arn).build());
    }

    @Override
    public CompletableFuture<DeleteTopicResponse> deleteTopic(DeleteTopicRequest r) {
        return call(Operation.DeleteTopic, () -> {
            sns.delete(r.topicArn());
            return DeleteTopicResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<GetTopicAttributesResponse> getTopicAttributes(GetTopicAttributesRequest r) {
        return call(Operation.GetTopicAttributes, () -> {
            EmbeddedSns.Topic t = sns.byArn(r.topicArn());
            Map<String, String> a = new LinkedHashMap<>(t.attributes);
            a.put("TopicArn", t.arn);
            a.put("SubscriptionsConfirmed", Integer.toString(t.subscriptions.size()));
            return GetTopicAttributesResponse.builder().attributes(a).build();
        });
    }

    @Override
    public CompletableFuture<ListTopicsResponse> listTopics(ListTopicsRequest r) {
        return call(Operation.ListTopics, () -> ListTopicsResponse.builder()
                .topics(sns.topics().stream().map(t -> Topic.builder().topicArn(t.arn).build()).toList()).build());
    }

    @Override
    public CompletableFuture<SubscribeResponse> subscribe(SubscribeRequest r) {
        return call(Operation.Subscribe, () -> {
            EmbeddedSns.Subscription s = sns.subscribe(sns.byArn(r.topicArn()), r.protocol(), r.endpoint(), r.attributes());
            return SubscribeResponse.builder().subscriptionArn(s.arn).build();
        });
    }

    @Override
    public CompletableFuture<UnsubscribeResponse> unsubscribe(UnsubscribeRequest r) {
        return call(Operation.Unsubscribe, () -> {
            sns.unsubscribe(r.subscriptionArn());
            return UnsubscribeResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<GetSubscriptionAttributesResponse> getSubscriptionAttributes(GetSubscriptionAttributesRequest r) {
        return call(Operation.GetSubscriptionAttributes, () -> {
            EmbeddedSns.Subscription s = sns.subscriptionByArn(r.subscriptionArn());
            Map<String, String> a = new LinkedHashMap<>(s.attributes);
            a.put("SubscriptionArn", s.arn);
            a.put("TopicArn", s.topicArn);
            a.put("Endpoint", s.endpoint);
            a.put("Protocol", "sqs");
            return GetSubscriptionAttributesResponse.builder().attributes(a).build();
        });
    }

    @Override
    public CompletableFuture<SetSubscriptionAttributesResponse> setSubscriptionAttributes(SetSubscriptionAttributesRequest r) {
        return call(Operation.SetSubscriptionAttributes, () -> {
            sns.applyAttributes(sns.subscriptionByArn(r.subscriptionArn()), Map.of(r.attributeName(),
                    r.attributeValue() == null ? "" : r.attributeValue()));
            return SetSubscriptionAttributesResponse.builder().build();
        });
    }

    @Override
    public CompletableFuture<ListSubscriptionsByTopicResponse> listSubscriptionsByTopic(ListSubscriptionsByTopicRequest r) {
        return call(Operation.ListSubscriptionsByTopic, () -> ListSubscriptionsByTopicResponse.builder()
                .subscriptions(sns.byArn(r.topicArn()).subscriptions.values().stream().map(s -> Subscription.builder()
                        .subscriptionArn(s.arn).topicArn(s.topicArn).endpoint(s.endpoint).protocol("sqs").build()).toList()).build());
    }

    @Override
    public CompletableFuture<PublishResponse> publish(PublishRequest r) {
        return call(Operation.Publish, () -> {
            String[] ids = sns.publish(sns.byArn(r.topicArn()), publication(r.message(), r.messageAttributes(), r.messageGroupId(),
                    r.messageDeduplicationId()));
            return PublishResponse.builder().messageId(ids[0]).sequenceNumber(ids[1]).build();
        });
    }

    @Override
    public CompletableFuture<PublishBatchResponse> publishBatch(PublishBatchRequest r) {
        return call(Operation.PublishBatch, () -> {
            EmbeddedSns.Topic t = sns.byArn(r.topicArn());
            List<PublishBatchRequestEntry> entries = r.publishBatchRequestEntries();
            if (entries.isEmpty()) throw SnsErrors.invalidParameter("PublishBatchRequestEntries: the batch is empty");
            if (entries.size() > MAX_BATCH_ENTRIES) {
                throw TooManyEntriesInBatchRequestException.builder().message("The batch request contains more entries than permissible")
                        .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("TooManyEntriesInBatchRequest").serviceName("Sns").build()).build();
            }
            Set<String> ids = new HashSet<>();
            int total = 0;
            for (PublishBatchRequestEntry e : entries) {
                if (!ids.add(e.id())) {
                    throw BatchEntryIdsNotDistinctException.builder().message("Two or more batch entries in the request have the same Id")
                            .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                    .errorCode("BatchEntryIdsNotDistinct").serviceName("Sns").build()).build();
                }
                total += e.message().length();
                if (e.messageAttributes() != null) {
                    for (var a : e.messageAttributes().entrySet()) total += a.getKey().length() + a.getValue().dataType().length()
                            + (a.getValue().stringValue() == null ? 0 : a.getValue().stringValue().length());
                }
            }
            if (total > t.maxMessageSize()) {
                throw BatchRequestTooLongException.builder().message("The length of all the batch messages put together is more than the limit")
                        .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("BatchRequestTooLong").serviceName("Sns").build()).build();
            }
            List<PublishBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (PublishBatchRequestEntry e : entries) {
                try {
                    String[] out = sns.publish(t, publication(e.message(), e.messageAttributes(), e.messageGroupId(), e.messageDeduplicationId()));
                    ok.add(PublishBatchResultEntry.builder().id(e.id()).messageId(out[0]).sequenceNumber(out[1]).build());
                } catch (AwsServiceException ex) {
                    failed.add(BatchResultErrorEntry.builder().id(e.id()).code(ex.awsErrorDetails().errorCode())
                            .message(ex.awsErrorDetails().errorMessage()).senderFault(true).build());
                }
            }
            return PublishBatchResponse.builder().successful(ok).failed(failed).build();
        });
    }

    @Override
    public CompletableFuture<TagResourceResponse> tagResource(TagResourceRequest r) {
        return call(Operation.TagResource, () -> TagResourceResponse.builder().build());
    }

    private static EmbeddedSns.Publication publication(String message, Map<String, MessageAttributeValue> attributes, String group,
                                                       String dedup) {
        if (message == null || message.isEmpty()) throw SnsErrors.invalidParameter("Message: the message must not be empty");
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> sqsAttributes = new LinkedHashMap<>();
        if (attributes != null) {
            for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
                MessageAttributeValue v = e.getValue();
                if (v.dataType() == null) throw SnsErrors.invalidParameter("MessageAttributes: the type of " + e.getKey() + " is missing");
                if (v.stringValue() == null && v.binaryValue() == null) {
                    throw SnsErrors.invalidParameter("Message attribute '" + e.getKey() + "' must contain non-empty message attribute value");
                }
                sqsAttributes.put(e.getKey(), EmbeddedSns.toSqs(v.dataType(), v.stringValue(), v.binaryValue()));
            }
        }
        return new EmbeddedSns.Publication(message, EmbeddedSns.view(sqsAttributes), sqsAttributes, group, dedup);
    }
}
