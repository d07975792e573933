package io.jmsaws.ra.metrics;

import io.jmsaws.ra.JmsAwsResourceAdapter;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.spi.BootstrapContext;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's metrics as a server console reads them: by name in the platform MBean server, open types only. */
class MetricsBeansTest {
    private static final BootstrapContext NO_CONTEXT = (BootstrapContext) Proxy.newProxyInstance(
            MetricsBeansTest.class.getClassLoader(), new Class<?>[] {BootstrapContext.class}, (p, m, a) -> null);
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void aQueuesCountsAppearAsItIsUsedAndGoWhenTheAdapterStops() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String queue = "metered-" + id;
        JmsAwsResourceAdapter adapter = new JmsAwsResourceAdapter();
        adapter.setConnectionUrl("embedded://metrics-" + id);
        adapter.start(NO_CONTEXT);
        ObjectName name = new ObjectName("io.jmsaws:type=Destination,name=" + ObjectName.quote(queue));
        try {
            assertThat(JMX.isRegistered(name)).as("not before the queue is used").isFalse();
            try (Connection c = adapter.connectionFactory().createConnection()) {
                Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(s.createQueue(queue));
                for (int i = 0; i < 3; i++) p.send(s.createTextMessage("m" + i));
                MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
                c.start();
                for (int i = 0; i < 3; i++) assertThat(consumer.receive(5000)).isNotNull();
                assertThat((Long) JMX.getAttribute(name, "Held")).as("received, not yet acknowledged").isEqualTo(3);
                s.recover();
                jakarta.jms.Message last = null;
                for (int i = 0; i < 3; i++) {
                    last = consumer.receive(5000);
                    assertThat(last).isNotNull();
                    assertThat(last.getJMSRedelivered()).isTrue();
                }
                last.acknowledge();
            }
            assertThat(JMX.getAttribute(name, "Sent")).isEqualTo(3L);
            assertThat(JMX.getAttribute(name, "Received")).isEqualTo(6L);
            assertThat(JMX.getAttribute(name, "Redelivered")).isEqualTo(3L);
            assertThat(JMX.getAttribute(name, "Acknowledged")).isEqualTo(3L);
            assertThat(JMX.getAttribute(name, "Held")).isEqualTo(0L);
            assertThat((Double) JMX.getAttribute(name, "SendLatencyMaxMillis")).isPositive();

            ObjectName requests = JMX.queryNames(new ObjectName("io.jmsaws:type=Requests,*"), null).iterator().next();
            TabularData byOperation = (TabularData) JMX.getAttribute(requests, "Requests");
            assertThat(byOperation.values()).extracting(row -> ((CompositeData) row).get("key")).contains("SendMessage", "ReceiveMessage");
        } finally {
            adapter.stop();
        }
        assertThat(JMX.isRegistered(name)).as("unregistered at stop").isFalse();
    }
}
