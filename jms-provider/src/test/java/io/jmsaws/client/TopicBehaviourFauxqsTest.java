package io.jmsaws.client;

import io.jmsaws.testing.FauxqsBackend;
import io.jmsaws.testing.TestBackend;

class TopicBehaviourFauxqsTest extends TopicBehaviourContract {
    @Override
    protected TestBackend backend() {
        return FauxqsBackend.get();
    }
}
