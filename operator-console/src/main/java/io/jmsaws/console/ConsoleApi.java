package io.jmsaws.console;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * The console's HTTP API (the page is its only client; web.xml admits the role jmsaws-operator only):
 * <ul>
 * <li>{@code GET /api/session} — who is signed in, the CSRF token, the adapters whose console is on;</li>
 * <li>{@code GET /api/queues?adapter=…} — every queue with its depth and dead-letter relations;</li>
 * <li>{@code POST /api/peek} ({@code adapter, queue, max}) — messages decoded as JMS (raises their receive counts);</li>
 * <li>{@code POST /api/redrive} ({@code adapter, queue, id…}: the chosen messages, or all without {@code id});</li>
 * <li>{@code POST /api/purge} ({@code adapter, queue, confirm} = the queue's name again).</li>
 * </ul>
 * POSTs need the {@code X-CSRF-Token} header; failures answer JSON {@code {"error": "…"}}.
 */
@WebServlet("/api/*")
public class ConsoleApi extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ConsoleApi.class.getName());
    static final String OFF = "No jms-aws resource adapter has its queue console on: set the adapter's config-property "
            + "QueueConsole=true, or start the server with -Djmsaws.console=true, and redeploy the adapter.";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/session" -> session(request, response);
                case "/queues" -> send(response, 200, Json.createObjectBuilder().add("queues", adapter(request).queues()).build());
                default -> error(response, 404, "no such resource: " + path);
            }
        } catch (RuntimeException e) {
            failed(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!CsrfToken.matches(request)) {
            error(response, 403, "missing or wrong " + CsrfToken.HEADER + " header: reload the console");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/peek" -> {
                    // a POST: a peek receives the messages, raising their receive counts (and may push them to a DLQ)
                    int max = request.getParameter("max") == null ? 10 : Integer.parseInt(request.getParameter("max"));
                    send(response, 200, Json.createObjectBuilder()
                            .add("messages", adapter(request).peek(required(request, "queue"), max)).build());
                }
                case "/redrive" -> {
                    String queue = required(request, "queue");
                    String[] ids = request.getParameterValues("id");
                    long moved = adapter(request).redrive(queue, ids == null ? List.of() : List.of(ids));
                    LOG.info(request.getRemoteUser() + " redrove " + moved + " message(s) of " + queue + " from the console");
                    send(response, 200, Json.createObjectBuilder().add("moved", moved).add("chosen", ids == null ? -1 : ids.length).build());
                }
                case "/purge" -> {
                    String queue = required(request, "queue");
                    if (!queue.equals(request.getParameter("confirm"))) {
                        throw new IllegalArgumentException("to purge " + queue + ", type its name to confirm");
                    }
                    adapter(request).purge(queue);
                    LOG.info(request.getRemoteUser() + " purged " + queue + " from the console");
                    send(response, 200, Json.createObjectBuilder().add("purged", queue).build());
                }
                default -> error(response, 404, "no such operation: " + path);
            }
        } catch (RuntimeException e) {
            failed(response, e);
        }
    }

    private void session(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<AdapterConsole> all = AdapterConsole.all();
        JsonArrayBuilder adapters = Json.createArrayBuilder();
        all.forEach(a -> adapters.add(a.describe()));
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("user", String.valueOf(request.getRemoteUser()))
                .add("csrf", CsrfToken.of(request.getSession()))
                .add("adapters", adapters);
        if (all.isEmpty()) out.add("off", OFF);
        send(response, 200, out.build());
    }

    private static AdapterConsole adapter(HttpServletRequest request) {
        List<AdapterConsole> all = AdapterConsole.all();
        if (all.isEmpty()) throw new ConsoleOffException();
        String id = request.getParameter("adapter");
        if (id == null || id.isBlank()) return all.get(0);
        return all.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no adapter console " + id + " (was the adapter redeployed? reload)"));
    }

    private static String required(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("parameter '" + name + "' is required");
        return v.trim();
    }

    private static final class ConsoleOffException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConsoleOffException() {
            super(OFF);
        }
    }

    private static void failed(HttpServletResponse response, RuntimeException e) throws IOException {
        if (e instanceof ConsoleOffException) error(response, 503, e.getMessage());
        else if (e instanceof NumberFormatException) error(response, 400, "not a number: " + e.getMessage());
        else if (e instanceof IllegalArgumentException) error(response, 400, e.getMessage());
        else if (e instanceof ConsoleException) error(response, e.getCause() instanceof IllegalArgumentException ? 404 : 409, e.getMessage());
        else throw e;
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Json.createObjectBuilder().add("error", message).build());
    }

    private static void send(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }
}
