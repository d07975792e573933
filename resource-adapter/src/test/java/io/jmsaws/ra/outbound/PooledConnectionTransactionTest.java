package io.jmsaws.ra.outbound;

import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.resource.spi.BootstrapContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pooled connection's part in a JTA transaction, driven as a transaction manager would drive
 * it, on the embedded backend (no application server here; the Arquillian tests do it in WildFly).
 */
class PooledConnectionTransactionTest {
    private record TestXid(byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
        static TestXid next() {
            return new TestXid(UUID.randomUUID().toString().getBytes(), new byte[] {1});
        }

        @Override
        public int getFormatId() {
            return 4711;
        }
    }

    private final String instance = "ra-tx-" + UUID.randomUUID();
    private JmsAwsResourceAdapter adapter;
    private JmsAwsManagedConnection mc;
    private Connection reader;

    @BeforeEach
    void start() throws Exception {
        adapter = new JmsAwsResourceAdapter();
        adapter.setConnectionUrl("embedded://" + instance + "?deletedQueueCooldownSeconds=0");
        adapter.start((BootstrapContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BootstrapContext.class},
                (proxy, method, args) -> null));
        JmsAwsManagedConnectionFactory mcf = new JmsAwsManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);
        mc = (JmsAwsManagedConnection) mcf.createManagedConnection(null, null);
        reader = adapter.connectionFactory().createConnection();
        reader.start();
    }

    @AfterEach
    void stop() throws Exception {
        reader.close();
        mc.destroy();
        adapter.stop();
    }

    private List<String> drain(String queue) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Session s = reader.createSession(Session.AUTO_ACKNOWLEDGE); MessageConsumer c = s.createConsumer(s.createQueue(queue))) {
            for (Message m; (m = c.receive(300)) != null; ) texts.add(((TextMessage) m).getText());
        }
        return texts;
    }

    /** What an application does inside the transaction: one connection handle, one session, one send per text. */
    private void sendInTransaction(String queue, String... texts) throws Exception {
        try (Connection c = (Connection) mc.getConnection(null, null); Session s = c.createSession(); MessageProducer p = s.createProducer(s.createQueue(queue))) {
            for (String t : texts) p.send(s.createTextMessage(t));
        }
    }

    /** Starts a branch, sends the texts in it as an application would, and ends the branch: what a transaction's work looks like to us. */
    private Xid sendInNewTransaction(String queue, String... texts) throws Exception {
        Xid xid = TestXid.next();
        mc.getXAResource().start(xid, XAResource.TMNOFLAGS);
        sendInTransaction(queue, texts);
        mc.getXAResource().end(xid, XAResource.TMSUCCESS);
        return xid;
    }

    @Test
    void sendsGoOutOnlyWhenTheTransactionCommitsInOnePhase() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = sendInNewTransaction("orders", "a", "b", "c");
        assertThat(drain("orders")).as("before commit").isEmpty();
        xa.commit(xid, true);
        assertThat(drain("orders")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void twoPhaseSendsAtPrepareAndCommitSendsNothingMore() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = sendInNewTransaction("orders", "x");
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(drain("orders")).containsExactly("x");
        xa.commit(xid, false);
        assertThat(drain("orders")).isEmpty();
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = TestXid.next();
        xa.start(xid, XAResource.TMNOFLAGS);
        sendInTransaction("orders", "never");
        xa.end(xid, XAResource.TMFAIL);
        xa.rollback(xid);
        assertThat(drain("orders")).isEmpty();
        // the pooled connection is reusable for the next transaction
        xa.commit(sendInNewTransaction("orders", "next"), true);
        assertThat(drain("orders")).containsExactly("next");
    }

    @Test
    void aBatchThatCannotBeSentFailsTheTransactionLoudlyInsteadOfDroppingIt() throws Exception {
        try (Session s = reader.createSession(Session.AUTO_ACKNOWLEDGE)) {
            s.createQueue("doomed"); // exists
        }
        XAResource xa = mc.getXAResource();
        Xid xid = sendInNewTransaction("doomed", "lost?");
        // the queue disappears between the send and the commit: SendMessageBatch fails (not retryable)
        EmbeddedSqs.instance(instance).reset();
        assertThatThrownBy(() -> xa.commit(xid, true)).isInstanceOf(XAException.class)
                .satisfies(e -> assertThat(((XAException) e).errorCode).isEqualTo(XAException.XA_RBCOMMFAIL))
                .hasMessageContaining("could not send the transaction's messages").hasMessageContaining("doomed");
        // and the connection goes on working
        xa.commit(sendInNewTransaction("orders", "after"), true);
        assertThat(drain("orders")).containsExactly("after");
    }

    @Test
    void theJakartaEeRulesHold() throws Exception {
        Xid xid = TestXid.next();
        mc.getXAResource().start(xid, XAResource.TMNOFLAGS);
        try (Connection c = (Connection) mc.getConnection(null, null)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(s.getTransacted()).as("inside a JTA transaction").isTrue();
            assertThatThrownBy(s::commit).isInstanceOf(TransactionInProgressException.class);
            assertThatThrownBy(() -> c.createSession()).isInstanceOf(IllegalStateException.class).hasMessageContaining("only one active session");
            assertThatThrownBy(() -> c.setClientID("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("section 12.2");
            assertThatThrownBy(c::stop).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> s.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
        }
        mc.getXAResource().rollback(xid);
    }

    @Test
    void aJmsContextOverThePooledConnectionTakesPartInTheTransaction() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = TestXid.next();
        xa.start(xid, XAResource.TMNOFLAGS);
        PooledConnectionFactory cf = new PooledConnectionFactory(null, (factory, info) -> mc.getConnection(null, info));
        try (JMSContext context = cf.createContext()) {
            Queue q = context.createQueue("orders");
            context.createProducer().send(q, "via context");
            assertThatThrownBy(context::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
        }
        assertThat(drain("orders")).isEmpty();
        xa.commit(xid, true);
        assertThat(drain("orders")).containsExactly("via context");
    }
}
