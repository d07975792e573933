package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class ConformanceElasticMqTest extends ConformanceContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
