package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.telemetry.MessagingMetrics;
import io.jmsaws.telemetry.Tracing;
import io.jmsaws.telemetry.otel.OtelTracing;
import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The jms-aws {@link ConnectionFactory} of a Spring Boot application, unless it defines its own.
 * As for Spring Boot's brokers, it is wrapped in a {@link CachingConnectionFactory} unless
 * {@code spring.jms.cache.enabled=false}; consumers are not cached by default (a cached consumer
 * would keep what it read ahead), producers are.
 */
@AutoConfiguration(before = JmsAutoConfiguration.class)
@ConditionalOnClass({ConnectionFactory.class, JmsAwsConnectionFactory.class})
@ConditionalOnMissingBean(ConnectionFactory.class)
@EnableConfigurationProperties({JmsAwsProperties.class, JmsProperties.class})
public class JmsAwsAutoConfiguration {

    @Bean
    public ConnectionFactory jmsConnectionFactory(JmsAwsProperties properties, JmsProperties jms, ObjectProvider<Tracing> tracing) {
        JmsAwsConnectionFactory factory = new JmsAwsConnectionFactory(properties.connectionUrl());
        tracing.ifAvailable(factory::setTracing);
        JmsProperties.Cache cache = jms.getCache();
        if (!cache.isEnabled()) return factory;
        CachingConnectionFactory caching = new CachingConnectionFactory(factory);
        caching.setCacheConsumers(cache.isConsumers());
        caching.setCacheProducers(cache.isProducers());
        caching.setSessionCacheSize(cache.getSessionCacheSize());
        return caching;
    }

    /** With an OpenTelemetry bean (Spring Boot's OpenTelemetry support, the OpenTelemetry starter): spans go to it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
    static class OpenTelemetryTracing {
        @Bean
        @ConditionalOnMissingBean(Tracing.class)
        @ConditionalOnBean(type = "io.opentelemetry.api.OpenTelemetry")
        Tracing jmsawsTracing(io.opentelemetry.api.OpenTelemetry openTelemetry) {
            return OtelTracing.of(openTelemetry);
        }
    }

    /** With Micrometer (Spring Boot Actuator): the message counts as meters in the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        JmsAwsMeterBinder jmsawsMeterBinder() {
            return new JmsAwsMeterBinder(MessagingMetrics.global());
        }
    }

    /** With Spring Boot Actuator: the {@code jmsaws} health component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "jmsawsHealthIndicator")
        JmsAwsHealthIndicator jmsawsHealthIndicator(JmsAwsProperties properties) {
            return new JmsAwsHealthIndicator(new JmsAwsConnectionFactory(properties.connectionUrl()));
        }
    }
}
