package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.ElasticMqBackend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class JmsAwsHealthIndicatorTest {

    @Test
    void upOnTheEmbeddedBackendAndOnElasticMq() {
        assertThat(new JmsAwsHealthIndicator(new JmsAwsConnectionFactory("embedded://health")).health().getStatus()).isEqualTo(Status.UP);
        Health elasticMq = new JmsAwsHealthIndicator(ElasticMqBackend.get().factory()).health();
        assertThat(elasticMq.getStatus()).isEqualTo(Status.UP);
        assertThat(elasticMq.getDetails()).containsKey("backend");
    }

    @Test
    void downWithTheReasonWhenSqsDoesNotAnswer() {
        Health health = new JmsAwsHealthIndicator(new JmsAwsConnectionFactory(
                "aws://?region=us-east-1&endpoint=http://127.0.0.1:9&accessKeyId=x&secretAccessKey=y&maxAttempts=1")).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("error"))).contains("ListQueues");
    }
}
