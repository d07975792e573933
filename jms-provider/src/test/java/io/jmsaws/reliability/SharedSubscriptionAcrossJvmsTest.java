package io.jmsaws.reliability;

import io.jmsaws.testing.FauxqsBackend;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JVMs open one shared subscription at the same moment: they end on one queue and one SNS
 * subscription, so each message published is delivered once to one of them. On fauxqs (SNS and
 * SQS over HTTP: the embedded backend lives inside one JVM).
 */
class SharedSubscriptionAcrossJvmsTest {
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) child.destroyForcibly();
    }

    @Test
    void twoJvmsOpeningOneSharedSubscriptionAtOnceGetEachMessageOnce() throws Exception {
        String url = FauxqsBackend.get().url("waitTimeSeconds=1");
        String topicName = "across-" + UUID.randomUUID().toString().substring(0, 8);
        String subscription = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SharedSubscriberChild.class.getName(),
                url, topicName, subscription).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (java.io.IOException ignored) {
                // the child ended
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try (Connection c = new io.jmsaws.JmsAwsConnectionFactory(url).createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = s.createTopic(topicName);
            s.createSharedConsumer(topic, subscription + "-parent-warm-up").close(); // as warm as the child
            MessageProducer p = s.createProducer(topic);
            PrintWriter toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
            for (int round = 0; round < 3; round++) {
                assertThat(awaitLine(lines, "READY", 60)).as("the child is ready for round %d", round).isTrue();
                toChild.println("GO " + round);
                MessageConsumer mine = s.createSharedConsumer(topic, subscription + "-" + round);
                assertThat(awaitLine(lines, "SUBSCRIBED", 60)).as("the child subscribed").isTrue();
                for (int i = 0; i < 10; i++) p.send(s.createTextMessage(round + "-" + i));
                List<String> got = new ArrayList<>();
                for (Message m; (m = mine.receive(2_000)) != null; ) got.add(((TextMessage) m).getText());
                List<String> theirs = new ArrayList<>();
                long until = System.currentTimeMillis() + 30_000;
                while (System.currentTimeMillis() < until) {
                    String line = lines.poll(1, TimeUnit.SECONDS);
                    if (line == null) continue;
                    if (line.equals("DONE")) break;
                    if (line.startsWith("GOT ")) theirs.add(line.substring(4));
                }
                got.addAll(theirs);
                assertThat(got).as("round %d: deliveries to both JVMs (the child's: %s)", round, theirs).hasSize(10).doesNotHaveDuplicates();
                mine.close();
            }
            toChild.println("END");
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String wanted, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < until) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (wanted.equals(line)) return true;
        }
        return false;
    }
}
