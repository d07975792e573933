package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class ReadAheadElasticMqTest extends ReadAheadContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
