package io.jmsaws.spring.boot4;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringVersion;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jms-aws-spring-boot jar built against Spring Boot 3.5, in a Spring Boot 4.0 application:
 * JmsTemplate and @JmsListener from properties, the health component, the meters in Boot 4's registry, a clean close.
 */
class SpringBoot4ApplicationTest {

    @Configuration
    @EnableAutoConfiguration
    static class OrdersApp {
        final List<String> received = new CopyOnWriteArrayList<>();

        @JmsListener(destination = "orders")
        void onOrder(String order) {
            received.add(order);
        }
    }

    private static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("jms-aws-session-") || n.startsWith("jms-aws-timer-")).toList();
    }

    @Test
    void jmsTemplateAndJmsListenerWorkOnSpringBoot4() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.0");
        assertThat(SpringVersion.getVersion()).startsWith("7.0");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApp.class).web(WebApplicationType.NONE)
                .properties("jmsaws.url=embedded://spring-boot-4", "spring.jms.cache.session-cache-size=4").run();
        try {
            CachingConnectionFactory cf = context.getBean(CachingConnectionFactory.class);
            assertThat(cf.getSessionCacheSize()).as("spring.jms.cache.* applies").isEqualTo(4);
            assertThat(context.getBean("jmsawsHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
            JmsTemplate template = context.getBean(JmsTemplate.class);
            for (int i = 0; i < 5; i++) template.convertAndSend("orders", "order " + i);
            OrdersApp app = context.getBean(OrdersApp.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.received.size() == 5);
            assertThat(app.received).containsExactlyInAnyOrder("order 0", "order 1", "order 2", "order 3", "order 4");
            // Spring Boot 4's metrics auto-configuration (spring-boot-micrometer-metrics) binds our MeterBinder to its registry
            io.micrometer.core.instrument.MeterRegistry registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(registry.get("jmsaws.messages.sent").tag("destination", "orders").functionCounter().count()).isEqualTo(5);
                assertThat(registry.get("jmsaws.messages.acknowledged").tag("destination", "orders").functionCounter().count()).isEqualTo(5);
            });
        } finally {
            context.close();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ourThreads()).as("after close").isEmpty());
    }

    @Test
    void theHealthComponentIsDownWithTheReasonWhenSqsDoesNotAnswer() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NoListenerApp.class).web(WebApplicationType.NONE)
                .properties("jmsaws.url=aws://?region=us-east-1&endpoint=http://127.0.0.1:9&accessKeyId=x&secretAccessKey=y&maxAttempts=1")
                .run();
        try {
            org.springframework.boot.health.contributor.Health health =
                    context.getBean("jmsawsHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("ListQueues");
        } finally {
            context.close();
        }
    }

    /** Nothing that would connect at start: the health check is the first call to SQS. */
    @Configuration
    @EnableAutoConfiguration
    static class NoListenerApp {
    }
}
