package io.jmsaws.examples.web;

import io.jmsaws.examples.DeadLetters;
import io.jmsaws.examples.ReceivedLog;
import io.jmsaws.examples.Sender;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's small HTTP API (also what the Arquillian tests drive):
 * <ul>
 * <li>{@code POST /api/send?dest=orders&type=queue&text=…&count=1&p.NAME=value} — sends {@code count}
 *     messages ("text #1", …) with string properties {@code NAME}, in one transaction;</li>
 * <li>{@code POST /api/tx?queue=audit&text=…&rollback=true} — sends one message in a transaction that
 *     commits or rolls back;</li>
 * <li>{@code GET /api/received} — what the MDBs received (and the JTA sends' outcomes), as JSON; {@code POST /api/clear} forgets it;</li>
 * <li>{@code GET /api/dead-letters} — what lies in {@code risky-dlq} (browsed);
 *     {@code POST /api/fix?fixed=true} makes RiskyMdb process poison from then on.</li>
 * </ul>
 */
@WebServlet("/api/*")
public class ExamplesApi extends HttpServlet {
    @EJB
    private Sender sender;

    @EJB
    private ReceivedLog log;

    @EJB
    private DeadLetters deadLetters;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/send" -> send(request);
                case "/tx" -> sender.sendAndMaybeRollBack(required(request, "queue"), required(request, "text"),
                        Boolean.parseBoolean(request.getParameter("rollback")));
                case "/clear" -> log.clear();
                case "/fix" -> log.setPoisonFixed(Boolean.parseBoolean(request.getParameter("fixed")));
                default -> {
                    response.sendError(404, "no such operation: " + path);
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            response.sendError(400, e.getMessage());
            return;
        } catch (EJBException e) {
            // a rolled-back transaction ends here: tell the page what happened
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            response.setStatus(409);
            json(response, "{\"error\":" + Json.string(cause.toString()) + "}");
            return;
        }
        json(response, "{\"ok\":true}");
    }

    private void send(HttpServletRequest request) {
        String destination = required(request, "dest");
        boolean topic = "topic".equalsIgnoreCase(request.getParameter("type"));
        String text = required(request, "text");
        int count = request.getParameter("count") == null ? 1 : Integer.parseInt(request.getParameter("count"));
        if (count < 1 || count > 1000) throw new IllegalArgumentException("count must be from 1 to 1000");
        Map<String, String> properties = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("p.") && values.length > 0 && !values[0].isEmpty()) properties.put(name.substring(2), values[0]);
        });
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) texts[i] = count == 1 ? text : text + " #" + (i + 1);
        sender.send(destination, topic, properties, texts);
    }

    private static String required(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("parameter '" + name + "' is required");
        return v;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/dead-letters".equals(request.getPathInfo())) {
            StringBuilder out = new StringBuilder("{\"queue\":\"risky-dlq\",\"poisonFixed\":").append(log.poisonFixed()).append(",\"letters\":[");
            boolean first = true;
            for (DeadLetters.Letter l : deadLetters.browse("risky-dlq")) {
                if (!first) out.append(',');
                first = false;
                out.append("{\"messageId\":").append(Json.string(l.messageId())).append(",\"text\":").append(Json.string(l.text())).append('}');
            }
            json(response, out.append("]}").toString());
            return;
        }
        if (!"/received".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        StringBuilder out = new StringBuilder("{\"maxConcurrent\":").append(log.maxConcurrent()).append(",\"entries\":[");
        boolean first = true;
        for (ReceivedLog.Entry e : log.entries()) {
            if (!first) out.append(',');
            first = false;
            out.append("{\"at\":").append(e.at())
                    .append(",\"mdb\":").append(Json.string(e.mdb()))
                    .append(",\"text\":").append(Json.string(e.text()))
                    .append(",\"group\":").append(Json.string(e.group()))
                    .append(",\"deliveryCount\":").append(e.deliveryCount())
                    .append(",\"thread\":").append(Json.string(e.thread()))
                    .append(",\"outcome\":").append(Json.string(e.outcome())).append('}');
        }
        json(response, out.append("]}").toString());
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
