package io.jmsaws.telemetry;

/**
 * The trace context a message carries: W3C {@code traceparent}/{@code tracestate} (inside the
 * message's own header attribute, so it survives SNS and costs no attribute) and the X-Ray
 * {@code AWSTraceHeader} (an SQS message system attribute, which Lambda and X-Ray read). Either
 * part may be missing: a message from Lambda or EventBridge has only the X-Ray one.
 */
public record TraceContext(String traceparent, String tracestate, String awsTraceHeader) {

    /** What SQS accepts as AWSTraceHeader: X-Ray's Root=1-8hex-24hex, then ;-separated fields, at most 256 characters here. */
    private static final java.util.regex.Pattern X_RAY = java.util.regex.Pattern.compile("Root=1-[0-9a-f]{8}-[0-9a-f]{24}(;[A-Za-z]+=[\\x21-\\x3a\\x3c-\\x7e]*)*");

    public TraceContext {
        if (traceparent != null && traceparent.isEmpty()) traceparent = null;
        if (tracestate != null && tracestate.isEmpty()) tracestate = null;
        if (awsTraceHeader != null && !validAwsTraceHeader(awsTraceHeader)) awsTraceHeader = null; // dropped, never a failed send
    }

    public boolean isEmpty() {
        return traceparent == null && awsTraceHeader == null;
    }

    /** The X-Ray header as SQS would take it; anything else is left off the message. */
    public static boolean validAwsTraceHeader(String value) {
        return value.length() <= 256 && X_RAY.matcher(value).matches();
    }
}
