package io.jmsaws.telemetry;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.telemetry.otel.OtelTracing;
import io.jmsaws.testing.TestBackend;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces through a queue with OpenTelemetry's SDK and its in-memory exporter: create, send,
 * receive and process spans with their kinds, attributes, parents and links; the context in the
 * message (W3C in our header attribute, X-Ray as AWSTraceHeader); a trace begun by a plain SDK
 * producer's AWSTraceHeader continued; batched and transacted sends; the metric counts.
 */
abstract class TracingContract {
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<Long> BATCH = AttributeKey.longKey("messaging.batch.message_count");

    protected final InMemorySpanExporter spans = InMemorySpanExporter.create();
    protected final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
    protected OpenTelemetrySdk sdk;

    protected abstract TestBackend backend();

    /** Whether the server keeps a send's AWSTraceHeader system attribute (fauxqs drops it; SQS, ElasticMQ and embedded keep it). */
    protected boolean keepsAwsTraceHeader() {
        return true;
    }

    @BeforeEach
    void sdk() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metricReader).build())
                .build();
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    protected JmsAwsConnectionFactory traced(String options) {
        JmsAwsConnectionFactory f = backend().factory(options);
        f.setTracing(OtelTracing.of(sdk));
        return f;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected List<SpanData> spansOf(String destination) {
        return spans.getFinishedSpanItems().stream().filter(s -> destination.equals(s.getAttributes().get(DESTINATION))).toList();
    }

    protected SpanData only(String destination, String operation) {
        List<SpanData> found = spansOf(destination).stream().filter(s -> operation.equals(s.getAttributes().get(OPERATION))).toList();
        assertThat(found).as("%s spans of %s", operation, destination).hasSize(1);
        return found.get(0);
    }

    /** The queue's message as SQS holds it, read behind the provider's back: every attribute, system ones too. */
    protected software.amazon.awssdk.services.sqs.model.Message rawMessage(String queue) {
        String url = backend().sqs().getQueueUrl(b -> b.queueName(queue)).join().queueUrl();
        return backend().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).join().messages().get(0);
    }

    protected static boolean links(SpanData span, SpanContext target) {
        return span.getLinks().stream().map(LinkData::getSpanContext).anyMatch(c -> c.getSpanId().equals(target.getSpanId()));
    }

    @Test
    void aMessageCarriesItsTraceFromTheSenderToTheListener() throws Exception {
        String name = unique("traced");
        BlockingQueue<SpanContext> inListener = new LinkedBlockingQueue<>();
        try (Connection c = traced("").createConnection()) {
            Session consuming = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = consuming.createQueue(name);
            MessageConsumer consumer = consuming.createConsumer(queue);
            consumer.setMessageListener(m -> inListener.add(Span.current().getSpanContext()));
            c.start();
            Session sending = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Span app = sdk.getTracer("app").spanBuilder("place order").startSpan();
            try (Scope ignored = app.makeCurrent()) {
                sending.createProducer(queue).send(sending.createTextMessage("traced"));
            } finally {
                app.end();
            }
            SpanContext listener = inListener.poll(20, TimeUnit.SECONDS);
            assertThat(listener).as("the listener ran").isNotNull();

            await().atMost(Duration.ofSeconds(10)).until(() -> spansOf(name).stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
            SpanData create = only(name, "create");
            assertThat(create.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(create.getName()).isEqualTo("create " + name);
            assertThat(create.getParentSpanId()).as("create is a child of the application's span").isEqualTo(app.getSpanContext().getSpanId());
            assertThat(create.getAttributes().get(SYSTEM)).isEqualTo("aws_sqs");
            assertThat(create.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))).startsWith("ID:");

            SpanData send = only(name, "send");
            assertThat(send.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(send.getName()).isEqualTo("send " + name);
            assertThat(links(send, create.getSpanContext())).as("the send span links the message's create span").isTrue();
            assertThat(send.getAttributes().get(RPC_METHOD)).startsWith("SendMessage");

            SpanData receive = spansOf(name).stream().filter(s -> "receive".equals(s.getAttributes().get(OPERATION)))
                    .filter(s -> links(s, create.getSpanContext())).findFirst().orElseThrow();
            assertThat(receive.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(receive.getAttributes().get(RPC_METHOD)).isEqualTo("ReceiveMessage");

            SpanData process = only(name, "process");
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(process.getName()).isEqualTo("process " + name);
            assertThat(process.getTraceId()).as("one trace from the sender to the listener").isEqualTo(app.getSpanContext().getTraceId());
            assertThat(process.getParentSpanId()).as("process is a child of the message's create span").isEqualTo(create.getSpanId());
            assertThat(listener.getSpanId()).as("the process span is current in onMessage").isEqualTo(process.getSpanId());
        }
    }

    @Test
    void sqsReceivesTheXrayHeaderAsAwsTraceHeaderAndTheW3cContextInTheHeadersAttribute() throws Exception {
        String name = unique("xray");
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue(name)).send(s.createTextMessage("to X-Ray"));
        }
        SpanData create = only(name, "create");
        var raw = rawMessage(name);
        String traceId = create.getTraceId();
        assertThat(raw.messageAttributes().get("JMS_AWS_Headers").stringValue())
                .contains("tp=00-" + traceId + "-" + create.getSpanId() + "-0"); // sampled; flags 01 or 03 (random trace id)
        assertThat(raw.messageAttributes()).as("no attribute spent on the trace").doesNotContainKeys("traceparent", "X-Amzn-Trace-Id");
        if (!keepsAwsTraceHeader()) {
            assertThat(raw.attributes()).as("%s drops AWSTraceHeader", backend().name()).doesNotContainKey(MessageSystemAttributeName.AWS_TRACE_HEADER);
            return;
        }
        assertThat(raw.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER))
                .isEqualTo("Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + create.getSpanId() + ";Sampled=1");
    }

    @Test
    void aTraceBegunByAPlainSdkProducersAwsTraceHeaderIsContinued() throws Exception {
        String name = unique("from-lambda");
        String url = backend().sqs().createQueue(b -> b.queueName(name)).join().queueUrl();
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        backend().sqs().sendMessage(b -> b.queueUrl(url).messageBody("from a Lambda function").messageSystemAttributes(
                java.util.Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(header).build()))).join();
        BlockingQueue<SpanContext> inListener = new LinkedBlockingQueue<>();
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(s.createQueue(name)).setMessageListener(m -> inListener.add(Span.current().getSpanContext()));
            c.start();
            SpanContext listener = inListener.poll(20, TimeUnit.SECONDS);
            assertThat(listener).isNotNull();
            if (!keepsAwsTraceHeader()) {
                assertThat(listener.getTraceId()).as("%s dropped the header: a trace of its own", backend().name())
                        .isNotEqualTo("5759e988bd862e3fe1be46a994272793");
                return;
            }
            assertThat(listener.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> spansOf(name).stream().anyMatch(sp -> sp.getKind() == SpanKind.CONSUMER));
        assertThat(only(name, "process").getParentSpanId()).isEqualTo("53995c3f42cd8ad8");
    }

    @Test
    void asynchronousSendsShareASendSpanThatLinksEachMessage() throws Exception {
        String name = unique("batched");
        int n = 5;
        CountDownLatch done = new CountDownLatch(n);
        try (Connection c = traced("batchWindowMillis=50").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(name));
            CompletionListener count = new CompletionListener() {
                @Override public void onCompletion(Message message) { done.countDown(); }
                @Override public void onException(Message message, Exception exception) { }
            };
            for (int i = 0; i < n; i++) p.send(s.createTextMessage("m" + i), count);
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        }
        List<SpanData> creates = spansOf(name).stream().filter(sp -> "create".equals(sp.getAttributes().get(OPERATION))).toList();
        List<SpanData> sends = spansOf(name).stream().filter(sp -> "send".equals(sp.getAttributes().get(OPERATION))).toList();
        assertThat(creates).hasSize(n);
        assertThat(sends.size()).as("fewer requests than messages").isLessThan(n);
        for (SpanData create : creates) {
            assertThat(sends.stream().filter(sp -> links(sp, create.getSpanContext())).count()).as("requests carrying %s", create.getName())
                    .isEqualTo(1);
        }
        SpanData batch = sends.stream().filter(sp -> sp.getLinks().size() > 1).findFirst().orElseThrow();
        assertThat(batch.getAttributes().get(RPC_METHOD)).isEqualTo("SendMessageBatch");
        assertThat(batch.getAttributes().get(BATCH)).isEqualTo((long) batch.getLinks().size());
    }

    @Test
    void aTransactionsMessagesAreCreatedAtSendAndGoOutAtCommit() throws Exception {
        String name = unique("transacted");
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(name));
            for (int i = 0; i < 3; i++) p.send(s.createTextMessage("t" + i));
            assertThat(spansOf(name)).as("before commit: three create spans, nothing sent")
                    .extracting(sp -> sp.getAttributes().get(OPERATION)).containsOnly("create").hasSize(3);
            s.commit();
        }
        List<SpanData> sends = spansOf(name).stream().filter(sp -> "send".equals(sp.getAttributes().get(OPERATION))).toList();
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).getLinks()).hasSize(3);
    }

    @Test
    void theMetricsCountAKnownWorkload() throws Exception {
        String name = unique("counted");
        MessagingMetrics metrics = MessagingMetrics.global();
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = s.createQueue(name);
            MessageProducer p = s.createProducer(queue);
            for (int i = 0; i < 4; i++) p.send(s.createTextMessage("w" + i));
            s.commit();
            MessageConsumer consumer = s.createConsumer(queue);
            c.start();
            for (int i = 0; i < 4; i++) assertThat(consumer.receive(10_000)).as("first delivery %s", i).isNotNull();
            assertThat(metrics.of(name).held()).as("held in the open transaction").isEqualTo(4);
            s.rollback();
            for (int i = 0; i < 4; i++) {
                TextMessage m = (TextMessage) consumer.receive(10_000);
                assertThat(m).as("redelivery %s", i).isNotNull();
                assertThat(m.getJMSRedelivered()).isTrue();
            }
            s.commit();
        }
        MessagingMetrics.Destination d = metrics.of(name);
        assertThat(d.sent()).isEqualTo(4);
        assertThat(d.received()).isEqualTo(8);
        assertThat(d.redelivered()).isEqualTo(4);
        assertThat(d.acknowledged()).isEqualTo(4);
        assertThat(d.held()).as("nothing held after commit and close").isZero();
        assertThat(d.sendLatency().count()).isEqualTo(4);
        assertThat(metrics.requests()).containsKeys("SendMessageBatch", "ReceiveMessage", "DeleteMessageBatch");

        java.util.Collection<MetricData> exported = metricReader.collectAllMetrics();
        assertThat(pointValue(exported, "messaging.client.sent.messages", name)).isEqualTo(4);
        assertThat(pointSystem(exported, "messaging.client.sent.messages", name)).isEqualTo("aws_sqs");
        assertThat(pointValue(exported, "messaging.client.consumed.messages", name)).isEqualTo(8);
        assertThat(pointValue(exported, "jmsaws.messages.acknowledged", name)).isEqualTo(4);
        assertThat(pointValue(exported, "jmsaws.messages.redelivered", name)).isEqualTo(4);
        assertThat(exported).extracting(MetricData::getName).contains("messaging.client.operation.duration", "jmsaws.requests");
    }

    /** The points a long sum metric has for a destination (one per messaging.system). */
    static List<io.opentelemetry.sdk.metrics.data.LongPointData> points(java.util.Collection<MetricData> metrics, String metric,
                                                                        String destination) {
        return metrics.stream().filter(m -> m.getName().equals(metric))
                .flatMap(m -> m.getType() == io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_SUM
                        ? m.getLongSumData().getPoints().stream() : java.util.stream.Stream.empty())
                .filter(p -> destination.equals(p.getAttributes().get(DESTINATION))).toList();
    }

    static long pointValue(java.util.Collection<MetricData> metrics, String metric, String destination) {
        return points(metrics, metric, destination).stream().mapToLong(p -> p.getValue()).findFirst().orElse(-1);
    }

    @Test
    void aBrowserLookIsNotCountedAsAReceipt() throws Exception {
        String name = unique("browsed");
        MessagingMetrics metrics = MessagingMetrics.global();
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = s.createQueue(name);
            MessageProducer p = s.createProducer(queue);
            p.send(s.createTextMessage("a"));
            p.send(s.createTextMessage("b"));
            int browsed = 0;
            try (jakarta.jms.QueueBrowser browser = s.createBrowser(queue)) {
                for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) browsed++;
            }
            assertThat(browsed).isEqualTo(2);
            assertThat(metrics.of(name).received()).as("after browsing").isZero();
            MessageConsumer consumer = s.createConsumer(queue);
            c.start();
            for (int i = 0; i < 2; i++) assertThat(consumer.receive(10_000)).as("delivery %s", i).isNotNull();
        }
        assertThat(metrics.of(name).received()).isEqualTo(2);
        assertThat(metrics.of(name).redelivered()).as("a browsed message's first delivery is no redelivery").isZero();
    }

    /** The messaging.system of a destination's point of a metric (the conventions require it), or null. */
    static String pointSystem(java.util.Collection<MetricData> metrics, String metric, String destination) {
        return points(metrics, metric, destination).stream().map(p -> p.getAttributes().get(SYSTEM)).findFirst().orElse(null);
    }

    @Test
    void temporaryQueuesShareOneNameInSpansAndMetrics() throws Exception {
        try (Connection c = traced("").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (int i = 0; i < 3; i++) {
                jakarta.jms.TemporaryQueue reply = s.createTemporaryQueue();
                s.createProducer(reply).send(s.createTextMessage("reply " + i));
                reply.delete();
            }
        }
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).contains("create (temporary)", "send (temporary)")
                .noneMatch(n -> n.contains("jmsaws-tmp-"));
        assertThat(MessagingMetrics.global().destinations().keySet()).as("one key for every temporary queue, not one each")
                .contains("(temporary)").noneMatch(n -> n.contains("jmsaws-tmp-"));
    }

    @Test
    void withTracingOffMessagesCarryNoContextAndNoSpansAreMade() throws Exception {
        String name = unique("untraced");
        try (Connection c = traced("tracing=false").createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue(name)).send(s.createTextMessage("quiet"));
        }
        assertThat(spansOf(name)).isEmpty();
        var raw = rawMessage(name);
        assertThat(raw.messageAttributes().get("JMS_AWS_Headers").stringValue()).doesNotContain("tp=");
        assertThat(raw.attributes()).doesNotContainKey(MessageSystemAttributeName.AWS_TRACE_HEADER);
    }
}
