package io.jmsaws.observability;

import io.jmsaws.testing.ElasticMqBackend;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenTelemetry's Java agent (2.33.1) attached to a forked JVM against ElasticMQ, with
 * {@code experimental-use-propagator-for-messaging=true} — the setting that makes its AWS SDK layer
 * add message attributes, which pushed other clients past SQS's 10-attribute limit
 * (opentelemetry-java-instrumentation #13799). A message with 12 properties and a correlation id
 * must still be sent and received intact, whatever the codec becomes.
 */
class OpenTelemetryAgentTest {

    /** Runs AgentProbe with the agent and these settings; its output (the probe's line, and spans where they are logged). */
    private static String probe(String queue, String... settings) throws Exception {
        String agent = System.getProperty("otel.javaagent");
        assertThat(agent).as("the agent's path (dependency:properties)").isNotBlank();
        ElasticMqBackend backend = ElasticMqBackend.get();
        backend.sqs().createQueue(b -> b.queueName(queue)).join();
        // the test class path without the agent itself (it is the agent, not a library)
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("opentelemetry-javaagent")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent, "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
                "-Dotel.instrumentation.aws-sdk.experimental-use-propagator-for-messaging=true"));
        command.addAll(List.of(settings));
        command.addAll(List.of("-cp", classPath, AgentProbe.class.getName(), backend.url(""), queue));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        return output;
    }

    @Test
    void aMessageWithTwelvePropertiesAndACorrelationIdSurvivesTheAgent() throws Exception {
        String output = probe("agent-" + UUID.randomUUID().toString().substring(0, 8), "-Dotel.traces.exporter=none",
                "-Dotel.javaagent.logging=none");
        // traceparent: the agent's JMS instrumentation did run (and its property was packed with the others)
        assertThat(output).as(output).contains("PROBE text=traced properties=12 correlation=corr-42 traceparent=true");
    }

    /**
     * The documented setting: the agent's JMS instrumentation stands down, jms-aws's own spans go to
     * the agent's SDK (GlobalOpenTelemetry), and the agent's AWS SDK span of the request nests under our send span.
     */
    @Test
    void withTheAgentsJmsInstrumentationOffOurSpansAreTheOnesAndTheSdkSpansNestUnderThem() throws Exception {
        String queue = "agent-spans-" + UUID.randomUUID().toString().substring(0, 8);
        String output = probe(queue, "-Dotel.traces.exporter=logging", "-Dotel.instrumentation.jms.enabled=false");
        assertThat(output).as(output).contains("PROBE text=traced properties=12 correlation=corr-42 traceparent=false");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("'([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+) \\[tracer: ([^:\\]]*)").matcher(output);
        java.util.Map<String, String[]> spans = new java.util.LinkedHashMap<>();
        while (m.find()) spans.put(m.group(1) + " @" + m.group(5), new String[]{m.group(2), m.group(3), m.group(4)});
        assertThat(spans).as(output).containsKeys("create " + queue + " @io.jmsaws", "send " + queue + " @io.jmsaws",
                "receive " + queue + " @io.jmsaws");
        assertThat(spans.keySet()).as("no span of the agent's JMS instrumentation").noneMatch(k -> k.contains("@io.opentelemetry.jms"));
        // the agent's SDK span of the SendMessage runs inside our send span: same trace (the send links the message's create)
        String sendTrace = spans.get("send " + queue + " @io.jmsaws")[0];
        assertThat(spans.get(queue + " publish @io.opentelemetry.aws-sdk-2.2")).as(output).isNotNull();
        assertThat(spans.get(queue + " publish @io.opentelemetry.aws-sdk-2.2")[0]).isEqualTo(sendTrace);
    }
}
