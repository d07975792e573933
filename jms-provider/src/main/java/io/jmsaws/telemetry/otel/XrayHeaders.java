package io.jmsaws.telemetry.otel;

import io.opentelemetry.context.Context;

/**
 * X-Ray's trace header ({@code Root=1-…;Parent=…;Sampled=…}) for a context and back, through
 * {@code AwsXrayPropagator} of opentelemetry-java-contrib: another optional dependency, so this
 * class is made only when that one is there too ({@link #ifPresent}).
 */
abstract class XrayHeaders {
    static final String HEADER = "X-Amzn-Trace-Id";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(XrayHeaders.class);

    /** Off after a propagator that does not fit the API version failed once: messages keep their W3C context. */
    private volatile boolean off;

    /** The X-Ray header of the context, or null (off, or the propagator failed: the W3C context still goes). */
    final String inject(Context context) {
        return guarded(() -> doInject(context));
    }

    /** The context of an X-Ray header, or null. */
    final Context extract(String header) {
        return guarded(() -> doExtract(header));
    }

    /** The propagator's answer, or null when it is off or fails. */
    private <T> T guarded(java.util.function.Supplier<T> call) {
        if (off) return null;
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            failed(e);
            return null;
        }
    }

    private void failed(Throwable e) {
        if (e instanceof LinkageError) {
            off = true;
            LOG.warn("the X-Ray propagator does not fit this opentelemetry-api ({}): AWSTraceHeader is neither written nor read;"
                    + " the W3C trace context in the message still is", e.toString());
        }
        LOG.debug("X-Ray propagator failure", e);
    }

    abstract String doInject(Context context);

    abstract Context doExtract(String header);

    /** Null when the propagator is not on the class path: messages then carry only W3C trace context. */
    static XrayHeaders ifPresent() {
        try {
            Class.forName("io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator", false, XrayHeaders.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return new XrayPropagatorHeaders();
    }
}
