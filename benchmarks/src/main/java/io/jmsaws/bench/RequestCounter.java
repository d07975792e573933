package io.jmsaws.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every request any SDK client of this JVM sends, by operation (registered for all clients
 * through the SDK's global interceptors file), so both JMS libraries are measured the same way.
 */
public final class RequestCounter implements ExecutionInterceptor {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(op == null ? "?" : op, k -> new LongAdder()).increment();
    }

    public static void reset() {
        COUNTS.clear();
    }

    public static Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        COUNTS.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
