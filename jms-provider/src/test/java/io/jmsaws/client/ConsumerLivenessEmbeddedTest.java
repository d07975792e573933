package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class ConsumerLivenessEmbeddedTest extends ConsumerLivenessContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("consumer-liveness");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
