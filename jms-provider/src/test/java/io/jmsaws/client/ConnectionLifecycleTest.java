package io.jmsaws.client;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSContext;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection and session lifecycle rules of the spec (chapter 6). */
class ConnectionLifecycleTest {
    private final JmsAwsConnectionFactory factory = new JmsAwsConnectionFactory("embedded://lifecycle");

    @Test
    void metaDataReportsJms31() throws Exception {
        try (Connection c = factory.createConnection()) {
            ConnectionMetaData md = c.getMetaData();
            assertThat(md.getJMSVersion()).isEqualTo("3.1");
            assertThat(md.getJMSMajorVersion()).isEqualTo(3);
            assertThat(md.getJMSMinorVersion()).isEqualTo(1);
            assertThat(md.getJMSProviderName()).isEqualTo("jms-aws");
            assertThat(Collections.list(md.getJMSXPropertyNames())).contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
        }
    }

    @Test
    void clientIdIsSetFirstOrNeverAndIsUnique() throws Exception {
        try (Connection a = factory.createConnection(); Connection b = factory.createConnection(); Connection late = factory.createConnection()) {
            a.setClientID("unique-client");
            assertThat(a.getClientID()).isEqualTo("unique-client");
            assertThatThrownBy(() -> a.setClientID("again")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> b.setClientID("unique-client")).isInstanceOf(InvalidClientIDException.class);
            late.createSession();
            assertThatThrownBy(() -> late.setClientID("too-late")).isInstanceOf(IllegalStateException.class);
        }
        try (Connection again = factory.createConnection()) {
            again.setClientID("unique-client"); // released when the first connection closed
        }
        JmsAwsConnectionFactory configured = new JmsAwsConnectionFactory("embedded://lifecycle?clientID=from-config");
        try (Connection c = configured.createConnection()) {
            assertThat(c.getClientID()).isEqualTo("from-config");
            assertThatThrownBy(() -> c.setClientID("other")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closedObjectsRefuseUseAndCloseIsIdempotent() throws Exception {
        Connection c = factory.createConnection();
        Session s = c.createSession();
        var q = s.createQueue("lifecycle-q");
        var p = s.createProducer(q);
        s.close();
        s.close();
        assertThatThrownBy(() -> s.createTextMessage()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.send(s.createMessage())).isInstanceOf(IllegalStateException.class);
        c.close();
        c.close();
        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionModesAreCheckedAndReported() throws Exception {
        try (Connection c = factory.createConnection()) {
            assertThat(c.createSession(true, Session.AUTO_ACKNOWLEDGE).getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
            assertThat(c.createSession(Session.CLIENT_ACKNOWLEDGE).getTransacted()).isFalse();
            assertThatThrownBy(() -> c.createSession(false, 99)).hasMessageContaining("99");
            c.createSession(Session.AUTO_ACKNOWLEDGE).recover();
            assertThatThrownBy(() -> c.createSession(Session.SESSION_TRANSACTED).recover()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aListenerMayNotStopOrCloseItsOwnConnection() throws Exception {
        try (JMSContext ctx = factory.createContext()) {
            var q = ctx.createQueue("lifecycle-listener");
            java.util.concurrent.CompletableFuture<Throwable> stop = new java.util.concurrent.CompletableFuture<>();
            ctx.createConsumer(q).setMessageListener(m -> {
                try {
                    ctx.stop();
                    stop.complete(null);
                } catch (RuntimeException e) {
                    stop.complete(e);
                }
            });
            ctx.createProducer().send(q, "x");
            assertThat(stop.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
        }
    }

    @Test
    void connectionConsumersAreRefusedClearly() throws Exception {
        try (Connection c = factory.createConnection()) {
            assertThatThrownBy(() -> c.createConnectionConsumer(new io.jmsaws.destination.JmsAwsQueue("x"), null, null, 1))
                    .hasMessageContaining("resource adapter");
        }
    }
}
