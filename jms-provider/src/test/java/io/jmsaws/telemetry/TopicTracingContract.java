package io.jmsaws.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue contract plus a topic: producer → SNS → subscription queue → listener in one trace (SNS forwards no system attribute). */
abstract class TopicTracingContract extends TracingContract {

    @Test
    void aPublishedMessageCarriesItsTraceThroughTheSubscriptionQueue() throws Exception {
        String name = unique("traced-topic");
        BlockingQueue<SpanContext> inListener = new LinkedBlockingQueue<>();
        try (Connection c = traced("").createConnection()) {
            c.setClientID(unique("tracing-client"));
            Session consuming = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = consuming.createTopic(name);
            consuming.createDurableSubscriber(topic, "audit").setMessageListener(m -> inListener.add(Span.current().getSpanContext()));
            c.start();
            Session sending = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            sending.createProducer(topic).send(sending.createTextMessage("published"));
            SpanContext listener = inListener.poll(20, TimeUnit.SECONDS);
            assertThat(listener).as("the subscriber's listener ran").isNotNull();

            SpanData create = only(name, "create");
            assertThat(create.getAttributes().get(SYSTEM)).isEqualTo("aws.sns");
            SpanData send = only(name, "send");
            assertThat(send.getAttributes().get(SYSTEM)).isEqualTo("aws.sns");
            assertThat(send.getAttributes().get(RPC_METHOD)).isEqualTo("Publish");
            assertThat(links(send, create.getSpanContext())).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                    .anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.getSpanId().equals(listener.getSpanId())));
            SpanData process = spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(listener.getSpanId())).findFirst().orElseThrow();
            assertThat(process.getTraceId()).isEqualTo(create.getTraceId());
            assertThat(process.getParentSpanId()).isEqualTo(create.getSpanId());
            assertThat(process.getAttributes().get(SYSTEM)).as("read from the subscription's SQS queue").isEqualTo("aws_sqs");
            c.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        }
        java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> exported = metricReader.collectAllMetrics();
        assertThat(pointValue(exported, "messaging.client.sent.messages", name)).isEqualTo(1);
        assertThat(pointSystem(exported, "messaging.client.sent.messages", name)).as("a topic's sends went to SNS").isEqualTo("aws.sns");
    }

    @Test
    void sendsToATopicAndAQueueOfOneNameAreTwoPointsOneForEachService() throws Exception {
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // all temporary destinations share one name in telemetry, as a queue and a topic may share one
            s.createProducer(s.createTemporaryTopic()).send(s.createTextMessage("to a topic"));
            s.createProducer(s.createTemporaryQueue()).send(s.createTextMessage("to a queue"));
        }
        java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> exported = metricReader.collectAllMetrics();
        assertThat(points(exported, "messaging.client.sent.messages", DestinationNames.TEMPORARY))
                .extracting(p -> p.getAttributes().get(SYSTEM)).containsExactlyInAnyOrder("aws.sns", "aws_sqs");
    }
}
