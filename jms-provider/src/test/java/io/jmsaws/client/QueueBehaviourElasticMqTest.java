package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class QueueBehaviourElasticMqTest extends QueueBehaviourContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
