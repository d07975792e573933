package io.jmsaws.reliability;

import io.jmsaws.testing.ElasticMqBackend;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer process killed with SIGKILL while it holds messages: SQS gives them to another
 * consumer once their visibility timeout runs out (the dead process no longer extends it); a
 * transaction killed before commit loses nothing it consumed and leaves nothing it sent.
 * ElasticMQ runs in this JVM; the doomed consumer is another JVM ({@link CrashChild}).
 */
class CrashTest {
    private static final int COUNT = 5;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ElasticMqBackend backend = ElasticMqBackend.get();
    private Connection connection;
    private Process child;

    @BeforeEach
    void connect() throws Exception {
        connection = backend.factory().createConnection();
        connection.start();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) child.destroyForcibly();
        connection.close();
    }

    /** Starts the child, waits for its READY line, kills it with SIGKILL; returns the ids it held. */
    private Set<String> runAndKill(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[4 + args.length];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = CrashChild.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) if (line.startsWith("READY")) return line;
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(ready).as("the child took its messages").isNotNull();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no acknowledgement
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new HashSet<>(Arrays.asList(ready.substring("READY ".length()).split(" ")));
    }

    private Set<String> sendNumbered(String queue) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createQueue(queue));
            for (int i = 0; i < COUNT; i++) {
                Message m = s.createTextMessage("m" + i);
                m.setStringProperty("n", "m" + i);
                p.send(m);
                ids.add("m" + i);
            }
        }
        return ids;
    }

    /** Receives until {@code expected} messages came or none came for {@code waitMillis}. */
    private List<Message> receive(String queue, int expected, long waitMillis) throws Exception {
        List<Message> got = new java.util.ArrayList<>();
        Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        try (MessageConsumer c = s.createConsumer(s.createQueue(queue))) {
            for (Message m; got.size() < expected && (m = c.receive(waitMillis)) != null; ) got.add(m);
        }
        s.close();
        return got;
    }

    @Test
    void messagesHeldByAKilledConsumerGoToAnotherOne() throws Exception {
        String queue = "crash-hold-" + run + "?visibilityTimeout=3";
        Set<String> sent = sendNumbered(queue);
        Set<String> held = runAndKill("hold", backend.url(""), queue, Integer.toString(COUNT));
        assertThat(held).isEqualTo(sent);

        List<Message> again = receive(queue, COUNT, 10_000);
        Set<String> ids = new HashSet<>();
        for (Message m : again) {
            ids.add(m.getStringProperty("n"));
            assertThat(m.getJMSRedelivered()).isTrue();
        }
        assertThat(ids).isEqualTo(sent);
    }

    @Test
    void aTransactionKilledBeforeCommitLosesNothingAndSendsNothing() throws Exception {
        String input = "crash-tx-in-" + run + "?visibilityTimeout=3";
        String output = "crash-tx-out-" + run;
        Set<String> sent = sendNumbered(input);
        try (Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            s.createConsumer(s.createQueue(output)).close(); // the output queue exists: "nothing arrived" means something
        }
        runAndKill("transact", backend.url(""), input, Integer.toString(COUNT), output);

        Set<String> ids = new HashSet<>();
        for (Message m : receive(input, COUNT, 10_000)) ids.add(m.getStringProperty("n"));
        assertThat(ids).as("consumed in the dead transaction, delivered again").isEqualTo(sent);
        assertThat(receive(output, 1, 2000)).as("sent in the dead transaction").isEmpty();
    }
}
