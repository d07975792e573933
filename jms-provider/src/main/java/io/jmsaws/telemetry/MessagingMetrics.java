package io.jmsaws.telemetry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What this JVM's jms-aws connections did, per destination (by queue or topic name) and per
 * SQS/SNS operation: counted always (a few adders per event, no allocation), read by whichever
 * exporter is there — OpenTelemetry instruments, the resource adapter's JMX MBeans, Micrometer in
 * Spring Boot. One instance per class loader ({@link #global}), so outbound and inbound
 * connections of an application count together.
 */
public final class MessagingMetrics {

    /** The counters of one destination. Counts only grow; {@link #held} goes up and down. */
    public static final class Destination {
        final LongAdder sentToQueues = new LongAdder();
        final LongAdder sentToTopics = new LongAdder();
        final LongAdder received = new LongAdder();
        final LongAdder acknowledged = new LongAdder();
        final LongAdder redelivered = new LongAdder();
        final LongAdder expired = new LongAdder();
        final LongAdder deadLettered = new LongAdder();
        final LongAdder held = new LongAdder();
        final LongAdder visibilityExtensions = new LongAdder();
        final Timer sendLatency = new Timer();
        final Timer receiveLag = new Timer();

        /** Messages whose send the service confirmed. */
        public long sent() { return sentToQueues.sum() + sentToTopics.sum(); }
        /**
         * Of those, the ones published to an SNS topic of this name (SQS took the rest). Apart: a
         * queue and a topic may share a name, and all temporary destinations share one.
         */
        public long sentToTopics() { return sentToTopics.sum(); }
        /** The ones sent to an SQS queue of this name. */
        public long sentToQueues() { return sentToQueues.sum(); }
        /** Messages ReceiveMessage handed to this JVM (every delivery attempt counts). */
        public long received() { return received.sum(); }
        /** Received messages deleted: consumed and acknowledged or committed. */
        public long acknowledged() { return acknowledged.sum(); }
        /** Received messages that were delivered to an application before (JMSRedelivered: not counting unseen returns). */
        public long redelivered() { return redelivered.sum(); }
        /** Messages found past their JMSExpiration on receipt, deleted unseen. */
        public long expired() { return expired.sum(); }
        /** Failed deliveries given back at the queue's maxReceiveCount: SQS moves them to the dead-letter queue. */
        public long deadLettered() { return deadLettered.sum(); }
        /** Messages this JVM holds invisible now (prefetched, delivered and unacknowledged, in an open transaction). */
        public long held() { return held.sum(); }
        /** ChangeMessageVisibility calls that kept a held message invisible longer. */
        public long visibilityExtensions() { return visibilityExtensions.sum(); }
        /** From send() to the service's confirmation. */
        public Timer sendLatency() { return sendLatency; }
        /** From the message's JMSTimestamp to its receipt here: how long it waited. */
        public Timer receiveLag() { return receiveLag; }
    }

    /** Count, total and maximum of durations, in nanoseconds. */
    public static final class Timer {
        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        void record(long nanos) {
            if (nanos < 0) nanos = 0;
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulate(nanos);
        }

        public long count() { return count.sum(); }
        public long totalNanos() { return totalNanos.sum(); }
        public long maxNanos() { return maxNanos.get(); }
    }

    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> newDestinationListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> newOperationListeners = new CopyOnWriteArrayList<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessagingMetrics.class);

    /** The instance of this class loader (the application's, or the resource adapter's). */
    public static MessagingMetrics global() {
        return io.jmsaws.util.ClassLoaderState.of(MessagingMetrics.class, MessagingMetrics::new);
    }

    /** The counters of a destination (temporary ones share {@link DestinationNames#TEMPORARY}), made on first use. */
    public Destination of(String serviceName) {
        String destination = DestinationNames.forTelemetry(serviceName);
        Destination d = destinations.get(destination);
        if (d != null) return d;
        Destination created = new Destination();
        d = destinations.putIfAbsent(destination, created);
        if (d != null) return d;
        notifyAll(newDestinationListeners, destination);
        return created;
    }

    /** Exporters' listeners run on the messaging path: whatever they throw must not reach it. */
    private static void notifyAll(List<Consumer<String>> listeners, String name) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(name);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("a metrics exporter failed on {} ({}); counting goes on", name, e.toString());
                LOG.debug("metrics exporter failure", e);
            }
        }
    }

    /** Every destination counted so far, by name. */
    public Map<String, Destination> destinations() {
        return new TreeMap<>(destinations);
    }

    /** SQS/SNS requests made, by operation name (SendMessageBatch, ReceiveMessage, Publish, …), retries by the SDK not counted. */
    public Map<String, Long> requests() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((op, n) -> copy.put(op, n.sum()));
        return copy;
    }

    /** Called with the name of each destination as it is first counted (an exporter registering its meters). */
    public void onNewDestination(Consumer<String> listener) {
        newDestinationListeners.add(listener);
    }

    /** Called with the name of each SQS/SNS operation as it is first counted. */
    public void onNewOperation(Consumer<String> listener) {
        newOperationListeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        newDestinationListeners.remove(listener);
        newOperationListeners.remove(listener);
    }

    // ------------------------------------------------------------------------------------ events

    public void request(String operation) {
        LongAdder n = requests.get(operation);
        if (n == null) {
            LongAdder created = new LongAdder();
            n = requests.putIfAbsent(operation, created);
            if (n == null) {
                n = created;
                notifyAll(newOperationListeners, operation);
            }
        }
        n.increment();
    }
    /** Messages the service confirmed, to a queue or ({@code topic}) an SNS topic. */
    public void sent(String destination, boolean topic, int messages, long latencyNanos) {
        Destination d = of(destination);
        (topic ? d.sentToTopics : d.sentToQueues).add(messages);
        for (int i = 0; i < messages; i++) d.sendLatency.record(latencyNanos);
    }
    /** A received message; {@code lagMillis} negative when its send time is unknown (no sample then). */
    public void received(String destination, boolean redelivered, long lagMillis) {
        Destination d = of(destination);
        d.received.increment();
        if (redelivered) d.redelivered.increment();
        if (lagMillis >= 0) d.receiveLag.record(lagMillis * 1_000_000L);
    }
    public void acknowledged(String destination, int messages) { of(destination).acknowledged.add(messages); }
    public void expired(String destination) { of(destination).expired.increment(); }
    public void deadLettered(String destination) { of(destination).deadLettered.increment(); }
    public void held(String destination, int delta) { of(destination).held.add(delta); }
    public void visibilityExtended(String destination) { of(destination).visibilityExtensions.increment(); }
}
