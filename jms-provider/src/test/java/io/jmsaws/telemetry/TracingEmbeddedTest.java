package io.jmsaws.telemetry;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class TracingEmbeddedTest extends TopicTracingContract {
    private static final TestBackend BACKEND = new EmbeddedBackend("tracing");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
