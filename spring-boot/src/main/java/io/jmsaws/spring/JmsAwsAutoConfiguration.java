package io.jmsaws.spring;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.telemetry.MessagingMetrics;
import io.jmsaws.telemetry.Tracing;
import io.jmsaws.telemetry.otel.OtelTracing;
import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The jms-aws {@link ConnectionFactory} of a Spring Boot application, unless it defines its own.
 * As for Spring Boot's brokers, it is wrapped in a {@link CachingConnectionFactory} unless
 * {@code spring.jms.cache.enabled=false}; consumers are not cached by default (a cached consumer
 * would keep what it read ahead), producers are.
 */
@AutoConfiguration(beforeName = {JmsAwsAutoConfiguration.BOOT3_JMS_AUTO_CONFIGURATION, JmsAwsAutoConfiguration.BOOT4_JMS_AUTO_CONFIGURATION})
@ConditionalOnClass({ConnectionFactory.class, JmsAwsConnectionFactory.class})
@ConditionalOnMissingBean(ConnectionFactory.class)
@EnableConfigurationProperties(JmsAwsProperties.class)
public class JmsAwsAutoConfiguration {
    /** Spring Boot 3's JMS auto-configuration, and Spring Boot 4's (moved to the spring-boot-jms module): ours runs before either. */
    static final String BOOT3_JMS_AUTO_CONFIGURATION = "org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration";
    static final String BOOT4_JMS_AUTO_CONFIGURATION = "org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration";

    /**
     * {@code spring.jms.cache.*} read through the Binder (relaxed names, as Spring Boot binds them) rather than
     * through Spring Boot's {@code JmsProperties}, whose package differs between Spring Boot 3 and 4: one jar for both.
     */
    @Bean
    public ConnectionFactory jmsConnectionFactory(JmsAwsProperties properties, Environment environment, ObjectProvider<Tracing> tracing) {
        JmsAwsConnectionFactory factory = new JmsAwsConnectionFactory(properties.connectionUrl());
        tracing.ifAvailable(factory::setTracing);
        Binder binder = Binder.get(environment);
        if (!binder.bind("spring.jms.cache.enabled", Boolean.class).orElse(true)) return factory;
        CachingConnectionFactory caching = new CachingConnectionFactory(factory);
        caching.setCacheConsumers(binder.bind("spring.jms.cache.consumers", Boolean.class).orElse(false));
        caching.setCacheProducers(binder.bind("spring.jms.cache.producers", Boolean.class).orElse(true));
        caching.setSessionCacheSize(binder.bind("spring.jms.cache.session-cache-size", Integer.class).orElse(1));
        return caching;
    }

    /**
     * With an OpenTelemetry bean (Spring Boot's OpenTelemetry support, the OpenTelemetry starter): spans go to it.
     * Looked up at the first span, not now: the auto-configurations that make it may run after this one.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
    static class OpenTelemetryTracing {
        @Bean
        @ConditionalOnMissingBean(Tracing.class)
        Tracing jmsawsTracing(ObjectProvider<io.opentelemetry.api.OpenTelemetry> openTelemetry) {
            return OtelTracing.preferring(openTelemetry::getIfUnique);
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

    /** With Spring Boot 3's Actuator: the {@code jmsaws} health component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "jmsawsHealthIndicator")
        JmsAwsHealthIndicator jmsawsHealthIndicator(JmsAwsProperties properties) {
            return new JmsAwsHealthIndicator(new JmsAwsConnectionFactory(properties.connectionUrl()));
        }
    }

    /** With Spring Boot 4's health support (spring-boot-health): the same component. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "jmsawsHealthIndicator")
        JmsAwsBoot4HealthIndicator jmsawsHealthIndicator(JmsAwsProperties properties) {
            return new JmsAwsBoot4HealthIndicator(new JmsAwsConnectionFactory(properties.connectionUrl()));
        }
    }
}
