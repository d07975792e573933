package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class ReadAheadEmbeddedTest extends ReadAheadContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("read-ahead");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
