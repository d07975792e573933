package io.jmsaws.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * domain1 of Payara Server or GlassFish (the one under {@code server.home}) with jms-aws as a user
 * would set it up with asadmin (README, "Payara Server (or GlassFish)"):
 * the RAR deployed as {@code jms-aws}, a connector connection pool and the resource
 * {@code jms/aws/ConnectionFactory} that the examples' glassfish-web.xml maps their resource-ref to.
 * Then the examples EAR, unchanged. Started once per test JVM, stopped when it ends. Both servers
 * ignores ironjacamar.xml, so nothing else would create the pool.
 */
public final class GlassFishDomain implements BeforeAllCallback {
    private static boolean started;
    private static boolean undeployed;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    /** The server's installation: target/payara6 or target/glassfish7 (a surefire execution each). */
    static String home() {
        return System.getProperty("server.home");
    }

    /** UndeployOnGlassFishFamilyTest took the deployments away: later classes would find nothing. */
    static synchronized void undeployed() {
        undeployed = true;
    }

    static synchronized void start() throws IOException, InterruptedException {
        if (undeployed) throw new IllegalStateException("the examples were undeployed by UndeployOnGlassFishFamilyTest, which must run last");
        if (started) return;
        if (!asadmin(false, "start-domain", "domain1").contains("started")) {
            asadmin(true, "stop-domain", "domain1"); // left running by an earlier run: start clean
            asadmin(true, "start-domain", "domain1");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                asadmin(false, "stop-domain", "domain1");
            } catch (IOException | InterruptedException e) {
                System.err.println("stopping the domain: " + e);
            }
        }));
        // what an earlier run left in domain.xml goes first (the EAR, then the RAR with its pool and resource)
        asadmin(false, "undeploy", "jms-aws-examples");
        asadmin(false, "undeploy", "--cascade=true", "jms-aws");
        String rar = new File(Deployments.directory().toFile(), "jms-aws.rar").getAbsolutePath();
        asadmin(true, "deploy", "--name", "jms-aws", rar);
        asadmin(true, "create-connector-connection-pool", "--raname", "jms-aws", "--connectiondefinition", "jakarta.jms.ConnectionFactory",
                "--transactionsupport", "XATransaction", "jms-aws-pool");
        asadmin(true, "create-connector-resource", "--poolname", "jms-aws-pool", "jms/aws/ConnectionFactory");
        String ear = new File(Deployments.directory().toFile(), "jms-aws-examples.ear").getAbsolutePath();
        asadmin(true, "deploy", "--name", "jms-aws-examples", ear);
        started = true;
    }

    /** Runs asadmin; its output. {@code mustSucceed}: a non-zero exit fails the test run, naming the command. */
    static String asadmin(boolean mustSucceed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(home(), "bin", "asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("asadmin " + String.join(" ", args) + " did not end in 300 s: " + out);
        }
        System.out.println("asadmin " + String.join(" ", args) + " → " + p.exitValue() + ": " + out.strip());
        if (mustSucceed && p.exitValue() != 0) throw new IOException("asadmin " + String.join(" ", args) + " failed: " + out);
        return out;
    }
}
