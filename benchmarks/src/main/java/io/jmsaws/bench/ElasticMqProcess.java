package io.jmsaws.bench;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * ElasticMQ in a JVM of its own, as SQS is a server of its own: its threads and garbage do not
 * share the benchmark's two cores' scheduling with the clients measured. {@link #main} is the
 * child: it starts ElasticMQ, prints its port and runs until its input closes (the parent exits).
 */
public final class ElasticMqProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ElasticMqProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Starts the child JVM on this JVM's class path and waits until ElasticMQ listens. */
    public static ElasticMqProcess start() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder b = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath(), ElasticMqProcess.class.getName());
        b.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = b.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ELASTICMQ PORT ")) return new ElasticMqProcess(p, Integer.parseInt(line.substring(15).trim()));
        }
        throw new IOException("ElasticMQ's process ended before it listened (exit " + p.waitFor() + ")");
    }

    /**
     * The class path this code runs on: exec:java runs it in a class loader of its own, so
     * {@code java.class.path} is Maven's; the loaders' URLs are the project's.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = ElasticMqProcess.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (Exception e) {
                        entries.add(url.getPath());
                    }
                }
            }
        }
        if (entries.isEmpty()) return System.getProperty("java.class.path");
        return String.join(File.pathSeparator, entries);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    public static void main(String[] args) throws Exception {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        System.out.println("ELASTICMQ PORT " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes our input (it exited)
        }
        server.stopAndWait();
        System.exit(0);
    }
}
