package io.jmsaws.ra;

import io.jmsaws.config.Option;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import io.jmsaws.ra.admin.QueueAdminObject;
import io.jmsaws.ra.admin.TopicAdminObject;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.lang.reflect.Proxy;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterConfigurationTest {
    private static final BootstrapContext NO_CONTEXT = (BootstrapContext) Proxy.newProxyInstance(
            AdapterConfigurationTest.class.getClassLoader(), new Class<?>[] {BootstrapContext.class}, (p, m, a) -> null);

    @Test
    void optionsAndCredentialsComeFromConfigPropertiesAndTheSecretIsNeverShown() throws Exception {
        JmsAwsResourceAdapter ra = new JmsAwsResourceAdapter();
        ra.setConnectionUrl("aws://?region=eu-west-1");
        ra.setAccessKeyId("AKIDEXAMPLE");
        ra.setSecretAccessKey("wJalrXUtnFEMI-very-secret");
        ra.setOptions("prefetch=5; waitTimeSeconds=3");
        ra.start(NO_CONTEXT);
        try {
            assertThat(ra.config().get(Option.PREFETCH)).isEqualTo("5");
            assertThat(ra.config().get(Option.WAIT_TIME_SECONDS)).isEqualTo("3");
            assertThat(ra.config().get(Option.REGION)).isEqualTo("eu-west-1");
            assertThat(ra.toString()).doesNotContain("wJalrXUtnFEMI-very-secret");
            assertThat(ra.connectionFactory().toString()).doesNotContain("wJalrXUtnFEMI-very-secret");
        } finally {
            ra.stop();
        }
    }

    @Test
    void aBadOptionStopsTheAdapterFromStartingWithItsName() {
        JmsAwsResourceAdapter ra = new JmsAwsResourceAdapter();
        ra.setConnectionUrl("embedded://x");
        ra.setOptions("prefetch=50");
        assertThatThrownBy(() -> ra.start(NO_CONTEXT)).isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("prefetch").hasMessageContaining("from 1 to 10");
        ra.setOptions("prefetch");
        assertThatThrownBy(() -> ra.start(NO_CONTEXT)).hasMessageContaining("name=value pairs");
    }

    @Test
    void adminObjectsAreDestinationsWithTheirCreationOptions() throws Exception {
        String instance = "ra-admin-" + UUID.randomUUID();
        JmsAwsResourceAdapter ra = new JmsAwsResourceAdapter();
        ra.setConnectionUrl("embedded://" + instance);
        ra.start(NO_CONTEXT);
        QueueAdminObject queue = new QueueAdminObject();
        queue.setName("invoices");
        queue.setOptions("deadLetterQueue=invoices-dlq&maxReceiveCount=4");
        TopicAdminObject topic = new TopicAdminObject();
        topic.setName("prices");
        try (Connection c = ra.connectionFactory().createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer fromTopic = s.createConsumer(topic);
            s.createProducer(queue).send(s.createTextMessage("invoice 1"));
            s.createProducer(topic).send(s.createTextMessage("price 1"));
            assertThat(((TextMessage) s.createConsumer(queue).receive(5000)).getText()).isEqualTo("invoice 1");
            assertThat(((TextMessage) fromTopic.receive(5000)).getText()).isEqualTo("price 1");
            var sqs = new EmbeddedSqsAsyncClient(EmbeddedSqs.instance(instance));
            String url = sqs.getQueueUrl(b -> b.queueName("invoices")).join().queueUrl();
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY)).join()
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY)).contains("invoices-dlq").contains("4");
            QueueAdminObject bad = new QueueAdminObject();
            bad.setName("no spaces allowed");
            assertThatThrownBy(() -> s.createProducer(bad)).isInstanceOf(InvalidDestinationException.class);
        } finally {
            ra.stop();
        }
    }

    /** A stopped adapter leaves nothing behind in its class loader: the server can unload it (client ids, subscriptions, clients, embedded queues). */
    @Test
    void stoppingTheAdapterDropsEveryPieceOfClassLoaderWideState() throws Exception {
        JmsAwsResourceAdapter ra = new JmsAwsResourceAdapter();
        ra.setConnectionUrl("embedded://ra-state-" + UUID.randomUUID());
        ra.start(NO_CONTEXT);
        try (Connection c = ra.connectionFactory().createConnection()) {
            c.setClientID("ra-state");
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            s.createDurableConsumer(s.createTopic("ra-state-topic"), "kept").close();
            s.createProducer(s.createQueue("ra-state-queue")).send(s.createTextMessage("left behind"));
        }
        assertThat(io.jmsaws.util.ClassLoaderState.owners()).as("state kept while the adapter runs").isPositive();
        ra.stop();
        assertThat(io.jmsaws.util.ClassLoaderState.owners()).as("state left after stop").isZero();
    }
}
