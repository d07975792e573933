package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class SpecChaptersEmbeddedTest extends SpecChaptersContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("spec-chapters");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
