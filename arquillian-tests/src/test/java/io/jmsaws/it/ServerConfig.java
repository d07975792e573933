package io.jmsaws.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.nio.file.Path;

/** Management operations the tests and the demo share. */
final class ServerConfig {
    /** Deployed on its own, the RAR's resource adapter is named after its file. */
    static final String RESOURCE_ADAPTER = "jms-aws.rar";

    private ServerConfig() {
    }

    /**
     * standalone.xml has no default resource adapter for MDBs (it comes with messaging-activemq,
     * absent here): name ours, so that MDBs need no {@code @ResourceAdapter}, and give MDBs a pool.
     * The examples' MDBs do not depend on it (their jboss-ejb3.xml binds them: ExamplesOnEmbeddedTest
     * passed with the default set to another adapter's name); the tests' own small deployments do.
     * WildFly refuses to deploy any MDB while no default is named at all.
     */
    static void useJmsAwsForMdbs(ModelControllerClient client) throws IOException {
        ModelNode ejb3 = Operations.createAddress("subsystem", "ejb3");
        execute(client, Operations.createWriteAttributeOperation(ejb3, "default-resource-adapter-name", RESOURCE_ADAPTER));
        execute(client, Operations.createWriteAttributeOperation(ejb3, "default-mdb-instance-pool", "mdb-strict-max-pool"));
        // an MDB's exception is logged by jms-aws in one WARN line that says what happens next (redelivery or the DLQ);
        // the container would add an ERROR with the whole stack trace for every delivery of a poison message
        execute(client, Operations.createWriteAttributeOperation(ejb3, "log-system-exceptions", false));
    }

    static void setSystemProperty(ModelControllerClient client, String name, String value) throws IOException {
        ModelNode address = Operations.createAddress("system-property", name);
        ModelNode read = client.execute(Operations.createReadResourceOperation(address));
        if (Operations.isSuccessfulOutcome(read)) execute(client, Operations.createRemoveOperation(address));
        ModelNode add = Operations.createAddOperation(address);
        add.get("value").set(value);
        execute(client, add);
    }

    static void removeSystemProperty(ModelControllerClient client, String name) throws IOException {
        ModelNode address = Operations.createAddress("system-property", name);
        if (Operations.isSuccessfulOutcome(client.execute(Operations.createReadResourceOperation(address)))) {
            execute(client, Operations.createRemoveOperation(address));
        }
    }

    /** Deploys an archive from disk (its content is copied into the server). */
    static void deploy(ModelControllerClient client, Path archive) throws IOException {
        ModelNode add = Operations.createAddOperation(Operations.createAddress("deployment", archive.getFileName().toString()));
        ModelNode content = new ModelNode();
        content.get("url").set(archive.toUri().toString());
        add.get("content").add(content);
        add.get("enabled").set(true);
        execute(client, add);
    }

    static ModelNode execute(ModelControllerClient client, ModelNode op) throws IOException {
        ModelNode result = client.execute(op);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IOException("management operation " + op.get("operation").asString() + " failed: "
                    + Operations.getFailureDescription(result).asString());
        }
        return Operations.readResult(result);
    }
}
