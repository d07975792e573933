package io.jmsaws.telemetry;

/**
 * The name a destination has in spans and metrics. Temporary queues and topics and the queues of
 * non-durable subscriptions get a fresh UUID name each (one per {@code sendAndReceive}, per
 * subscriber): as metric keys and span names they would grow without bound, so they are counted
 * and named together, as OpenTelemetry's conventions advise for temporary destinations.
 */
public final class DestinationNames {
    /** What temporary destinations are called in telemetry. */
    public static final String TEMPORARY = "(temporary)";
    /** The prefixes jms-aws gives those names (client.TemporaryDestinations, aws.SubscriptionQueues), after any queuePrefix. */
    private static final String[] PER_CONNECTION = {"jmsaws-tmp-", "jmsaws-sub-"};

    private DestinationNames() {
    }

    public static String forTelemetry(String serviceName) {
        for (String p : PER_CONNECTION) {
            if (serviceName.contains(p)) return TEMPORARY;
        }
        return serviceName;
    }
}
