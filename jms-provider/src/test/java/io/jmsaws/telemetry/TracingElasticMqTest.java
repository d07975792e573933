package io.jmsaws.telemetry;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

/** Over HTTP, against ElasticMQ's SQS. */
class TracingElasticMqTest extends TracingContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }
}
