package io.jmsaws.aws;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.testing.ElasticMqBackend;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsClientsTest {
    private final ElasticMqBackend backend = ElasticMqBackend.get();

    @Test
    void connectionsWithTheSameSettingsShareClientsAndTheLastOneClosesThem() throws Exception {
        JmsAwsConfig config = JmsAwsConfig.parse(backend.url(""));
        // credentials of this test's own: a connection another test closed may still hold the shared clients
        // of the default identity until its long poll ends
        AwsClients first = AwsClients.acquire(config, "clients-test", "clients-test-secret");
        AwsClients second = AwsClients.acquire(config, "clients-test", "clients-test-secret");
        AwsClients otherKey = AwsClients.acquire(config, "another-key", "another-secret");
        assertThat(second).isSameAs(first);
        assertThat(otherKey).isNotSameAs(first);

        CompletableFuture<Void> firstDone = new CompletableFuture<>();
        first.release(firstDone);
        assertThat(firstDone).as("others still use them").isCompleted();
        assertThat(second.sqs.listQueues().get(10, TimeUnit.SECONDS)).isNotNull();

        CompletableFuture<Void> secondDone = new CompletableFuture<>();
        second.release(secondDone);
        secondDone.get(10, TimeUnit.SECONDS); // the event loop threads are gone
        assertThatThrownBy(() -> second.sqs.listQueues().join()).isInstanceOf(RuntimeException.class);
        assertThat(AwsClients.acquire(config, "clients-test", "clients-test-secret")).as("made anew after the last release").isNotSameAs(first)
                .satisfies(fresh -> fresh.release(new CompletableFuture<>()));
        otherKey.release(new CompletableFuture<>());
    }
}
