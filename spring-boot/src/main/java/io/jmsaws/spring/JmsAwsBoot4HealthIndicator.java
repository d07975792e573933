package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code jmsaws} health component for Spring Boot 4, whose health API moved to spring-boot-health (the check: {@link BackendPing#details}). */
public class JmsAwsBoot4HealthIndicator extends AbstractHealthIndicator {
    private final JmsAwsConnectionFactory factory;

    public JmsAwsBoot4HealthIndicator(JmsAwsConnectionFactory factory) {
        super("jms-aws health check failed");
        this.factory = factory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.up().withDetails(BackendPing.details(factory));
    }
}
