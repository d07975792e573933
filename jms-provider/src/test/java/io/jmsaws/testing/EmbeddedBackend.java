package io.jmsaws.testing;

import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

public final class EmbeddedBackend implements TestBackend {
    private final String instance;
    private final EmbeddedSqs server;

    public EmbeddedBackend(String instance) {
        this.instance = instance;
        this.server = EmbeddedSqs.instance(instance);
        server.setDeletedQueueCooldownMillis(0);
    }

    public EmbeddedSqs server() {
        return server;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String url(String extraOptions) {
        return "embedded://" + instance + (extraOptions.isEmpty() ? "" : "?" + extraOptions);
    }

    @Override
    public SqsAsyncClient sqs() {
        return new EmbeddedSqsAsyncClient(server);
    }

    @Override
    public software.amazon.awssdk.services.sns.SnsAsyncClient sns() {
        return new io.jmsaws.embedded.EmbeddedSnsAsyncClient(server);
    }

    @Override
    public long requestCount(String operation) {
        return server.requestCount(EmbeddedSqs.Operation.valueOf(operation));
    }
}
