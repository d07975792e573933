package io.jmsaws.spring;

import io.jmsaws.telemetry.MessagingMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * jms-aws's counts ({@link MessagingMetrics}) as Micrometer meters in Spring Boot's registry, tagged
 * by {@code destination}: read from the same counters the OpenTelemetry instruments and the
 * resource adapter's MXBeans read, so nothing is counted twice. Destinations used later are bound
 * when first counted; request counts by {@code operation} as they appear.
 */
public final class JmsAwsMeterBinder implements MeterBinder, AutoCloseable {
    private final MessagingMetrics metrics;
    private final java.util.List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JmsAwsMeterBinder(MessagingMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Set<String> destinations = ConcurrentHashMap.newKeySet();
        Set<String> operations = ConcurrentHashMap.newKeySet();
        java.util.function.Consumer<String> onDestination = name -> {
            if (destinations.add(name)) bind(registry, name);
        };
        java.util.function.Consumer<String> onOperation = op -> {
            if (operations.add(op)) bindOperation(registry, op);
        };
        listeners.add(onDestination);
        listeners.add(onOperation);
        metrics.onNewDestination(onDestination);
        metrics.onNewOperation(onOperation);
        metrics.destinations().keySet().forEach(onDestination);
        metrics.requests().keySet().forEach(onOperation);
    }

    /** The application context closes: registries it made are not fed any more (and not kept reachable). */
    @Override
    public void close() {
        listeners.forEach(metrics::removeListener);
        listeners.clear();
    }

    private void bindOperation(MeterRegistry registry, String operation) {
        FunctionCounter.builder("jmsaws.requests", metrics, m -> m.requests().getOrDefault(operation, 0L))
                .tag("operation", operation).description("SQS and SNS requests, by operation").register(registry);
    }

    private void bind(MeterRegistry registry, String name) {
        MessagingMetrics.Destination d = metrics.of(name);
        counter(registry, "jmsaws.messages.sent", "Messages whose send SQS or SNS confirmed", name, d, MessagingMetrics.Destination::sent);
        counter(registry, "jmsaws.messages.received", "Messages ReceiveMessage handed to this application", name, d,
                MessagingMetrics.Destination::received);
        counter(registry, "jmsaws.messages.acknowledged", "Received messages deleted after acknowledgement or commit", name, d,
                MessagingMetrics.Destination::acknowledged);
        counter(registry, "jmsaws.messages.redelivered", "Received messages delivered to an application before (JMSRedelivered)", name, d,
                MessagingMetrics.Destination::redelivered);
        counter(registry, "jmsaws.messages.expired", "Messages past their JMSExpiration, deleted unseen", name, d,
                MessagingMetrics.Destination::expired);
        counter(registry, "jmsaws.messages.dead_lettered", "Failed deliveries given back at maxReceiveCount", name, d,
                MessagingMetrics.Destination::deadLettered);
        counter(registry, "jmsaws.visibility.extensions", "ChangeMessageVisibility calls keeping held messages invisible", name, d,
                MessagingMetrics.Destination::visibilityExtensions);
        Gauge.builder("jmsaws.messages.held", d, MessagingMetrics.Destination::held).tag("destination", name)
                .description("Messages held invisible by consumers now").register(registry);
        timer(registry, "jmsaws.send.latency", "From send() to the service's confirmation", name, d.sendLatency());
        timer(registry, "jmsaws.receive.lag", "From JMSTimestamp to receipt", name, d.receiveLag());
    }

    private static void counter(MeterRegistry registry, String meter, String description, String destination,
                                MessagingMetrics.Destination d, ToDoubleFunction<MessagingMetrics.Destination> value) {
        FunctionCounter.builder(meter, d, value).tag("destination", destination).description(description).register(registry);
    }

    private static void timer(MeterRegistry registry, String meter, String description, String destination, MessagingMetrics.Timer t) {
        FunctionTimer.builder(meter, t, MessagingMetrics.Timer::count, MessagingMetrics.Timer::totalNanos, TimeUnit.NANOSECONDS)
                .tag("destination", destination).description(description).register(registry);
    }
}
