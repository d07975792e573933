package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class ConformanceEmbeddedTest extends ConformanceContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("conformance");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
