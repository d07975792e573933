package io.jmsaws.telemetry;

/**
 * A connection's telemetry: its {@link Tracing} and the class loader's {@link MessagingMetrics}.
 * By default tracing goes to OpenTelemetry's global instance when {@code opentelemetry-api} is on
 * the class path (and no-where otherwise); {@code JmsAwsConnectionFactory.setTracing} gives another.
 */
public record Telemetry(Tracing tracing, MessagingMetrics metrics) {

    /** No spans; metrics still counted (they cost a few adders). */
    public static Telemetry untraced() {
        return new Telemetry(Tracing.NONE, MessagingMetrics.global());
    }

    public static Telemetry of(Tracing tracing) {
        return new Telemetry(tracing, MessagingMetrics.global());
    }

    /** OpenTelemetry's global instance if the API is on the class path, else no tracing. */
    public static Tracing defaultTracing() {
        return DefaultTracing.INSTANCE;
    }

    /** Looked up once per class loader: the OpenTelemetry implementation only when its API is there. */
    private static final class DefaultTracing {
        static final Tracing INSTANCE = load();

        private static Tracing load() {
            try {
                Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, Telemetry.class.getClassLoader());
                return (Tracing) Class.forName("io.jmsaws.telemetry.otel.OtelTracing").getMethod("global").invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return Tracing.NONE;
            }
        }
    }
}
