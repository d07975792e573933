package io.jmsaws.admin;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class QueueAdministrationEmbeddedTest extends QueueAdministrationContract {
    private final TestBackend backend = new EmbeddedBackend("queue-admin");

    @Override
    protected TestBackend backend() {
        return backend;
    }
}
