package io.jmsaws.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every example flow of the EAR, whatever the server: the queue scenarios plus the topic
 * subscriptions (durable, shared, with a selector) and maxSession concurrency. Topics need SNS,
 * so these run on the embedded backend (ElasticMQ has none): in WildFly (ExamplesOnEmbeddedTest)
 * and Payara and GlassFish (payara-glassfish-tests' ExamplesOnGlassFishFamilyTest).
 */
abstract class ExampleScenarios extends QueueMdbScenarios {

    @Test
    void aPriceReachesTheDurableSubscriptionOnceAndTheSharedOneOnce() {
        app.send("prices", "topic", "price " + id, 6, Map.of());
        await().atMost(PATIENCE).until(() -> app.received("price-audit (durable)", "price " + id).size() == 6
                && app.received("price-board (shared)", "price " + id).size() == 6);
        pause(1000);
        assertThat(app.received("price-audit (durable)", "price " + id)).hasSize(6);
        // two sessions share the subscription: together they see each message once
        assertThat(app.received("price-board (shared)", "price " + id)).extracting(ExamplesClient.Received::text).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void aSelectorLetsOnlyMatchingAlertsThrough() {
        app.send("alerts", "topic", "low " + id, 1, Map.of("severity", "low"));
        app.send("alerts", "topic", "high " + id, 1, Map.of("severity", "high"));
        await().atMost(PATIENCE).until(() -> !app.received("alerts (severity = 'high')", "high " + id).isEmpty());
        pause(1000);
        assertThat(app.received("alerts (severity = 'high')", "low " + id)).isEmpty();
    }

    @Test
    void maxSessionDeliversConcurrently() {
        app.clear();
        app.send("work", "queue", "job " + id, 12, Map.of());
        await().atMost(PATIENCE).until(() -> app.received("work", "job " + id).size() == 12);
        List<String> threads = app.received("work", "job " + id).stream().map(ExamplesClient.Received::thread).distinct().toList();
        // four sessions, 200 ms a message: several at once, never more than maxSession
        assertThat(app.maxConcurrent()).isBetween(2, 4);
        assertThat(threads).hasSizeBetween(2, 4);
    }
}
