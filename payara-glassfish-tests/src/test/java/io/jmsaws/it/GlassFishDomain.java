package io.jmsaws.it;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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
 * would set it up with asadmin (README, "Payara Server (or GlassFish)"): the RAR deployed as
 * {@code jms-aws}, a connector connection pool and the resource {@code jms/aws/ConnectionFactory}
 * that the examples' glassfish-web.xml maps their resource-ref to, then the application. Both
 * servers ignore ironjacamar.xml, so nothing else would create the pool. Started once per test
 * JVM, stopped when it ends; a test class names the setup it needs (this extension: the examples
 * EAR on the embedded backend; {@link OnElasticMq}: the queue MDBs with the adapter on aws://).
 */
public class GlassFishDomain implements BeforeAllCallback {
    enum Setup { EMBEDDED, ELASTICMQ }

    private static boolean started;
    private static Setup current;
    private static SQSRestServer elasticMq;

    /** The setup of this extension's classes. */
    Setup setup() {
        return Setup.EMBEDDED;
    }

    /** The queue MDBs (ElasticMQ has no SNS) with the adapter's ConnectionUrl on ElasticMQ, started in this JVM. */
    public static final class OnElasticMq extends GlassFishDomain {
        @Override
        Setup setup() {
            return Setup.ELASTICMQ;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // stopped when JUnit ends the run (before the JVM exits: a shutdown hook could be cut short by surefire's exit timeout)
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(GlassFishDomain.class,
                k -> (ExtensionContext.Store.CloseableResource) GlassFishDomain::stopDomain);
        use(setup());
    }

    private static synchronized void stopDomain() {
        try {
            if (started) asadmin(false, "stop-domain", "domain1");
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping the domain: " + e);
        } finally {
            started = false;
            current = null;
            if (elasticMq != null) elasticMq.stopAndWait();
            elasticMq = null;
        }
    }

    /** The port of the ElasticMQ the adapter was pointed at, or -1. */
    static synchronized int elasticMqPort() {
        return elasticMq == null ? -1 : elasticMq.waitUntilStarted().localAddress().getPort();
    }

    static Path domainDir() {
        return Path.of(home(), "glassfish", "domains", "domain1");
    }

    /**
     * What the domain logged at WARNING and above since it started, for the messages a deployer is
     * sent to server.log for. A JDK FileHandler writes it ({@link #addWarningsLog}), not the
     * servers' own server.log handler: GlassFish 7.0.21 writes server.log from a buffer, late, and
     * in one CI run wrote none of the server's records into it for the whole run (the launcher's
     * lines, then empty files at each rotate-log); the JDK handler writes each record as it comes.
     */
    static String warningsLog() throws IOException {
        Path log = warningsLogFile();
        // bytes, leniently decoded: the handler may be half-way through a character as we read
        return java.nio.file.Files.exists(log) ? new String(java.nio.file.Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    private static Path warningsLogFile() {
        return domainDir().resolve("logs").resolve("jms-aws-tests-warnings.log");
    }

    /**
     * Adds the JDK FileHandler of {@link #warningsLog} to the domain's logging.properties (once; the
     * installation is unpacked into target/ by the build, so nothing outside it changes). It starts
     * the file afresh at each start of the domain.
     */
    private static void addWarningsLog() throws IOException {
        Path properties = domainDir().resolve("config").resolve("logging.properties");
        String text = java.nio.file.Files.readString(properties, StandardCharsets.ISO_8859_1);
        String marker = "# added by jms-aws's tests (GlassFishDomain.addWarningsLog)";
        if (text.contains(marker)) return;
        StringBuilder kept = new StringBuilder();
        boolean continued = false; // the line before ended in '\': this one is part of its value
        for (String line : text.split("\n", -1)) {
            boolean startsProperty = !continued;
            continued = line.endsWith("\\");
            if (startsProperty && line.startsWith("java.util.logging.FileHandler.")) {
                if (continued) throw new IOException("a multi-line java.util.logging.FileHandler property in " + properties);
                continue; // Payara sets a few; ours follow
            }
            boolean handlers = startsProperty && line.startsWith("handlers=");
            kept.append(handlers ? "handlers=java.util.logging.FileHandler," + line.substring("handlers=".length()) : line).append('\n');
        }
        kept.append(marker).append('\n')
                .append("java.util.logging.FileHandler.pattern=").append(warningsLogFile().toAbsolutePath().toString().replace('\\', '/')).append('\n')
                .append("java.util.logging.FileHandler.append=false\n")
                .append("java.util.logging.FileHandler.limit=0\n")
                .append("java.util.logging.FileHandler.count=1\n")
                .append("java.util.logging.FileHandler.level=WARNING\n")
                .append("java.util.logging.FileHandler.encoding=UTF-8\n")
                .append("java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter\n");
        java.nio.file.Files.writeString(properties, kept, StandardCharsets.ISO_8859_1);
    }

    /** The server's installation: target/payara6 or target/glassfish7 (a surefire execution each). */
    static String home() {
        return System.getProperty("server.home");
    }

    /** UndeployOnGlassFishFamilyTest took the deployments away. */
    static synchronized void undeployed() {
        current = null;
    }

    static synchronized void use(Setup setup) throws IOException, InterruptedException {
        if (!started) startDomain();
        if (setup == current) return;
        // what an earlier class (or an earlier run, in domain.xml) deployed goes first: the application, then the RAR
        asadmin(false, "undeploy", "jms-aws-examples");
        asadmin(false, "undeploy", "--cascade=true", "jms-aws");
        asadmin(false, "delete-resource-adapter-config", "jms-aws");
        if (setup == Setup.ELASTICMQ) {
            if (elasticMq == null) elasticMq = ElasticMqForAdapter.startServer();
            // the adapter's ConnectionUrl config-property, as README says: ':' and '=' escaped for asadmin
            String url = ElasticMqForAdapter.adapterUrl(elasticMq);
            asadmin(true, "create-resource-adapter-config", "--property", "ConnectionUrl=" + url.replace(":", "\\:").replace("=", "\\="), "jms-aws");
        }
        asadmin(true, "deploy", "--name", "jms-aws", new File(Deployments.directory().toFile(), "jms-aws.rar").getAbsolutePath());
        asadmin(true, "create-connector-connection-pool", "--raname", "jms-aws", "--connectiondefinition", "jakarta.jms.ConnectionFactory",
                "--transactionsupport", "XATransaction", "jms-aws-pool");
        asadmin(true, "create-connector-resource", "--poolname", "jms-aws-pool", "jms/aws/ConnectionFactory");
        asadmin(true, "create-admin-object", "--raname", "jms-aws", "--restype", "jakarta.jms.Queue", "--property", "Name=orders",
                "jms/aws/orders"); // README's command; the examples name their queues themselves
        if (setup == Setup.EMBEDDED) {
            asadmin(true, "deploy", "--name", "jms-aws-examples", new File(Deployments.directory().toFile(), "jms-aws-examples.ear").getAbsolutePath());
        } else {
            asadmin(true, "deploy", "--name", "jms-aws-examples", "--contextroot", "jms-aws-examples", queueWar().getAbsolutePath());
        }
        current = setup;
    }

    private static void startDomain() throws IOException, InterruptedException {
        asadmin(false, "stop-domain", "domain1"); // left running by an earlier, killed run of this installation: start clean
        // another server on the ports (a WildFly left running, the other installation's domain) would answer the tests
        for (int port : new int[] {8080, 4848}) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.bind(new java.net.InetSocketAddress("0.0.0.0", port));
            } catch (IOException taken) {
                throw new IOException("port " + port + " is taken by another process: stop it before running these tests", taken);
            }
        }
        addWarningsLog();
        asadmin(true, "start-domain", "domain1");
        started = true;
    }

    /** The examples' queue MDBs in a WAR of their own, with the GlassFish descriptors (the MDB bindings of these five). */
    private static File queueWar() {
        Class<?>[] mdbs = Deployments.QUEUE_MDBS;
        WebArchive war = Deployments.examplesWar(mdbs)
                .addAsWebInfResource(new File(Deployments.EXAMPLES_WEB_INF, "glassfish-web.xml"), "glassfish-web.xml");
        return export(boundToJmsAws(war, mdbs), "jms-aws-examples-queues.war");
    }

    /** A WAR of the given MDBs bound to jms-aws by a glassfish-ejb-jar.xml (as an application would ship it). */
    static WebArchive boundToJmsAws(WebArchive war, Class<?>... mdbs) {
        StringBuilder bindings = new StringBuilder("<glassfish-ejb-jar><enterprise-beans>");
        for (Class<?> mdb : mdbs) {
            bindings.append("<ejb><ejb-name>").append(mdb.getSimpleName()).append("</ejb-name><mdb-resource-adapter>")
                    .append("<resource-adapter-mid>jms-aws</resource-adapter-mid></mdb-resource-adapter></ejb>");
        }
        bindings.append("</enterprise-beans></glassfish-ejb-jar>");
        return war.addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(bindings.toString()), "glassfish-ejb-jar.xml");
    }

    static File export(WebArchive war, String fileName) {
        File file = new File(Deployments.directory().toFile(), fileName);
        war.as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    /** Runs asadmin; its output. {@code mustSucceed}: a non-zero exit fails the test run, naming the command. */
    static String asadmin(boolean mustSucceed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(home(), "bin", "asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        File output = File.createTempFile("asadmin", ".out");
        output.deleteOnExit();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String out = java.nio.file.Files.readString(output.toPath(), StandardCharsets.UTF_8);
        if (!ended) throw new IOException("asadmin " + String.join(" ", args) + " did not end in 300 s: " + out);
        System.out.println("asadmin " + String.join(" ", args) + " → " + p.exitValue() + ": " + out.strip());
        if (mustSucceed && p.exitValue() != 0) throw new IOException("asadmin " + String.join(" ", args) + " failed: " + out);
        return out;
    }
}
