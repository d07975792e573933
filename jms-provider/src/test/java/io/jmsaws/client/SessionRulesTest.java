package io.jmsaws.client;

import io.jmsaws.config.JmsAwsConfig;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session's JMS rules against an in-memory {@link FakeProvider}: acknowledgement modes,
 * recover, transactions, redelivery with its delay, the FIFO pull-back, listener dispatch and the
 * rules on callbacks. No SQS implementation is involved; each test reads what the session asked
 * of the provider.
 */
class SessionRulesTest {
    private final FakeProvider provider = new FakeProvider();
    private JmsAwsConnection connection;

    private Session open(int mode, String options) throws JMSException {
        connection = new JmsAwsConnection(JmsAwsConfig.parse("embedded://session-rules" + (options.isEmpty() ? "" : "?" + options)), provider,
                io.jmsaws.telemetry.Telemetry.untraced());
        connection.start();
        return connection.createSession(mode);
    }

    private Session open(int mode) throws JMSException {
        return open(mode, "");
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) connection.close();
    }

    private static List<String> send(Session s, Queue q, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(q);
        List<String> sent = new ArrayList<>();
        for (String t : texts) {
            TextMessage m = s.createTextMessage(t);
            p.send(m);
            sent.add(t);
        }
        return sent;
    }

    private static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }

    @Test
    void autoAcknowledgeDeletesEachMessageAsReceiveReturns() throws Exception {
        Session s = open(Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("auto");
        send(s, q, "a", "b");
        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(1_000))).isEqualTo("a");
        assertThat(text(c.receive(1_000))).isEqualTo("b");
        assertThat(provider.calls("delete ")).hasSize(2);
        assertThat(provider.depth("auto")).isZero();
        assertThat(provider.calls("send SOON")).as("synchronous sends to a standard queue").hasSize(2);
    }

    @Test
    void clientAcknowledgeDeletesEverythingDeliveredInOneCallAndRecoverRedeliversIt() throws Exception {
        Session s = open(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("client");
        send(s, q, "a", "b", "c");
        MessageConsumer c = s.createConsumer(q);
        c.receive(1_000);
        c.receive(1_000);
        s.recover();
        List<String> after = new ArrayList<>();
        Message last = null;
        for (int i = 0; i < 3; i++) {
            last = c.receive(1_000);
            after.add(text(last) + " " + last.getIntProperty("JMSXDeliveryCount") + (last.getJMSRedelivered() ? " redelivered" : ""));
        }
        // a standard queue keeps no order: c, never delivered, may come first, held in the consumer's buffer all along
        assertThat(after).containsExactlyInAnyOrder("a 2 redelivered", "b 2 redelivered", "c 1");
        last.acknowledge();
        assertThat(provider.calls("deleteAll")).containsExactly("deleteAll 3");
        assertThat(provider.depth("client")).isZero();
    }

    @Test
    void aTransactionSendsAtCommitOnlyAndRollbackDropsItsSendsAndRedeliversWhatItConsumed() throws Exception {
        Session s = open(Session.SESSION_TRANSACTED);
        Queue in = s.createQueue("tx-in");
        Queue out = s.createQueue("tx-out");
        send(s, in, "request");
        s.commit();
        MessageConsumer c = s.createConsumer(in);
        assertThat(text(c.receive(1_000))).isEqualTo("request");
        send(s, out, "reply 1", "reply 2");
        assertThat(provider.depth("tx-out")).as("nothing sent before commit").isZero();
        s.rollback();
        assertThat(provider.depth("tx-out")).as("rolled back sends are dropped").isZero();
        Message again = c.receive(1_000);
        assertThat(again.getJMSRedelivered()).isTrue();
        send(s, out, "reply 1", "reply 2");
        s.commit();
        assertThat(provider.depth("tx-out")).isEqualTo(2);
        assertThat(provider.depth("tx-in")).isZero();
        assertThat(provider.calls("sendAll")).contains("sendAll 2 queue://tx-out");
    }

    @Test
    void aCommitThatFindsAConsumedMessageNoLongerHeldRollsBack() throws Exception {
        provider.visibilityTimeoutSeconds = 1;
        Session s = open(Session.SESSION_TRANSACTED, "extendVisibility=false");
        Queue q = s.createQueue("lost-lease");
        send(s, q, "slow");
        s.commit();
        MessageConsumer c = s.createConsumer(q);
        c.receive(1_000);
        Thread.sleep(1_100); // the visibility timeout runs out while the transaction is open
        assertThatThrownBy(s::commit).isInstanceOf(TransactionRolledBackException.class).hasMessageContaining("visibility timeout");
        assertThat(provider.depth("lost-lease")).as("not deleted").isEqualTo(1);
    }

    @Test
    void recoverWaitsTheRedeliveryDelay() throws Exception {
        Session s = open(Session.CLIENT_ACKNOWLEDGE, "redeliveryDelay=2000");
        Queue q = s.createQueue("delay");
        send(s, q, "a");
        MessageConsumer c = s.createConsumer(q);
        c.receive(1_000);
        s.recover();
        assertThat(provider.calls("changeVisibility")).containsExactly("changeVisibility queue://delay 2");
    }

    @Test
    void aRedeliveredFifoMessageTakesTheBufferedMessagesOfItsGroupAlongSoNoneOvertakesIt() throws Exception {
        Session s = open(Session.CLIENT_ACKNOWLEDGE, "readAhead=false"); // the first receive fetches a whole batch: b and c held unseen
        Queue q = s.createQueue("orders.fifo");
        MessageProducer p = s.createProducer(q);
        for (String t : List.of("g1-a", "g1-b", "g1-c")) {
            TextMessage m = s.createTextMessage(t);
            m.setStringProperty("JMSXGroupID", "g1");
            p.send(m);
        }
        assertThat(provider.calls("send NOW")).as("FIFO sends go out alone, one after the other").hasSize(3);
        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(1_000))).isEqualTo("g1-a"); // the batch brought b and c along, held unseen
        s.recover();
        assertThat(provider.calls("changeVisibility")).as("a, then b and c pulled back").hasSize(3);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) order.add(text(c.receive(1_000)));
        assertThat(order).containsExactly("g1-a", "g1-b", "g1-c");
    }

    @Test
    void aListenerThatThrowsGetsTheMessageAgainInAutoAcknowledge() throws Exception {
        Session s = open(Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("listener");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        s.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m) + (m.getJMSRedelivered() ? " again" : ""));
                if (!m.getJMSRedelivered()) throw new IllegalArgumentException("first delivery fails");
                done.countDown();
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        send(s, q, "x");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("x", "x again");
    }

    @Test
    void aListenerMayNotCloseItsSessionNorStopItsConnection() throws Exception {
        Session s = open(Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue("callbacks");
        CompletableFuture<List<String>> refused = new CompletableFuture<>();
        s.createConsumer(q).setMessageListener(m -> {
            List<String> r = new ArrayList<>();
            try {
                s.close();
            } catch (IllegalStateException e) {
                r.add("close");
            } catch (JMSException e) {
                r.add("other: " + e);
            }
            try {
                connection.stop();
            } catch (IllegalStateException e) {
                r.add("stop");
            } catch (JMSException e) {
                r.add("other: " + e);
            }
            refused.complete(r);
        });
        send(s, q, "x");
        assertThat(refused.get(10, TimeUnit.SECONDS)).containsExactly("close", "stop");
    }

    @Test
    void closingTheSessionGivesBackWhatWasDeliveredAndNotAcknowledged() throws Exception {
        Session s = open(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("close");
        send(s, q, "a");
        s.createConsumer(q).receive(1_000);
        s.close();
        assertThat(provider.calls("changeVisibility")).containsExactly("changeVisibility queue://close 0");
        assertThat(provider.depth("close")).isEqualTo(1);
    }
}
