package io.jmsaws.spring;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class SpringJmsEmbeddedTest extends SpringJmsContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("spring");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
