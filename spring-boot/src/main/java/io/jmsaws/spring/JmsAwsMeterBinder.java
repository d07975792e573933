package io.jmsaws.spring;

import io.jmsaws.telemetry.MessageCount;
import io.jmsaws.telemetry.MessagingMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
        for (MessageCount count : MessageCount.values()) {
            FunctionCounter.builder(count.meterName, d, count::of).tag("destination", name).description(count.description).register(registry);
        }
        Gauge.builder("jmsaws.messages.held", d, MessagingMetrics.Destination::held).tag("destination", name)
                .description("Messages held invisible by consumers now").register(registry);
        timer(registry, "jmsaws.send.latency", "From send() to the service's confirmation", name, d.sendLatency());
        timer(registry, "jmsaws.receive.lag", "From JMSTimestamp to receipt", name, d.receiveLag());
    }

    private static void timer(MeterRegistry registry, String meter, String description, String destination, MessagingMetrics.Timer t) {
        FunctionTimer.builder(meter, t, MessagingMetrics.Timer::count, MessagingMetrics.Timer::totalNanos, TimeUnit.NANOSECONDS)
                .tag("destination", destination).description(description).register(registry);
    }
}
