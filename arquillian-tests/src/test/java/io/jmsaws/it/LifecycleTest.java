package io.jmsaws.it;

import io.jmsaws.examples.mdb.OrderMdb;
import io.jmsaws.it.bad.ZeroSessionsMdb;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Deploying and undeploying: bad activation properties fail the deployment; undeploying leaves no threads. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(JmsAwsForMdbs.class)
class LifecycleTest {
    /** Threads the provider, its embedded backend and the AWS SDK start. */
    private static final Pattern OUR_THREADS = Pattern.compile("jms-aws.*|aws-java-sdk.*|sdk-async-response.*");

    @ArquillianResource
    private Deployer deployer;


    @Deployment(name = "rar", order = 1, managed = false, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "orders", order = 2, managed = false, testable = false)
    static WebArchive orders() {
        return Deployments.examplesWar(OrderMdb.class);
    }

    @Deployment(name = "bad", order = 3, managed = false, testable = false)
    static WebArchive bad() {
        return ShrinkWrap.create(WebArchive.class, "bad-activation.war").addClass(ZeroSessionsMdb.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jakarta.jms.api\n"));
    }

    @Test
    void anInvalidActivationPropertyFailsTheDeploymentNamingIt() {
        deployer.deploy("rar");
        try {
            assertThatThrownBy(() -> deployer.deploy("bad"))
                    .satisfies(e -> assertThat(chain(e)).contains("maxSession").contains("must be from 1 to 100"));
        } finally {
            try {
                deployer.undeploy("bad");
            } catch (RuntimeException e) {
                // it never deployed
            }
            deployer.undeploy("rar");
        }
    }

    @Test
    void undeployingTheAdapterLeavesNoThreadsBehind() throws Exception {
        deployUseAndUndeploy();
    }

    /** The same on aws:// (ElasticMQ): the SDK's netty event loops and response threads must be gone too. */
    @Test
    void undeployingTheAdapterOnAwsLeavesNoSdkThreadsBehind() throws Exception {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", 9990);
             ElasticMqForAdapter elasticMq = ElasticMqForAdapter.start(client)) {
            deployUseAndUndeploy();
        }
    }

    private void deployUseAndUndeploy() throws Exception {
        deployer.deploy("rar");
        deployer.deploy("orders");
        ExamplesClient app = new ExamplesClient(Deployments.EXAMPLES_URL);
        String text = "order " + UUID.randomUUID();
        app.sendToQueue("orders", text);
        await().atMost(Duration.ofSeconds(60)).until(() -> !app.received("orders", text).isEmpty());
        assertThat(ourThreads()).as("threads while deployed").isNotEmpty();

        deployer.undeploy("orders");
        deployer.undeploy("rar");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ourThreads()).as("threads after undeploy").isEmpty());
    }

    private List<String> ourThreads() throws Exception {
        ModelNode op = Operations.createOperation("dump-all-threads", Operations.createAddress("core-service", "platform-mbean", "type", "threading"));
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        ModelNode threads;
        // no managed deployment here, so Arquillian injects no ManagementClient: talk to the server directly
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            threads = ServerConfig.execute(client, op);
        }
        return threads.asList().stream().map(t -> t.get("thread-name").asString()).filter(n -> OUR_THREADS.matcher(n).matches()).toList();
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) b.append(t).append('\n');
        return b.toString();
    }
}
