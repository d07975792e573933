package io.jmsaws.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The RAR and the examples EAR, as built, in WildFly on the embedded backend (the RAR's default). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(JmsAwsForMdbs.class)
class ExamplesOnEmbeddedTest extends QueueMdbScenarios {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "examples", order = 2, testable = false)
    static EnterpriseArchive examples() {
        return Deployments.examplesEar();
    }

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
