package io.jmsaws.telemetry.otel;

import io.opentelemetry.context.Context;

/**
 * X-Ray's trace header ({@code Root=1-…;Parent=…;Sampled=…}) for a context and back, through
 * {@code AwsXrayPropagator} of opentelemetry-java-contrib: another optional dependency, so this
 * class is made only when that one is there too ({@link #ifPresent}).
 */
abstract class XrayHeaders {
    static final String HEADER = "X-Amzn-Trace-Id";

    abstract String inject(Context context);

    abstract Context extract(String header);

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
