package io.jmsaws.admin;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class QueueAdministrationElasticMqTest extends QueueAdministrationContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
