package io.jmsaws.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Spring Boot application with nothing but properties: JmsTemplate and @JmsListener on jms-aws, and a clean close. */
class SpringBootApplicationTest {

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
    void jmsTemplateAndJmsListenerWorkFromPropertiesAndCloseLeavesNoThreads() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApp.class).web(WebApplicationType.NONE)
                .properties("jmsaws.url=embedded://spring-boot-app", "jmsaws.options.prefetch=5").run();
        try {
            assertThat(context.getBean(jakarta.jms.ConnectionFactory.class)).isInstanceOf(CachingConnectionFactory.class);
            // with Spring Boot Actuator on the class path, the jmsaws health component
            assertThat(context.getBean("jmsawsHealthIndicator", org.springframework.boot.actuate.health.HealthIndicator.class).health()
                    .getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.UP);
            JmsTemplate template = context.getBean(JmsTemplate.class);
            for (int i = 0; i < 5; i++) template.convertAndSend("orders", "order " + i);
            OrdersApp app = context.getBean(OrdersApp.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.received.size() == 5);
            assertThat(app.received).containsExactlyInAnyOrder("order 0", "order 1", "order 2", "order 3", "order 4");
            assertThat(ourThreads()).as("while running").isNotEmpty();
        } finally {
            context.close();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ourThreads()).as("after close").isEmpty());
    }
}
