package io.jmsaws.wire;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JMS headers SQS has no field for, packed into one string attribute ({@code JMS_AWS_Headers})
 * so that they cost one of the ten attributes, not seven: {@code key=value} pairs separated by
 * {@code &}, values URL-encoded. Unknown keys are ignored, so later versions can add fields.
 */
public final class WireHeaders {
    public static final String KIND = "k";
    public static final String MESSAGE_ID = "id";
    public static final String TIMESTAMP = "ts";
    public static final String EXPIRATION = "ex";
    public static final String DELIVERY_TIME = "dt";
    public static final String PRIORITY = "p";
    public static final String DELIVERY_MODE = "dm";
    public static final String TYPE = "ty";
    public static final String REPLY_TO = "rt";
    public static final String BODY_ENCODING = "b";
    public static final String CORRELATION_ID = "c";
    public static final String ORIGIN_CONNECTION = "cn";
    /** The publishing connection's client id: a durable noLocal subscription drops what any connection of that id published. */
    public static final String ORIGIN_CLIENT_ID = "ci";
    /** W3C trace context of the message's create span: here, it costs no attribute and survives SNS. */
    public static final String TRACE_PARENT = "tp";
    public static final String TRACE_STATE = "tst";

    private final Map<String, String> fields;

    private WireHeaders(Map<String, String> fields) {
        this.fields = fields;
    }

    public static WireHeaders empty() {
        return new WireHeaders(new LinkedHashMap<>());
    }

    public WireHeaders put(String key, Object value) {
        if (value != null) fields.put(key, value.toString());
        return this;
    }

    public String get(String key) {
        return fields.get(key);
    }

    public long getLong(String key, long dflt) {
        String v = fields.get(key);
        return v == null ? dflt : Long.parseLong(v);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder(96);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 0) sb.append('&');
            sb.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /**
     * The W3C trace context in a message's encoded headers, with the X-Ray header it came with;
     * null when there is none or the headers cannot be read (tracing never fails a request).
     */
    public static io.jmsaws.telemetry.TraceContext traceOf(String encoded, String awsTraceHeader) {
        String traceparent = null, tracestate = null;
        if (encoded != null) {
            try {
                WireHeaders h = decode(encoded);
                traceparent = h.get(TRACE_PARENT);
                tracestate = h.get(TRACE_STATE);
            } catch (RuntimeException malformed) {
                // not jms-aws's format: only the X-Ray header, if any
            }
        }
        io.jmsaws.telemetry.TraceContext c = new io.jmsaws.telemetry.TraceContext(traceparent, tracestate, awsTraceHeader);
        return c.isEmpty() ? null : c;
    }

    public static WireHeaders decode(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("malformed header field '" + pair + "'");
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new WireHeaders(fields);
    }
}
