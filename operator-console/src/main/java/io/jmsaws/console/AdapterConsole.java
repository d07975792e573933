package io.jmsaws.console;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One adapter's QueueConsole MXBean, reached by JMX: its answers turned into JSON, its refusals
 * into {@link ConsoleException}s with the adapter's message.
 */
final class AdapterConsole {
    static final String PATTERN = "io.jmsaws:type=QueueConsole,*";
    private static final String STRING = String.class.getName();

    private final MBeanServer server;
    private final ObjectName name;

    private AdapterConsole(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** Every registered adapter console, in name order; empty when no adapter has its console on. */
    static List<AdapterConsole> all() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(PATTERN), null);
            List<AdapterConsole> out = new ArrayList<>();
            names.stream().sorted().forEach(n -> out.add(new AdapterConsole(server, n)));
            return out;
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    String id() {
        return name.toString();
    }

    JsonObjectBuilder describe() {
        return Json.createObjectBuilder().add("id", id()).add("backend", (String) attribute("Backend"));
    }

    JsonArrayBuilder queues() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (CompositeData q : (CompositeData[]) attribute("Queues")) {
            JsonArrayBuilder feeding = Json.createArrayBuilder();
            for (String s : (String[]) q.get("deadLetterFor")) feeding.add(s);
            out.add(Json.createObjectBuilder()
                    .add("name", (String) q.get("name"))
                    .add("fifo", (Boolean) q.get("fifo"))
                    .add("visible", (Long) q.get("visible"))
                    .add("inFlight", (Long) q.get("inFlight"))
                    .add("delayed", (Long) q.get("delayed"))
                    .add("deadLetterQueue", (String) q.get("deadLetterQueue"))
                    .add("maxReceiveCount", (Integer) q.get("maxReceiveCount"))
                    .add("deadLetterFor", feeding)
                    .add("peeks", (Integer) q.get("peeks")));
        }
        return out;
    }

    JsonArrayBuilder peek(String queue, int max) {
        CompositeData[] messages = (CompositeData[]) invoke("peek", new Object[] {queue, max}, STRING, "int");
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (CompositeData m : messages) {
            JsonObjectBuilder properties = Json.createObjectBuilder();
            for (Object row : ((TabularData) m.get("properties")).values()) {
                CompositeData entry = (CompositeData) row;
                properties.add((String) entry.get("key"), (String) entry.get("value"));
            }
            out.add(Json.createObjectBuilder()
                    .add("messageId", (String) m.get("messageId"))
                    .add("type", (String) m.get("type"))
                    .add("correlationId", text(m.get("correlationId")))
                    .add("jmsType", text(m.get("jmsType")))
                    .add("timestamp", (Long) m.get("timestamp"))
                    .add("deliveryCount", (Integer) m.get("deliveryCount"))
                    .add("groupId", text(m.get("groupId")))
                    .add("properties", properties)
                    .add("bodyPreview", (String) m.get("bodyPreview")));
        }
        return out;
    }

    long redrive(String deadLetterQueue, Collection<String> messageIds) {
        if (messageIds.isEmpty()) return (Long) invoke("redriveAll", new Object[] {deadLetterQueue}, STRING);
        return (Long) invoke("redrive", new Object[] {deadLetterQueue, messageIds.toArray(String[]::new)}, STRING, String[].class.getName());
    }

    void purge(String queue) {
        invoke("purge", new Object[] {queue}, STRING);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private Object attribute(String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (RuntimeMBeanException e) {
            throw new ConsoleException(e.getCause().getMessage(), e.getCause());
        } catch (JMException e) {
            throw new ConsoleException("the adapter's console " + name + " cannot be read: " + e, e);
        }
    }

    private Object invoke(String operation, Object[] arguments, String... signature) {
        try {
            return server.invoke(name, operation, arguments, signature);
        } catch (RuntimeMBeanException e) {
            // the adapter refused: its message says why (no such queue, purge too soon, SQS's answer)
            throw new ConsoleException(e.getCause().getMessage(), e.getCause());
        } catch (JMException e) {
            throw new ConsoleException("the adapter's console " + name + " could not " + operation + ": " + e, e);
        }
    }
}
