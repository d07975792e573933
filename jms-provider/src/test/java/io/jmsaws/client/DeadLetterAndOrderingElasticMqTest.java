package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class DeadLetterAndOrderingElasticMqTest extends DeadLetterAndOrderingContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }

    @Override
    protected boolean reportsRetention() {
        return false;
    }
}
