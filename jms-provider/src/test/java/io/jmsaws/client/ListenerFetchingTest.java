package io.jmsaws.client;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.embedded.EmbeddedSqs;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a listener's consumer asks SQS for messages (JmsAwsMessageConsumer.maybeFetch), counted on
 * the embedded backend: whole batches while draining a backlog, one long poll at a time when idle,
 * and never more than a bounded number of messages held.
 */
class ListenerFetchingTest {
    private final EmbeddedSqs server = EmbeddedSqs.instance("listener-fetching");

    @BeforeEach
    void reset() {
        server.setDeletedQueueCooldownMillis(0);
    }

    private Connection connect(String options) throws Exception {
        return new JmsAwsConnectionFactory("embedded://listener-fetching?" + options).createConnection();
    }

    private static void fill(Connection c, String queue, int n) throws Exception {
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = s.createProducer(s.createQueue(queue));
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
            if (i % 10 == 9) s.commit();
        }
        s.commit();
        s.close();
    }

    @Test
    void aListenerDrainingABacklogAsksForWholeBatches() throws Exception {
        try (Connection c = connect("prefetch=10")) {
            fill(c, "backlog", 200);
            long before = server.requestCount(EmbeddedSqs.Operation.ReceiveMessage);
            CountDownLatch all = new CountDownLatch(200);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(s.createQueue("backlog")).setMessageListener(m -> all.countDown());
            c.start();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            long receives = server.requestCount(EmbeddedSqs.Operation.ReceiveMessage) - before;
            // 20 full batches, plus the tail's partial ones and the poll left waiting; topping up
            // one message at a time (what a "fill the buffer to prefetch" rule does) takes ~40-200
            assertThat(receives).isBetween(20L, 26L);
        }
    }

    @Test
    void anIdleListenerKeepsOneLongPollAtATime() throws Exception {
        try (Connection c = connect("waitTimeSeconds=1")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createQueue("idle");
            fill(c, "idle", 10); // one full batch first: the consumer has seen a backlog, then the queue runs dry
            CountDownLatch got = new CountDownLatch(10);
            s.createConsumer(s.createQueue("idle")).setMessageListener(m -> got.countDown());
            c.start();
            assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // the polls started while draining end (the queue is empty: they wait their second)
            long before = server.requestCount(EmbeddedSqs.Operation.ReceiveMessage);
            Thread.sleep(4_000);
            long polls = server.requestCount(EmbeddedSqs.Operation.ReceiveMessage) - before;
            // one 1-second poll after the other: about 4; two at a time would be about 8
            assertThat(polls).isBetween(3L, 6L);
        }
    }

    @Test
    void aSlowListenersConsumerHoldsABoundedNumberOfMessages() throws Exception {
        try (Connection c = connect("prefetch=10")) {
            fill(c, "slow", 100);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch first = new CountDownLatch(1);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("slow"));
            consumer.setMessageListener(m -> {
                first.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            c.start();
            assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(500);
            var sqs = new io.jmsaws.embedded.EmbeddedSqsAsyncClient(server);
            String url = sqs.getQueueUrl(b -> b.queueName("slow")).join().queueUrl();
            long visible = Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .join().attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            release.countDown();
            // prefetch / 2 + 2 × prefetch held at most, plus the one in onMessage: the other 74+ stay for other consumers
            assertThat(100 - visible).isBetween(1L, 26L);
        }
    }

    @Test
    void aPollCancelledByStopDoesNotKeepTheConsumerFromFetchingAfterStart() throws Exception {
        try (Connection c = connect("waitTimeSeconds=20")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("restarted"));
            CountDownLatch got = new CountDownLatch(1);
            consumer.setMessageListener(m -> got.countDown());
            c.start();
            Thread.sleep(200); // a 20 s long poll is under way on the empty queue
            c.stop(); // the embedded backend cancels it
            c.start();
            s.createProducer(s.createQueue("restarted")).send(s.createTextMessage("after restart"));
            assertThat(got.await(5, TimeUnit.SECONDS)).as("delivered after stop/start").isTrue();
        }
    }
}
