package io.jmsaws.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the examples application over HTTP, as the page does. */
final class ExamplesClient {
    record Received(String mdb, String text, String group, int deliveryCount, String thread, String outcome) { }

    private static final Pattern ENTRY = Pattern.compile(
            "\\{\"at\":\\d+,\"mdb\":\"((?:[^\"\\\\]|\\\\.)*)\",\"text\":\"((?:[^\"\\\\]|\\\\.)*)\",\"group\":(null|\"(?:[^\"\\\\]|\\\\.)*\"),"
                    + "\"deliveryCount\":(\\d+),\"thread\":\"((?:[^\"\\\\]|\\\\.)*)\",\"outcome\":\"((?:[^\"\\\\]|\\\\.)*)\"}");
    private static final Pattern DEAD_LETTER = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern MAX_CONCURRENT = Pattern.compile("\"maxConcurrent\":(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ExamplesClient(String base) {
        this.base = base;
    }

    void send(String destination, String type, String text, int count, Map<String, String> properties) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("dest", destination);
        form.put("type", type);
        form.put("text", text);
        form.put("count", Integer.toString(count));
        properties.forEach((k, v) -> form.put("p." + k, v));
        post("api/send", form);
    }

    void sendToQueue(String queue, String text) {
        send(queue, "queue", text, 1, Map.of());
    }

    /** Sends in a JTA transaction; returns the HTTP status (409 when the transaction rolled back). */
    int sendInTransaction(String queue, String text, boolean rollBack) {
        return post("api/tx", Map.of("queue", queue, "text", text, "rollback", Boolean.toString(rollBack)));
    }

    List<Received> received() {
        String body = get("api/received");
        List<Received> out = new ArrayList<>();
        Matcher m = ENTRY.matcher(body);
        while (m.find()) {
            String group = "null".equals(m.group(3)) ? null : unescape(m.group(3).substring(1, m.group(3).length() - 1));
            out.add(new Received(unescape(m.group(1)), unescape(m.group(2)), group, Integer.parseInt(m.group(4)), unescape(m.group(5)),
                    unescape(m.group(6))));
        }
        return out;
    }

    List<Received> received(String mdb, String textPrefix) {
        return received().stream().filter(r -> r.mdb().equals(mdb) && r.text().startsWith(textPrefix)).toList();
    }

    int maxConcurrent() {
        Matcher m = MAX_CONCURRENT.matcher(get("api/received"));
        if (!m.find()) throw new AssertionError("no maxConcurrent in the answer");
        return Integer.parseInt(m.group(1));
    }

    /** The texts of what lies in risky-dlq (the examples app browses it). */
    List<String> deadLetters() {
        List<String> out = new ArrayList<>();
        Matcher m = DEAD_LETTER.matcher(get("api/dead-letters"));
        while (m.find()) out.add(unescape(m.group(1)));
        return out;
    }

    /** Turns RiskyMdb's "bug" off (it then processes poison) or on again. */
    void fixPoison(boolean fixed) {
        post("api/fix", Map.of("fixed", Boolean.toString(fixed)));
    }

    void clear() {
        post("api/clear", Map.of());
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    private int post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> r = call(request);
        if (r.statusCode() != 200 && r.statusCode() != 409) throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.statusCode();
    }

    private String get(String path) {
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot reach " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
