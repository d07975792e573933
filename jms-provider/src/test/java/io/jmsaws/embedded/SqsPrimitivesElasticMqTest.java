package io.jmsaws.embedded;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

class SqsPrimitivesElasticMqTest extends SqsPrimitivesContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
