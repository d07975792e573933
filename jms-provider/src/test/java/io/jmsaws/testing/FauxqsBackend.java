package io.jmsaws.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * fauxqs (SNS + SQS emulator, from npm) on the Node 22 the build installed into target/fauxqs,
 * started once per test run on a free loopback port and stopped when the JVM exits. It delivers
 * only into its own SQS, so both clients point at it.
 */
public final class FauxqsBackend implements TestBackend {
    private static Process process;
    private static int port;
    private static SqsAsyncClient sqs;
    private static SnsAsyncClient sns;

    public static synchronized FauxqsBackend get() {
        if (process == null) {
            start(new File("target/fauxqs"));
            StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            sqs = SqsAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint())).credentialsProvider(creds).build();
            sns = SnsAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint())).credentialsProvider(creds).build();
        }
        return new FauxqsBackend();
    }

    /**
     * Starts fauxqs from {@code dir} (where npm installed it with start.mjs) unless it runs already,
     * and returns its endpoint. Also used by the benchmarks module, whose copy lives in its own target/.
     */
    public static synchronized String start(File dir) {
        if (process != null) return endpoint();
        File node = new File(dir, "node_modules/.bin/node");
        if (!node.canExecute()) {
            throw new IllegalStateException(node + " is missing: the module's Maven build installs fauxqs there with npm "
                    + "(run it once with Maven, not only in the IDE)");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(node.getAbsolutePath(), "start.mjs").directory(dir).redirectErrorStream(true);
            pb.environment().put("NODE_OPTIONS", "--disable-warning=ExperimentalWarning");
            process = pb.start();
            CompletableFuture<Integer> started = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("FAUXQS_PORT=")) started.complete(Integer.parseInt(line.substring(12).trim()));
                    }
                    started.completeExceptionally(new IllegalStateException("fauxqs exited with " + process.waitFor()));
                } catch (Exception e) {
                    started.completeExceptionally(e);
                }
            }, "fauxqs-output");
            reader.setDaemon(true);
            reader.start();
            port = started.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start fauxqs: " + e, e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        return endpoint();
    }

    public static String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "fauxqs";
    }

    @Override
    public String url(String extraOptions) {
        return "aws://?region=us-east-1&endpoint=" + endpoint() + "&snsEndpoint=" + endpoint()
                + "&accessKeyId=test&secretAccessKey=test" + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    @Override
    public SqsAsyncClient sqs() {
        return sqs;
    }

    @Override
    public SnsAsyncClient sns() {
        return sns;
    }
}
