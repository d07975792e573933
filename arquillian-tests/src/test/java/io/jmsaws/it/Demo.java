package io.jmsaws.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The README's first command: starts the unpacked WildFly, makes jms-aws its MDBs' resource
 * adapter, deploys the RAR and the examples EAR (embedded backend unless {@code JMSAWS_URL} says
 * otherwise) and prints the page's address. Ctrl+C stops the server.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // the management client's version banners
        Path home = Path.of(System.getProperty("jboss.home"));
        Path deployments = Path.of(System.getProperty("deployments.dir"));
        Path log = home.resolve("standalone/log/demo-console.log");
        ConsoleUser.write(home); // the operator console's user, read by the server when it starts
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                // read-only: the demo's deployments and settings must not stay in the configuration the tests boot
                "--read-only-server-config=standalone.xml",
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1"); // so that stopping the script stops the server
        builder.environment().put("JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true");
        System.out.println("Starting WildFly (" + home + "); its log: " + log);
        Process server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));

        try (ModelControllerClient client = ModelControllerClient.Factory.create(InetAddress.getByName("127.0.0.1"), 9990)) {
            awaitRunning(client, server);
            ServerConfig.useJmsAwsForMdbs(client);
            // the adapter registers its queue console only when asked to
            ServerConfig.setSystemProperty(client, "jmsaws.console", "true");
            ServerConfig.deploy(client, deployments.resolve("jms-aws.rar"));
            ServerConfig.deploy(client, deployments.resolve("jms-aws-examples.ear"));
            ServerConfig.deploy(client, deployments.resolve("jms-aws-console.war"));
        }
        System.out.println();
        System.out.println("jms-aws examples: " + Deployments.EXAMPLES_URL);
        System.out.println("operator console: " + Deployments.CONSOLE_URL + " (user " + ConsoleUser.NAME + ", password " + ConsoleUser.PASSWORD + ")");
        System.out.println("(the RAR and the EAR are deployed in WildFly on the embedded backend; Ctrl+C stops the server)");
        System.exit(server.waitFor());
    }

    private static void awaitRunning(ModelControllerClient client, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new IOException("WildFly stopped while starting; see its log (is port 8080 or 9990 taken?)");
            try {
                ModelNode state = client.execute(Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state"));
                if (Operations.isSuccessfulOutcome(state) && "running".equals(Operations.readResult(state).asString())) return;
            } catch (IOException notYet) {
                // management is not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException("WildFly did not start within 120 s");
    }

    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        } catch (InterruptedException e) {
            server.destroyForcibly();
        }
    }
}
