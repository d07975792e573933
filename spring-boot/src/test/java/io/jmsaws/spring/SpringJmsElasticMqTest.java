package io.jmsaws.spring;

import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.TestBackend;

/** ElasticMQ has no SNS: the topic test needs the embedded backend. */
class SpringJmsElasticMqTest extends SpringJmsContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }

    @Override
    void durableAndSharedTopicSubscriptionsEachGetEveryPrice() {
        // no SNS in ElasticMQ (the embedded run covers it)
    }
}
