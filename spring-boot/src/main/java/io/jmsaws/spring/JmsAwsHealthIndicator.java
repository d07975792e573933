package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.admin.DeadLetterAdmin;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the jms-aws backend (Spring Boot Actuator's {@code jmsaws} component): one ListQueues
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
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(factory, null, null)) {
            boolean any = admin.ping();
            builder.up().withDetail("backend", factory.getConfig().toString()).withDetail("queuesListed", any ? 1 : 0);
        }
    }
}
