package io.jmsaws.aws;

import io.jmsaws.telemetry.MessagingMetrics;
import io.jmsaws.telemetry.Telemetry;
import io.jmsaws.telemetry.TraceContext;
import io.jmsaws.telemetry.Tracing;
import io.jmsaws.telemetry.Tracing.MessagingSystem;
import io.jmsaws.wire.WireCodec;
import io.jmsaws.wire.WireHeaders;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The SQS and SNS clients as the transport uses them, observed: every request counted by operation
 * ({@link MessagingMetrics#requests}); SendMessage(Batch) and Publish(Batch) inside a {@code send}
 * span linking the messages they carry, a ReceiveMessage that brought messages as a {@code receive}
 * span. A proxy in front of the client rather than code at each call site, so the requests the
 * SDK's batch manager forms are seen as they go out — for AWS's clients and the embedded backend's
 * alike (an SDK interceptor would see only the former).
 */
final class InstrumentedClients implements InvocationHandler {
    private final Object delegate;
    private final Class<?> api;
    private final Telemetry telemetry;
    /** Each operation's method that takes its request object (not the Consumer-of-builder overload), by name: looked up once. */
    private final Map<String, Method> byRequest = new java.util.HashMap<>();

    private InstrumentedClients(Object delegate, Class<?> api, Telemetry telemetry) {
        this.delegate = delegate;
        this.api = api;
        this.telemetry = telemetry;
        for (Method m : api.getMethods()) {
            if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) byRequest.put(m.getName(), m);
        }
    }

    static SqsAsyncClient sqs(SqsAsyncClient client, Telemetry telemetry) { return wrap(client, SqsAsyncClient.class, telemetry); }

    static SqsClient sqs(SqsClient client, Telemetry telemetry) { return wrap(client, SqsClient.class, telemetry); }

    static SnsAsyncClient sns(SnsAsyncClient client, Telemetry telemetry) {
        return client == null ? null : wrap(client, SnsAsyncClient.class, telemetry);
    }

    private static <T> T wrap(T client, Class<T> api, Telemetry telemetry) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[]{api}, new InstrumentedClients(client, api, telemetry)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "instrumented " + delegate;
            };
        }
        if (args == null || args.length != 1 || !(args[0] instanceof SdkRequest || args[0] instanceof Consumer)) {
            return call(method, args); // close(), serviceName(), batchManager(), …: not requests
        }
        Method byRequest = this.byRequest.get(method.getName());
        if (byRequest == null) return call(method, args);
        SdkRequest request = args[0] instanceof SdkRequest r ? r : build(byRequest.getParameterTypes()[0], (Consumer<?>) args[0]);
        String operation = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
        telemetry.metrics().request(operation);
        Tracing tracing = telemetry.tracing();
        if (!tracing.enabled()) return call(byRequest, new Object[]{request});
        if (request instanceof ReceiveMessageRequest receive) return received(receive, byRequest);
        Tracing.Request span = sendSpan(operation, request);
        if (span == null) return call(byRequest, new Object[]{request});
        Object result;
        try (Tracing.Current ignored = span.makeCurrent()) {
            result = call(byRequest, new Object[]{request});
        } catch (Throwable e) {
            span.end(e);
            throw e;
        }
        if (result instanceof CompletableFuture<?> f) {
            f.whenComplete((r, e) -> span.end(e));
        } else {
            span.end(null);
        }
        return result;
    }

    private Object received(ReceiveMessageRequest request, Method byRequest) throws Throwable {
        long start = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Object result = call(byRequest, new Object[]{request});
        String queue = nameOf(request.queueUrl(), '/');
        if (result instanceof CompletableFuture<?> f) {
            f.thenAccept(r -> receivedSpan(queue, (ReceiveMessageResponse) r, start));
        } else {
            receivedSpan(queue, (ReceiveMessageResponse) result, start);
        }
        return result;
    }

    private void receivedSpan(String queue, ReceiveMessageResponse response, long start) {
        if (!response.hasMessages() || response.messages().isEmpty()) return;
        List<TraceContext> contexts = new ArrayList<>(response.messages().size());
        for (Message m : response.messages()) {
            MessageAttributeValue headers = m.messageAttributes().get(WireCodec.HEADERS_ATTRIBUTE);
            contexts.add(WireHeaders.traceOf(headers == null ? null : headers.stringValue(),
                    m.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER)));
        }
        telemetry.tracing().received(MessagingSystem.SQS, queue, contexts, start);
    }

    /** The send span of a request that carries messages, or null for any other request. */
    private Tracing.Request sendSpan(String operation, SdkRequest request) {
        Tracing tracing = telemetry.tracing();
        if (request instanceof SendMessageRequest r) {
            return tracing.send(operation, MessagingSystem.SQS, nameOf(r.queueUrl(), '/'), List.of(sqsTrace(r.messageAttributes())));
        }
        if (request instanceof SendMessageBatchRequest r) {
            List<TraceContext> contexts = r.entries().stream().map(e -> sqsTrace(e.messageAttributes())).toList();
            return tracing.send(operation, MessagingSystem.SQS, nameOf(r.queueUrl(), '/'), contexts);
        }
        if (request instanceof PublishRequest r) {
            return tracing.send(operation, MessagingSystem.SNS, nameOf(r.topicArn(), ':'), List.of(snsTrace(r.messageAttributes())));
        }
        if (request instanceof PublishBatchRequest r) {
            List<TraceContext> contexts = r.publishBatchRequestEntries().stream().map(e -> snsTrace(e.messageAttributes())).toList();
            return tracing.send(operation, MessagingSystem.SNS, nameOf(r.topicArn(), ':'), contexts);
        }
        return null;
    }

    private static TraceContext sqsTrace(Map<String, MessageAttributeValue> attributes) {
        MessageAttributeValue h = attributes.get(WireCodec.HEADERS_ATTRIBUTE);
        return WireHeaders.traceOf(h == null ? null : h.stringValue(), null);
    }

    private static TraceContext snsTrace(Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attributes) {
        var h = attributes.get(WireCodec.HEADERS_ATTRIBUTE);
        return WireHeaders.traceOf(h == null ? null : h.stringValue(), null);
    }

    /** A queue's name from its URL, a topic's from its ARN. */
    static String nameOf(String address, char separator) {
        return address == null ? "unknown" : address.substring(address.lastIndexOf(separator) + 1);
    }

    /** The request a Consumer-of-builder overload would make, built here so the request itself is seen. */
    private static SdkRequest build(Class<?> requestType, Consumer<?> mutation) throws ReflectiveOperationException {
        Object builder = requestType.getMethod("builder").invoke(null);
        @SuppressWarnings("unchecked") Consumer<Object> c = (Consumer<Object>) mutation;
        c.accept(builder);
        return (SdkRequest) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
