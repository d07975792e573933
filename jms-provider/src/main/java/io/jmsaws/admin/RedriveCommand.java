package io.jmsaws.admin;

import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.message.JmsAwsTextMessage;
import jakarta.jms.JMSException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Command line for operators:
 * <pre>
 * java -cp jms-provider.jar:… io.jmsaws.admin.RedriveCommand --url aws://?region=eu-west-1 redrive orders-dlq
 * </pre>
 */
public final class RedriveCommand {
    static final String USAGE = """
            usage: RedriveCommand [--url CONNECTION_URL] COMMAND
              sources DLQ               the queues whose dead-letter queue DLQ is
              count QUEUE               approximate number of messages (visible, in flight, delayed)
              peek QUEUE [N]            show up to N messages (default 10); each is received and released at once
              redrive DLQ [--to QUEUE]  move the messages back to their source queue, or to QUEUE
            CONNECTION_URL defaults to embedded:// (see README: connection URL and options)""";

    private RedriveCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the process exit code (0 done, 1 failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        String url = "embedded://";
        int u = a.indexOf("--url");
        if (u >= 0) {
            if (u + 1 >= a.size()) return usage(err, "--url needs a value");
            url = a.get(u + 1);
            a.subList(u, u + 2).clear();
        }
        String to = null;
        int t = a.indexOf("--to");
        if (t >= 0) {
            if (t + 1 >= a.size()) return usage(err, "--to needs a queue");
            to = a.get(t + 1);
            a.subList(t, t + 2).clear();
        }
        if (a.size() < 2) return usage(err, "a command and a queue are needed");
        String command = a.get(0);
        String queue = a.get(1);
        try (DeadLetterAdmin admin = DeadLetterAdmin.open(url)) {
            switch (command) {
                case "sources" -> admin.sourceQueues(queue).forEach(out::println);
                case "count" -> out.println(admin.count(queue));
                case "peek" -> {
                    int n = a.size() > 2 ? Integer.parseInt(a.get(2)) : 10;
                    for (JmsAwsMessage m : admin.peek(queue, n)) out.println(describe(m));
                }
                case "redrive" -> {
                    RedriveResult r = to == null ? admin.redrive(queue) : admin.move(queue, to, Long.MAX_VALUE);
                    out.println("moved " + r.moved() + " messages from " + queue + (to == null ? " back to their source" : " to " + to)
                            + " (" + r.method() + ")");
                }
                default -> {
                    return usage(err, "unknown command '" + command + "'");
                }
            }
            return 0;
        } catch (JMSException | IllegalArgumentException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(JmsAwsMessage m) {
        StringBuilder sb = new StringBuilder(m.getJMSMessageID()).append(' ').append(m.kind());
        sb.append(" deliveries=").append(m.getObjectProperty("JMSXDeliveryCount"));
        List<String> names = Collections.list(m.getPropertyNames());
        for (String n : names) if (!n.equals("JMSXDeliveryCount")) sb.append(' ').append(n).append('=').append(m.getObjectProperty(n));
        if (m instanceof JmsAwsTextMessage text && text.getText() != null) {
            String body = text.getText();
            sb.append(" body=").append(body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
        return sb.toString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE);
        return 2;
    }
}
