package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class ConsumerLivenessElasticMqTest extends ConsumerLivenessContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
