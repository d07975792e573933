package io.jmsaws.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MDB scenarios on queues, run against each backend the resource adapter can use. The examples
 * application records each delivery; the tests drive it over HTTP and read what was received.
 */
abstract class QueueMdbScenarios {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    final ExamplesClient app = new ExamplesClient(Deployments.EXAMPLES_URL);
    String id;

    @BeforeEach
    void uniqueTexts() {
        id = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOrderIsConsumedOnce() {
        app.sendToQueue("orders", "order " + id);
        await().atMost(PATIENCE).until(() -> !app.received("orders", "order " + id).isEmpty());
        pause(1000);
        assertThat(app.received("orders", "order " + id)).hasSize(1).allSatisfy(r -> assertThat(r.deliveryCount()).isEqualTo(1));
    }

    @Test
    void fifoPaymentsKeepTheirOrderPerCustomerAcrossSessions() {
        List<String> customers = List.of("alice-" + id, "bob-" + id, "carol-" + id);
        int each = 8;
        for (String customer : customers) app.send("payments.fifo", "queue", "pay " + customer, each, Map.of("JMSXGroupID", customer));
        await().atMost(PATIENCE).until(() -> app.received("payments (FIFO)", "pay ").stream()
                .filter(r -> r.text().contains(id)).count() == customers.size() * (long) each);
        Map<String, List<String>> byGroup = app.received("payments (FIFO)", "pay ").stream().filter(r -> r.text().contains(id))
                .collect(Collectors.groupingBy(ExamplesClient.Received::group, Collectors.mapping(ExamplesClient.Received::text, Collectors.toList())));
        for (String customer : customers) {
            List<String> expected = IntStream.rangeClosed(1, each).mapToObj(i -> "pay " + customer + " #" + i).toList();
            assertThat(byGroup.get(customer)).as("payments of %s in order", customer).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aPoisonMessageIsRetriedThenEndsInTheDeadLetterQueue() {
        app.sendToQueue("risky", "poison " + id);
        app.sendToQueue("risky", "fine " + id);
        await().atMost(PATIENCE).until(() -> app.deadLetters().contains("poison " + id));
        List<ExamplesClient.Received> attempts = app.received("risky", "poison " + id);
        // maxReceiveCount=3: three deliveries, each rolled back by the exception, then SQS moves it
        assertThat(attempts).extracting(ExamplesClient.Received::deliveryCount).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(ExamplesClient.Received::outcome).containsOnly("failed: cannot process poison " + id);
        assertThat(app.received("risky", "fine " + id)).hasSize(1).allSatisfy(r -> assertThat(r.outcome()).isEqualTo("delivered"));
        assertThat(app.deadLetters()).doesNotContain("fine " + id);
    }

    @Test
    void aRolledBackDeliveryComesBackRedelivered() {
        app.sendToQueue("retry-once", "retry " + id);
        await().atMost(PATIENCE).until(() -> !app.received("retry-once", "retry " + id).isEmpty());
        assertThat(app.received("retry-once (rolled back)", "retry " + id)).extracting(ExamplesClient.Received::deliveryCount).containsExactly(1);
        assertThat(app.received("retry-once", "retry " + id)).extracting(ExamplesClient.Received::deliveryCount).containsExactly(2);
    }

    @Test
    void anOutboundSendIsDoneOnlyWhenItsTransactionCommits() {
        // the EJB marks its transaction rollback-only after sending; the container rolls it back and returns normally
        assertThat(app.sendInTransaction("audit", "rolled back " + id, true)).isEqualTo(200);
        assertThat(app.sendInTransaction("audit", "committed " + id, false)).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> !app.received("audit", "committed " + id).isEmpty());
        pause(2000); // the rolled-back one was sent first: had it gone out, it would be here by now
        assertThat(app.received("audit", "committed " + id)).hasSize(1);
        assertThat(app.received("audit", "rolled back " + id)).isEmpty();
        // the page shows what each transaction did, not what the bean asked for
        assertThat(app.received("sender → audit", "rolled back " + id)).extracting(ExamplesClient.Received::outcome).containsExactly("rolled back: nothing sent");
        assertThat(app.received("sender → audit", "committed " + id)).extracting(ExamplesClient.Received::outcome).containsExactly("sent (committed)");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
