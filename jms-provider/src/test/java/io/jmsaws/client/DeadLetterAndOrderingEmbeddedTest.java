package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class DeadLetterAndOrderingEmbeddedTest extends DeadLetterAndOrderingContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("dead-letters");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
