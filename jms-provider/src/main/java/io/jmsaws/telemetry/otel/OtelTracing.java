package io.jmsaws.telemetry.otel;

import io.jmsaws.telemetry.DestinationNames;
import io.jmsaws.telemetry.MessagingMetrics;
import io.jmsaws.telemetry.TraceContext;
import io.jmsaws.telemetry.Tracing;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link Tracing} with OpenTelemetry, following the messaging semantic conventions of
 * {@value #SEMCONV_VERSION} (still marked Development there): span names
 * {@code "<operation> <destination>"}, {@code messaging.system} {@code aws_sqs} or {@code aws.sns},
 * {@code create} (PRODUCER) per message at send(), {@code send} (CLIENT) per request linking the
 * messages it carries, {@code receive} (CLIENT) per ReceiveMessage that brought messages, linking
 * them, {@code process} (CONSUMER) per listener or MDB delivery, child of the message's context.
 * The context goes into messages as W3C trace context and, where the X-Ray propagator from
 * opentelemetry-java-contrib is on the class path, as X-Ray's {@code AWSTraceHeader}.
 */
public final class OtelTracing implements Tracing {
    public static final String SEMCONV_VERSION = "1.37.0";
    static final String SCHEMA_URL = "https://opentelemetry.io/schemas/" + SEMCONV_VERSION;
    static final String SCOPE = "io.jmsaws";

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override public Iterable<String> keys(Map<String, String> carrier) { return carrier.keySet(); }
        @Override public String get(Map<String, String> carrier, String key) { return carrier == null ? null : carrier.get(key); }
    };

    /** Where the instance comes from: a given one, or the global one once someone has set it. */
    private final Supplier<OpenTelemetry> source;
    private volatile Instruments instruments;

    private OtelTracing(Supplier<OpenTelemetry> source) {
        this.source = source;
    }

    /** With this OpenTelemetry instance (a Spring bean, an SDK built by the application). */
    public static OtelTracing of(OpenTelemetry openTelemetry) {
        return new OtelTracing(() -> openTelemetry);
    }

    /**
     * With the instance {@code first} gives once there is one (a bean made after the connection
     * factory, looked up at the first span), else the global one (see {@link #global}).
     */
    public static OtelTracing preferring(Supplier<OpenTelemetry> first) {
        return new OtelTracing(() -> {
            OpenTelemetry given = first.get();
            return given != null ? given : globalIfSet();
        });
    }

    /**
     * With {@link GlobalOpenTelemetry}, looked up at each use until it is set (the Java agent sets it
     * at start; an application's SDK may do so later): {@code GlobalOpenTelemetry.get()} would fix
     * the global to a no-op and make the application's own {@code set} fail.
     */
    public static OtelTracing global() {
        return new OtelTracing(OtelTracing::globalIfSet);
    }

    /** OpenTelemetry's Java agent is attached: its bridge answers GlobalOpenTelemetry.get() with the agent's SDK. */
    private static final boolean AGENT = agentAttached();

    private static boolean agentAttached() {
        try {
            Class.forName("io.opentelemetry.javaagent.bootstrap.AgentInitializer", false, null); // on the boot class path
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static OpenTelemetry globalIfSet() {
        try {
            return AGENT || GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
        } catch (NoSuchMethodError older) {
            // opentelemetry-api before 1.62 (1.56 has no isSet; Spring Boot 4.0 manages 1.55): its get() would autoconfigure
            // or fix a no-op global, breaking the application's own set() later. No spans then, unless given an instance
            // (JmsAwsConnectionFactory.setTracing, the Spring Boot auto-configuration's OpenTelemetry bean) or the agent.
            return null;
        }
    }

    /** The tracer, propagators and duration histograms of the current instance; null while there is none, or if it broke. */
    private Instruments instruments() {
        Instruments i = instruments;
        if (i != null || broken) return i;
        try {
            OpenTelemetry otel = source.get();
            if (otel == null) return null;
            synchronized (this) {
                if (instruments == null) instruments = new Instruments(otel);
                return instruments;
            }
        } catch (RuntimeException | LinkageError e) {
            broken = true; // not retried at every request
            failed(e);
            return null;
        }
    }

    private volatile boolean broken;

    private static final class Instruments {
        final Tracer tracer;
        final XrayHeaders xray = XrayHeaders.ifPresent();
        final DoubleHistogram operationDuration;
        final DoubleHistogram processDuration;

        Instruments(OpenTelemetry otel) {
            tracer = otel.tracerBuilder(SCOPE).setSchemaUrl(SCHEMA_URL).build();
            var meter = otel.meterBuilder(SCOPE).setSchemaUrl(SCHEMA_URL).build();
            operationDuration = meter.histogramBuilder("messaging.client.operation.duration").setUnit("s")
                    .setDescription("Duration of SQS/SNS send and receive requests").build();
            processDuration = meter.histogramBuilder("messaging.process.duration").setUnit("s")
                    .setDescription("Duration of MessageListener and MDB deliveries").build();
            OtelMetrics.register(otel, MessagingMetrics.global());
        }
    }

    @Override
    public boolean enabled() {
        return instruments() != null;
    }

    /**
     * Tracing never fails messaging: an OpenTelemetry failure (a version of the API that does not
     * match the X-Ray propagator, a broken exporter) is logged once and the call goes on unspanned.
     */
    private static void failed(Throwable e) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("tracing failed ({}); messages go on without spans where it fails (logged once)", e.toString());
        }
        LOG.debug("tracing failure", e);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OtelTracing.class);
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public TraceContext create(MessagingSystem system, String destination, String messageId) {
        try {
            return createSpan(system, DestinationNames.forTelemetry(destination), messageId);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return null;
        }
    }

    @Override
    public Request send(String operation, MessagingSystem system, String destination, List<TraceContext> messages) {
        try {
            return sendSpan(operation, system, DestinationNames.forTelemetry(destination), messages);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return Request.NONE;
        }
    }

    @Override
    public void received(MessagingSystem system, String destination, List<TraceContext> messages, long startEpochNanos) {
        try {
            receiveSpan(system, DestinationNames.forTelemetry(destination), messages, startEpochNanos);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    @Override
    public Delivery process(MessagingSystem system, String destination, String messageId, TraceContext message) {
        try {
            return processSpan(system, DestinationNames.forTelemetry(destination), messageId, message);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return Delivery.NONE;
        }
    }

    private TraceContext createSpan(MessagingSystem system, String destination, String messageId) {
        Instruments i = instruments();
        if (i == null) return null;
        Span span = i.tracer.spanBuilder("create " + destination).setSpanKind(SpanKind.PRODUCER)
                .setAllAttributes(common(system, destination, "create", "create")).setAttribute(MESSAGE_ID, messageId).startSpan();
        try {
            Context context = Context.current().with(span);
            Map<String, String> carrier = new HashMap<>();
            W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
            String xray = i.xray == null ? null : i.xray.inject(context); // its own failures are its own (XrayHeaders)
            return new TraceContext(carrier.get("traceparent"), carrier.get("tracestate"), xray);
        } finally {
            span.end();
        }
    }

    private Request sendSpan(String operation, MessagingSystem system, String destination, List<TraceContext> messages) {
        Instruments i = instruments();
        if (i == null) return Request.NONE;
        long start = System.nanoTime();
        SpanBuilder builder = i.tracer.spanBuilder("send " + destination).setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(common(system, destination, "send", "send")).setAttribute(RPC_METHOD, operation)
                .setAttribute(RPC_SYSTEM, "aws-api");
        if (messages.size() > 1) builder.setAttribute(BATCH_COUNT, (long) messages.size());
        for (TraceContext m : messages) link(builder, i, m);
        Span span = builder.startSpan();
        return new Request() {
            @Override
            public Current makeCurrent() {
                try {
                    io.opentelemetry.context.Scope scope = span.makeCurrent();
                    return scope::close;
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                    return () -> { };
                }
            }

            @Override
            public void end(Throwable error) {
                ended(span, i, start, system, destination, error);
            }
        };
    }

    private static void ended(Span span, Instruments i, long start, MessagingSystem system, String destination, Throwable error) {
        try {
            Attributes attrs = common(system, destination, "send", "send");
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error.toString());
                span.setAttribute(ERROR_TYPE, error.getClass().getName());
                attrs = attrs.toBuilder().put(ERROR_TYPE, error.getClass().getName()).build();
            }
            span.end();
            i.operationDuration.record((System.nanoTime() - start) / 1e9, attrs);
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    private void receiveSpan(MessagingSystem system, String destination, List<TraceContext> messages, long startEpochNanos) {
        Instruments i = instruments();
        if (i == null || messages.isEmpty()) return;
        SpanBuilder builder = i.tracer.spanBuilder("receive " + destination).setSpanKind(SpanKind.CLIENT).setNoParent()
                .setAllAttributes(common(system, destination, "receive", "receive")).setAttribute(RPC_METHOD, "ReceiveMessage")
                .setAttribute(RPC_SYSTEM, "aws-api").setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS);
        if (messages.size() > 1) builder.setAttribute(BATCH_COUNT, (long) messages.size());
        for (TraceContext m : messages) link(builder, i, m);
        builder.startSpan().end();
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        i.operationDuration.record((now - startEpochNanos) / 1e9, common(system, destination, "receive", "receive"));
    }

    private Delivery processSpan(MessagingSystem system, String destination, String messageId, TraceContext message) {
        Instruments i = instruments();
        if (i == null) return Delivery.NONE;
        long start = System.nanoTime();
        Context parent = extract(i, message);
        SpanBuilder builder = i.tracer.spanBuilder("process " + destination).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent == null ? Context.root() : parent)
                .setAllAttributes(common(system, destination, "process", "process")).setAttribute(MESSAGE_ID, messageId);
        if (parent != null) builder.addLink(Span.fromContext(parent).getSpanContext()); // the conventions ask for the link, the parent is ours
        Span span = builder.startSpan();
        io.opentelemetry.context.Scope current = span.makeCurrent();
        return new Delivery() {
            private Throwable failure;

            @Override public void failed(Throwable error) { failure = error; }

            @Override
            public void close() {
                try {
                    end();
                } catch (RuntimeException | LinkageError e) {
                    failed(e);
                }
            }

            private void end() {
                Attributes attrs = common(system, destination, "process", "process");
                try {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.toString());
                        span.setAttribute(ERROR_TYPE, failure.getClass().getName());
                        attrs = attrs.toBuilder().put(ERROR_TYPE, failure.getClass().getName()).build();
                    }
                } finally {
                    current.close(); // never left current on a pooled delivery thread
                    span.end();
                }
                i.processDuration.record((System.nanoTime() - start) / 1e9, attrs);
            }
        };
    }

    private static Attributes common(MessagingSystem system, String destination, String operation, String type) {
        return Attributes.of(SYSTEM, system.value, DESTINATION, destination, OPERATION_NAME, operation, OPERATION_TYPE, type);
    }

    private static void link(SpanBuilder builder, Instruments i, TraceContext m) {
        Context c = extract(i, m);
        if (c == null) return;
        SpanContext sc = Span.fromContext(c).getSpanContext();
        if (sc.isValid()) builder.addLink(sc);
    }

    /** The context a message carries: its W3C fields (written by jms-aws, authoritative), else its AWSTraceHeader (Lambda, SNS, X-Ray). */
    private static Context extract(Instruments i, TraceContext m) {
        if (m == null || m.isEmpty()) return null;
        if (m.traceparent() != null) {
            Map<String, String> carrier = new HashMap<>();
            carrier.put("traceparent", m.traceparent());
            if (m.tracestate() != null) carrier.put("tracestate", m.tracestate());
            Context c = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, FROM_MAP);
            if (Span.fromContext(c).getSpanContext().isValid()) return c;
        }
        return i.xray == null || m.awsTraceHeader() == null ? null : i.xray.extract(m.awsTraceHeader());
    }
}
