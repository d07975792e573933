package io.jmsaws.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spans to the application's OpenTelemetry bean and counts in its Micrometer registry, with no code but the beans. */
class ObservabilityInSpringBootTest {
    static final String QUEUE = "observed-" + UUID.randomUUID().toString().substring(0, 8);
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Configuration
    @EnableAutoConfiguration
    static class ObservedApp {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Bean(destroyMethod = "close")
        OpenTelemetrySdk openTelemetry() {
            return OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @JmsListener(destination = "${observed.queue}")
        void onMessage(String body) {
            received.add(body);
        }
    }

    @Test
    void spansGoToTheOpenTelemetryBeanAndCountsToTheMeterRegistry() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ObservedApp.class).web(WebApplicationType.NONE)
                .properties("jmsaws.url=embedded://spring-observed", "observed.queue=" + QUEUE).run();
        try {
            assertThat(context.getBean(OpenTelemetry.class)).isNotNull();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            // Spring Boot Actuator's metrics auto-configuration binds MeterBinder beans; without it, as here, the test binds
            context.getBean(JmsAwsMeterBinder.class).bindTo(registry);
            JmsTemplate template = context.getBean(JmsTemplate.class);
            for (int i = 0; i < 3; i++) template.convertAndSend(QUEUE, "m" + i);
            ObservedApp app = context.getBean(ObservedApp.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> app.received.size() == 3);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(registry.get("jmsaws.messages.acknowledged").tag("destination", QUEUE).functionCounter().count()).isEqualTo(3));
            assertThat(registry.get("jmsaws.messages.sent").tag("destination", QUEUE).functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("jmsaws.send.latency").tag("destination", QUEUE).functionTimer().count()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SPANS.getFinishedSpanItems()).extracting(SpanData::getName)
                    .contains("create " + QUEUE, "send " + QUEUE, "receive " + QUEUE));
            // @JmsListener's container calls receive() and the listener itself: its process span is Spring's own
            // JMS observation (Micrometer), not ours
            assertThat(SPANS.getFinishedSpanItems()).extracting(SpanData::getName).doesNotContain("process " + QUEUE);
        } finally {
            context.close();
        }
    }
}
