package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class FairQueuesElasticMqTest extends FairQueuesContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
