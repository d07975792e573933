package io.jmsaws.client;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class SpecChaptersElasticMqTest extends SpecChaptersContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
