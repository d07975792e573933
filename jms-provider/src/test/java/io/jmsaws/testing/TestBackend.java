package io.jmsaws.testing;

import io.jmsaws.JmsAwsConnectionFactory;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * A queue server the contract tests run against: the embedded backend or ElasticMQ. The same
 * tests run on both, so the embedded backend is held to a third-party SQS implementation.
 */
public interface TestBackend {
    String name();

    /** The connection URL, with extra options appended. */
    String url(String extraOptions);

    default JmsAwsConnectionFactory factory() {
        return new JmsAwsConnectionFactory(url(""));
    }

    default JmsAwsConnectionFactory factory(String extraOptions) {
        return new JmsAwsConnectionFactory(url(extraOptions));
    }

    /** A raw SDK client on the same server, for setting up and checking behind the provider's back. */
    SqsAsyncClient sqs();

    /** A raw SNS client on the same server (the embedded backend and fauxqs have SNS; ElasticMQ has not). */
    default software.amazon.awssdk.services.sns.SnsAsyncClient sns() {
        throw new UnsupportedOperationException(name() + " has no SNS");
    }

    /** Requests the provider made, where the backend can count them (-1 when it cannot). */
    default long requestCount(String operation) {
        return -1;
    }
}
