package io.jmsaws.client;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class TopicBehaviourEmbeddedTest extends TopicBehaviourContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("topics");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
