package io.jmsaws.telemetry.otel;

import io.jmsaws.telemetry.MessageCount;
import io.jmsaws.telemetry.MessagingMetrics;
import io.jmsaws.telemetry.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.ToLongFunction;

/**
 * The counts of {@link MessagingMetrics} as OpenTelemetry asynchronous instruments, read at each
 * collection: semantic-convention names where the conventions have one
 * ({@code messaging.client.sent.messages}, {@code messaging.client.consumed.messages}), names under
 * {@code jmsaws.} for what they have not. Registered once per OpenTelemetry instance.
 */
public final class OtelMetrics {
    private static final AttributeKey<String> DESTINATION = OtelTracing.DESTINATION;
    private static final AttributeKey<String> SYSTEM = OtelTracing.SYSTEM;
    private static final String SQS = Tracing.MessagingSystem.SQS.value;
    private static final Set<OpenTelemetry> REGISTERED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private OtelMetrics() {
    }

    /** Registers the instruments with this instance, unless done before. */
    public static void register(OpenTelemetry otel, MessagingMetrics metrics) {
        if (!REGISTERED.add(otel)) return;
        Meter meter = otel.meterBuilder(OtelTracing.SCOPE).setSchemaUrl(OtelTracing.SCHEMA_URL).build();
        // messaging.system is required on the conventions' messaging metrics: a name's sends to SNS and to SQS are two points
        meter.counterBuilder("messaging.client.sent.messages").setUnit("{message}").setDescription(MessageCount.SENT.description)
                .buildWithCallback(m -> metrics.destinations().forEach((name, d) -> {
                    long toTopics = d.sentToTopics();
                    if (toTopics > 0) m.record(toTopics, Attributes.of(SYSTEM, Tracing.MessagingSystem.SNS.value, DESTINATION, name));
                    if (toTopics == 0 || d.sentToQueues() > 0) m.record(d.sentToQueues(), Attributes.of(SYSTEM, SQS, DESTINATION, name));
                }));
        for (MessageCount count : MessageCount.values()) {
            if (count == MessageCount.SENT) continue;
            String name = count == MessageCount.RECEIVED ? "messaging.client.consumed.messages" : count.meterName;
            meter.counterBuilder(name).setUnit("{message}").setDescription(count.description)
                    .buildWithCallback(m -> observe(m, metrics, count::of));
        }
        meter.upDownCounterBuilder("jmsaws.messages.held").setUnit("{message}")
                .setDescription("Messages held invisible by consumers now (prefetched, unacknowledged, in open transactions)")
                .buildWithCallback(m -> observe(m, metrics, MessagingMetrics.Destination::held));
        AttributeKey<String> operation = OtelTracing.RPC_METHOD;
        meter.counterBuilder("jmsaws.requests").setUnit("{request}").setDescription("SQS and SNS requests, by operation")
                .buildWithCallback(m -> metrics.requests().forEach((op, n) -> m.record(n, Attributes.of(operation, op))));
    }

    private static void observe(ObservableLongMeasurement m, MessagingMetrics metrics, ToLongFunction<MessagingMetrics.Destination> value) {
        for (Map.Entry<String, MessagingMetrics.Destination> e : metrics.destinations().entrySet()) {
            // what is received, acknowledged, held… is always in an SQS queue (a topic's subscription queues)
            m.record(value.applyAsLong(e.getValue()), Attributes.of(SYSTEM, SQS, DESTINATION, e.getKey()));
        }
    }
}
