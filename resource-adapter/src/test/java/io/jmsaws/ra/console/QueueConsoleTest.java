package io.jmsaws.ra.console;

import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.BootstrapContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console's MXBean as a console web application uses it: found by name in the platform MBean
 * server, called with JMX open types only (no class of ours on the caller's side).
 */
class QueueConsoleTest {
    private static final BootstrapContext NO_CONTEXT = (BootstrapContext) Proxy.newProxyInstance(
            QueueConsoleTest.class.getClassLoader(), new Class<?>[] {BootstrapContext.class}, (p, m, a) -> null);
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String source = "console-src-" + id;
    private final String dlq = "console-dlq-" + id;
    private JmsAwsResourceAdapter adapter;
    private ObjectName name;

    @BeforeEach
    void start() throws Exception {
        adapter = new JmsAwsResourceAdapter();
        adapter.setConnectionUrl("embedded://console-" + id);
        adapter.setQueueConsole("true");
        adapter.start(NO_CONTEXT);
        Set<ObjectName> found = JMX.queryNames(new ObjectName(QueueConsole.OBJECT_NAME_PATTERN), null);
        name = found.stream().filter(n -> n.toString().contains("console-" + id)).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        adapter.stop();
    }

    record Payload(String value) implements java.io.Serializable { }

    private String[] sendDeadLetters() throws Exception {
        try (Connection c = adapter.connectionFactory().createConnection()) {
            Session s = c.createSession();
            s.createConsumer(s.createQueue(source + "?deadLetterQueue=" + dlq + "&maxReceiveCount=3")).close();
            MessageProducer p = s.createProducer(s.createQueue(dlq));
            TextMessage text = s.createTextMessage("cannot be processed");
            text.setStringProperty("customer", "c-42");
            p.send(text);
            ObjectMessage object = s.createObjectMessage(new Payload("secret")); // io.jmsaws.ra is not a trusted package
            p.send(object);
            return new String[] {text.getJMSMessageID(), object.getJMSMessageID()};
        }
    }

    private CompositeData queue(String queueName) throws Exception {
        CompositeData[] queues = (CompositeData[]) JMX.getAttribute(name, "Queues");
        return Arrays.stream(queues).filter(q -> q.get("name").equals(queueName)).findFirst().orElseThrow();
    }

    @Test
    void itIsRegisteredOnlyWhenEnabledAndGoneWhenTheAdapterStops() throws Exception {
        JmsAwsResourceAdapter off = new JmsAwsResourceAdapter();
        off.setConnectionUrl("embedded://console-off-" + id);
        off.start(NO_CONTEXT);
        try {
            assertThat(JMX.queryNames(new ObjectName(QueueConsole.OBJECT_NAME_PATTERN), null)).noneMatch(n -> n.toString().contains("console-off-" + id));
        } finally {
            off.stop();
        }
        adapter.stop();
        assertThat(JMX.isRegistered(name)).isFalse();
        adapter.start(NO_CONTEXT); // for stop() after the test
    }

    @Test
    void queuesShowTheirDepthAndDeadLetterRelations() throws Exception {
        sendDeadLetters();
        CompositeData d = queue(dlq);
        assertThat(d.get("visible")).isEqualTo(2L);
        assertThat((String[]) d.get("deadLetterFor")).containsExactly(source);
        CompositeData s = queue(source);
        assertThat(s.get("deadLetterQueue")).isEqualTo(dlq);
        assertThat(s.get("maxReceiveCount")).isEqualTo(3);
        assertThat(s.get("fifo")).isEqualTo(false);
    }

    @Test
    void peekDecodesJmsMessagesCountsThePeekAndObeysTrustedPackages() throws Exception {
        String[] ids = sendDeadLetters();
        CompositeData[] seen = (CompositeData[]) JMX.invoke(name, "peek", new Object[] {dlq, 10}, new String[] {"java.lang.String", "int"});
        assertThat(seen).hasSize(2);
        CompositeData text = Arrays.stream(seen).filter(m -> m.get("messageId").equals(ids[0])).findFirst().orElseThrow();
        assertThat(text.get("type")).isEqualTo("TextMessage");
        assertThat(text.get("bodyPreview")).isEqualTo("cannot be processed");
        assertThat(text.get("deliveryCount")).isEqualTo(1);
        TabularData properties = (TabularData) text.get("properties");
        assertThat(properties.get(new Object[] {"customer"}).get("value")).isEqualTo("c-42");
        CompositeData object = Arrays.stream(seen).filter(m -> m.get("messageId").equals(ids[1])).findFirst().orElseThrow();
        assertThat(object.get("type")).isEqualTo("ObjectMessage");
        assertThat((String) object.get("bodyPreview")).startsWith("(not deserialized:").contains(Payload.class.getName());
        assertThat(queue(dlq).get("peeks")).isEqualTo(1);
        // a peek is a receive: the next one shows the raised count
        CompositeData[] again = (CompositeData[]) JMX.invoke(name, "peek", new Object[] {dlq, 10}, new String[] {"java.lang.String", "int"});
        assertThat(again).allMatch(m -> m.get("deliveryCount").equals(2));
    }

    @Test
    void chosenMessagesThenAllAreRedrivenAndPurgeIsRefusedWithinSixtySeconds() throws Exception {
        String[] ids = sendDeadLetters();
        Object moved = JMX.invoke(name, "redrive", new Object[] {dlq, new String[] {ids[0]}}, new String[] {"java.lang.String", "[Ljava.lang.String;"});
        assertThat(moved).isEqualTo(1L);
        assertThat(queue(dlq).get("visible")).isEqualTo(1L);
        assertThat(queue(source).get("visible")).isEqualTo(1L);
        assertThat(JMX.invoke(name, "redriveAll", new Object[] {dlq}, new String[] {"java.lang.String"})).isEqualTo(1L);
        assertThat(queue(source).get("visible")).isEqualTo(2L);

        JMX.invoke(name, "purge", new Object[] {source}, new String[] {"java.lang.String"});
        assertThat(queue(source).get("visible")).isEqualTo(0L);
        assertThatThrownBy(() -> JMX.invoke(name, "purge", new Object[] {source}, new String[] {"java.lang.String"}))
                .isInstanceOf(RuntimeMBeanException.class).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one PurgeQueue per queue every 60 seconds");
        assertThatThrownBy(() -> JMX.invoke(name, "peek", new Object[] {"no-such-queue-" + id, 5}, new String[] {"java.lang.String", "int"}))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-queue-" + id);
    }
}
