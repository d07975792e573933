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

    @Test
    void aMessageWithTwelvePropertiesAndACorrelationIdSurvivesTheAgent() throws Exception {
        String agent = System.getProperty("otel.javaagent");
        assertThat(agent).as("the agent's path (dependency:properties)").isNotBlank();
        ElasticMqBackend backend = ElasticMqBackend.get();
        String queue = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        backend.sqs().createQueue(b -> b.queueName(queue)).join();
        // the test class path without the agent itself (it is the agent, not a library)
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("opentelemetry-javaagent")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent,
                "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
                "-Dotel.instrumentation.aws-sdk.experimental-use-propagator-for-messaging=true",
                "-Dotel.javaagent.logging=none",
                "-cp", classPath, AgentProbe.class.getName(), backend.url(""), queue);
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        // traceparent: the agent's JMS instrumentation did run (and its property was packed with the others)
        assertThat(output).as(output).contains("PROBE text=traced properties=12 correlation=corr-42 traceparent=true");
    }
}
