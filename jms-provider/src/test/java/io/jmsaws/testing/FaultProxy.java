package io.jmsaws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback between the SDK's SQS client and an SQS server (ElasticMQ) that
 * injects the faults AWS can show: 500 and 503 answers, throttling errors, dropped connections,
 * answers lost after the request was carried out, partial batch failures, and latency. A
 * {@link Policy} decides per request; every request is logged with its operation and batch size.
 */
public final class FaultProxy implements AutoCloseable {
    /** What happens to one request. */
    public enum Fault {
        NONE,
        /** 500 InternalError (retryable). */
        INTERNAL_ERROR,
        /** 503 ServiceUnavailable (retryable). */
        SERVICE_UNAVAILABLE,
        /** 400 RequestThrottled, SQS's own throttling code. */
        REQUEST_THROTTLED,
        /** 400 ThrottlingException. */
        THROTTLING_EXCEPTION,
        /** The connection closes half-way through the answer. */
        DROP_CONNECTION,
        /** The server carries the request out, the answer never arrives (the client sees a 500). */
        LOSE_RESPONSE,
        /** A batch request whose first {@link #PARTIAL_FAILURES} entries fail (not stored) with SenderFault=false. */
        PARTIAL_BATCH,
        /** 403 InvalidClientTokenId: AWS does not know the access key. */
        INVALID_CLIENT_TOKEN,
        /** 403 SignatureDoesNotMatch: the secret is wrong. */
        SIGNATURE_DOES_NOT_MATCH
    }

    /** Decides the fault for a request: its operation (SendMessageBatch, ReceiveMessage…) and its number in the proxy's life. */
    @FunctionalInterface
    public interface Policy {
        Fault decide(String operation, int requestNumber);
    }

    /** One request the proxy saw: its operation, its batch entries (0 for others) and the fault it got. */
    public record Seen(String operation, int entries, Fault fault) { }

    public static final int PARTIAL_FAILURES = 3;
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Seen> seen = new ArrayList<>();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private volatile Policy policy = (op, n) -> Fault.NONE;
    private volatile long latencyMillis;

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        for (Fault f : Fault.values()) injected.put(f, new AtomicInteger());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FaultProxy to(String targetEndpoint) {
        try {
            return new FaultProxy(URI.create(targetEndpoint));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault proxy", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void policy(Policy policy) {
        this.policy = policy;
    }

    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    public int injected(Fault fault) {
        return injected.get(fault).get();
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = amzTarget == null ? "?" : amzTarget.substring(amzTarget.indexOf('.') + 1);
            JsonNode request = body.length == 0 ? null : JSON.readTree(body);
            int entries = request != null && request.has("Entries") ? request.get("Entries").size() : 0;
            Fault fault = policy.decide(operation, requests.incrementAndGet());
            if (fault == Fault.PARTIAL_BATCH && entries <= PARTIAL_FAILURES) fault = Fault.NONE; // nothing left to send
            synchronized (seen) {
                seen.add(new Seen(operation, entries, fault));
            }
            injected.get(fault).incrementAndGet();
            if (latencyMillis > 0) Thread.sleep(latencyMillis);
            switch (fault) {
                case NONE -> relay(exchange, forward(exchange, body));
                case INTERNAL_ERROR -> error(exchange, 500, "InternalError", "Receiver");
                case SERVICE_UNAVAILABLE -> error(exchange, 503, "ServiceUnavailable", "Receiver");
                case REQUEST_THROTTLED -> error(exchange, 400, "RequestThrottled", "Sender");
                case THROTTLING_EXCEPTION -> error(exchange, 400, "ThrottlingException", "Sender");
                case INVALID_CLIENT_TOKEN -> error(exchange, 403, "InvalidClientTokenId", "Sender");
                case SIGNATURE_DOES_NOT_MATCH -> error(exchange, 403, "SignatureDoesNotMatch", "Sender");
                case DROP_CONNECTION -> {
                    exchange.sendResponseHeaders(200, 1000);
                    exchange.getResponseBody().write("{\"Messa".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    // closing now leaves 993 promised bytes unsent: the client sees the connection cut
                }
                case LOSE_RESPONSE -> {
                    forward(exchange, body);
                    error(exchange, 500, "InternalError", "Receiver");
                }
                case PARTIAL_BATCH -> partialBatch(exchange, (ObjectNode) request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away (a cancelled long poll): nothing to answer
        }
    }

    /** Stores all but the first entries, and answers as SQS does when those failed on its side. */
    private void partialBatch(HttpExchange exchange, ObjectNode request) throws IOException, InterruptedException {
        ArrayNode all = (ArrayNode) request.get("Entries");
        ArrayNode kept = JSON.createArrayNode();
        List<String> failedIds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i < PARTIAL_FAILURES) failedIds.add(all.get(i).get("Id").asText());
            else kept.add(all.get(i));
        }
        request.set("Entries", kept);
        HttpResponse<byte[]> response = forward(exchange, JSON.writeValueAsBytes(request));
        ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
        ArrayNode failed = answer.has("Failed") ? (ArrayNode) answer.get("Failed") : answer.putArray("Failed");
        for (String id : failedIds) {
            failed.addObject().put("Id", id).put("Code", "InternalError").put("SenderFault", false).put("Message", "injected by the fault proxy");
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(response.statusCode(), out.length);
        exchange.getResponseBody().write(out);
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(40))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) values.forEach(v -> b.header(name, v));
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) exchange.getResponseHeaders().put(name, values);
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An error as SQS's JSON protocol writes it (the query-compatible header carries the classic code). */
    private static void error(HttpExchange exchange, int status, String code, String faultSide) throws IOException {
        byte[] body = ("{\"__type\":\"com.amazonaws.sqs#" + code + "\",\"message\":\"injected by the fault proxy\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-query-error", code + ";" + faultSide);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
