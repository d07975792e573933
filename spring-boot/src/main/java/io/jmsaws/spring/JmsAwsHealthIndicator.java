package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the jms-aws backend (Spring Boot 3 Actuator's {@code jmsaws} component): one ListQueues
 * request for at most one queue — SQS answers and accepts the credentials, or the error says why.
 */
public class JmsAwsHealthIndicator extends AbstractHealthIndicator {
    private final JmsAwsConnectionFactory factory;

    public JmsAwsHealthIndicator(JmsAwsConnectionFactory factory) {
        super("jms-aws health check failed");
        this.factory = factory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.up().withDetails(BackendPing.details(factory));
    }
}
