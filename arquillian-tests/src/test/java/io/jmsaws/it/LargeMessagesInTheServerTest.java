package io.jmsaws.it;

import io.jmsaws.examples.mdb.AuditMdb;
import io.jmsaws.it.large.LargeMessageMdb;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A 5 MiB message sent from EE code and received by an MDB: the adapter on an embedded backend with
 * {@code payloadBucket}, so the body travels through the embedded S3.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup({LargeMessagesInTheServerTest.WithPayloadBucket.class, JmsAwsForMdbs.class})
class LargeMessagesInTheServerTest {
    private final ExamplesClient app = new ExamplesClient(Deployments.EXAMPLES_URL);

    /** The adapter reads jmsaws.url when it starts. */
    public static class WithPayloadBucket implements ServerSetupTask {
        @Override
        public void setup(ManagementClient management, String containerId) throws Exception {
            ServerConfig.setSystemProperty(management.getControllerClient(), "jmsaws.url", "embedded://large-messages?payloadBucket=bodies");
        }

        @Override
        public void tearDown(ManagementClient management, String containerId) throws Exception {
            ServerConfig.removeSystemProperty(management.getControllerClient(), "jmsaws.url");
        }
    }

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "examples", order = 2, testable = false)
    static WebArchive examples() {
        return Deployments.examplesWar(LargeMessageMdb.class, AuditMdb.class);
    }

    @Test
    void anMdbReceivesAFiveMebibyteMessage() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String body = id + "\n" + "x".repeat(5 * 1024 * 1024);
        app.send("large", "queue", body, 1, Map.of());
        await().atMost(QueueMdbScenarios.PATIENCE).until(() -> !app.received("audit", "large " + id + " " + body.length() + " characters").isEmpty());
    }
}
