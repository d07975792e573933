package io.jmsaws.telemetry;

import java.util.List;

/**
 * The spans jms-aws makes, following OpenTelemetry's messaging semantic conventions (see
 * {@code OtelTracing} for the version): {@code create} at {@code send()}, {@code send} and
 * {@code receive} around the SQS/SNS requests, {@code process} around a MessageListener or MDB
 * delivery. Destinations are names; a message's context travels as a {@link TraceContext}.
 */
public interface Tracing {

    /** The service a destination lives in, with its {@code messaging.system} value. */
    enum MessagingSystem {
        SQS("aws_sqs"), SNS("aws.sns");

        public final String value;

        MessagingSystem(String value) {
            this.value = value;
        }
    }

    /** The span of a request under way; ended once. */
    interface Request {
        Request NONE = error -> { };

        void end(Throwable error);

        /** Makes the span current while the request is made, so the SDK's own instrumentation (the Java agent's) nests under it. */
        default Current makeCurrent() {
            return () -> { };
        }
    }

    /** A span made current on this thread, until closed. */
    interface Current extends AutoCloseable {
        @Override
        void close();
    }

    /** A delivery's process span, current on the delivering thread until closed. */
    interface Delivery extends AutoCloseable {
        Delivery NONE = new Delivery() {
            @Override public void failed(Throwable error) { }
            @Override public void close() { }
        };

        /** The delivery failed (a listener threw): recorded on the span when it closes. */
        void failed(Throwable error);

        @Override
        void close();
    }

    /** Tracing off: no spans, and messages carry no context. */
    Tracing NONE = new Tracing() {
        @Override public TraceContext create(MessagingSystem system, String destination, String messageId) { return null; }
        @Override public Request send(String operation, MessagingSystem system, String destination, List<TraceContext> messages) { return Request.NONE; }
        @Override public void received(MessagingSystem system, String destination, List<TraceContext> messages, long startEpochNanos) { }
        @Override public Delivery process(MessagingSystem system, String destination, String messageId, TraceContext message) { return Delivery.NONE; }
        @Override public boolean enabled() { return false; }
    };

    /**
     * A {@code create} span for a message about to be sent, child of the current context, ended at
     * once; its context is what the message carries (null: nothing to carry).
     */
    TraceContext create(MessagingSystem system, String destination, String messageId);

    /** A {@code send} span for a request ({@code operation}: SendMessage, PublishBatch, …) linking the messages it carries. */
    Request send(String operation, MessagingSystem system, String destination, List<TraceContext> messages);

    /** A {@code receive} span for a ReceiveMessage that brought messages, from its start to now, linking them. */
    void received(MessagingSystem system, String destination, List<TraceContext> messages, long startEpochNanos);

    /** A {@code process} span for one delivery, child of the message's context, current until closed. */
    Delivery process(MessagingSystem system, String destination, String messageId, TraceContext message);

    boolean enabled();
}
