package io.jmsaws.ra.metrics;

import io.jmsaws.telemetry.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Registers the MXBeans over the adapter's {@link MessagingMetrics} in the platform MBean server:
 * the destinations counted so far at once, each later one when first counted; all unregistered at
 * stop. A name already taken (a second adapter in the server) gets an {@code instance} key.
 */
public final class MetricsBeans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsBeans.class);

    private final MessagingMetrics metrics;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();
    /** Destinations whose bean is registered or being registered: each once, whichever thread counts it first. */
    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Consumer<String> onNew = this::registerDestination;
    private volatile boolean closed;

    public MetricsBeans(MessagingMetrics metrics) {
        this.metrics = metrics;
    }

    public void register() {
        register("io.jmsaws:type=Requests", new Requests(metrics));
        metrics.onNewDestination(onNew);
        metrics.destinations().keySet().forEach(this::registerDestination);
    }

    private void registerDestination(String destination) {
        if (closed || !seen.add(destination)) return; // counted before the listener and found again
        register("io.jmsaws:type=Destination,name=" + ObjectName.quote(destination), new Destination(metrics.of(destination)));
    }

    private void register(String base, Object bean) {
        try {
            for (int n = 1; n < 100; n++) {
                ObjectName name = new ObjectName(n == 1 ? base : base + ",instance=" + n);
                try {
                    server.registerMBean(bean, name);
                    registered.add(name);
                    return;
                } catch (InstanceAlreadyExistsException taken) {
                    // another adapter's: try the next instance number
                }
            }
        } catch (JMException | RuntimeException e) {
            // metrics are for watching; a failure to show them must not stop messaging
            LOG.warn("jms-aws: cannot register the metrics MXBean {}: {}", base, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        metrics.removeListener(onNew);
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException | RuntimeException e) {
                LOG.debug("unregistering {}: {}", name, e.toString());
            }
        }
        registered.clear();
    }

    private record Destination(MessagingMetrics.Destination d) implements DestinationMetricsMXBean {
        @Override public long getSent() { return d.sent(); }
        @Override public long getReceived() { return d.received(); }
        @Override public long getAcknowledged() { return d.acknowledged(); }
        @Override public long getRedelivered() { return d.redelivered(); }
        @Override public long getExpired() { return d.expired(); }
        @Override public long getDeadLettered() { return d.deadLettered(); }
        @Override public long getHeld() { return d.held(); }
        @Override public long getVisibilityExtensions() { return d.visibilityExtensions(); }
        @Override public double getSendLatencyAverageMillis() { return average(d.sendLatency()); }
        @Override public double getSendLatencyMaxMillis() { return d.sendLatency().maxNanos() / 1e6; }
        @Override public double getReceiveLagAverageMillis() { return average(d.receiveLag()); }
        @Override public double getReceiveLagMaxMillis() { return d.receiveLag().maxNanos() / 1e6; }

        private static double average(MessagingMetrics.Timer t) {
            long n = t.count();
            return n == 0 ? 0 : t.totalNanos() / 1e6 / n;
        }
    }

    private record Requests(MessagingMetrics metrics) implements RequestMetricsMXBean {
        @Override public Map<String, Long> getRequests() { return metrics.requests(); }
        @Override public long getTotal() { return metrics.requests().values().stream().mapToLong(Long::longValue).sum(); }
    }
}
