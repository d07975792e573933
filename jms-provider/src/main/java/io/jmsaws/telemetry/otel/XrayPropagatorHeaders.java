package io.jmsaws.telemetry.otel;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator;

import java.util.Collections;

/** {@link XrayHeaders} by the contrib propagator (loaded only when it is present). */
final class XrayPropagatorHeaders extends XrayHeaders {
    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override public Iterable<String> keys(String carrier) { return Collections.singleton(HEADER); }
        @Override public String get(String carrier, String key) { return HEADER.equalsIgnoreCase(key) ? carrier : null; }
    };

    @Override
    String doInject(Context context) {
        String[] header = new String[1];
        AwsXrayPropagator.getInstance().inject(context, header, (carrier, key, value) -> {
            if (HEADER.equals(key)) carrier[0] = value;
        });
        return header[0];
    }

    @Override
    Context doExtract(String header) {
        return AwsXrayPropagator.getInstance().extract(Context.root(), header, ONE_HEADER);
    }
}
