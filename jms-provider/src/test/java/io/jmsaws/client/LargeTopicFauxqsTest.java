package io.jmsaws.client;

import io.jmsaws.testing.FauxqsBackend;
import io.jmsaws.testing.TestBackend;

class LargeTopicFauxqsTest extends LargeTopicContract {
    @Override
    protected TestBackend backend() {
        return FauxqsBackend.get();
    }
}
