package io.jmsaws.bench;

import com.amazon.sqs.javamessaging.ProviderConfiguration;
import com.amazon.sqs.javamessaging.SQSConnectionFactory;
import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.embedded.EmbeddedSqs;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * jms-aws against amazon-sqs-java-messaging-lib 2.1.4 on one in-process ElasticMQ, alternating, with
 * a warm-up and the median of several iterations; jms-aws on the embedded backend as a third
 * column. Prints messages per second and SQS requests per message by operation.
 * Options: --messages N (20000) --iterations K (3) --warmup W (1).
 */
public final class Benchmark {
    private static final String BODY = "x".repeat(1024);

    /** One way to run a scenario: a JMS connection factory, and how its requests are counted. */
    private record Contender(String name, ConnectionFactory factory, boolean embedded) {
    }

    @FunctionalInterface
    private interface Scenario {
        void run(ConnectionFactory f, String queue, int n) throws Exception;
    }

    private record Result(double messagesPerSecond, Map<String, Long> requests) {
    }

    private static SqsClient raw;
    private static int messages = 20_000;

    public static void main(String[] args) throws Exception {
        int iterations = 3, warmup = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
        String endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        raw = SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
        SqsClient theirsClient = SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
        Contender ours = new Contender("jms-aws", new JmsAwsConnectionFactory(
                "aws://?region=us-east-1&endpoint=" + endpoint + "&accessKeyId=bench&secretAccessKey=bench"), false);
        Contender theirs = new Contender("aws-lib", new SQSConnectionFactory(new ProviderConfiguration(), theirsClient), false);
        Contender embedded = new Contender("jms-aws embedded", new JmsAwsConnectionFactory("embedded://bench?deletedQueueCooldownSeconds=0"), true);

        Map<String, Scenario> both = new LinkedHashMap<>();
        both.put("1 send, 1 producer, sync PERSISTENT", Benchmark::send);
        both.put("2 receive(), AUTO_ACKNOWLEDGE", (f, q, n) -> receive(f, q, n, Session.AUTO_ACKNOWLEDGE, 0));
        both.put("3 MessageListener, AUTO_ACKNOWLEDGE", Benchmark::listen);
        both.put("4 CLIENT_ACKNOWLEDGE, ack every 10", (f, q, n) -> receive(f, q, n, Session.CLIENT_ACKNOWLEDGE, 10));
        both.put("5 send, 4 producer threads", Benchmark::sendConcurrently);
        Map<String, Scenario> oursOnly = new LinkedHashMap<>();
        oursOnly.put("6a transacted send, 10 per commit", Benchmark::sendTransacted);
        oursOnly.put("6b async send, CompletionListener", Benchmark::sendAsync);
        oursOnly.put("6c receive(), DUPS_OK_ACKNOWLEDGE", (f, q, n) -> receive(f, q, n, Session.DUPS_OK_ACKNOWLEDGE, 0));

        System.out.printf("jms-aws benchmark: %d messages of 1 KiB per run, %d warm-up + %d measured iterations, median; %d cores%n%n",
                messages, warmup, iterations, Runtime.getRuntime().availableProcessors());
        System.out.println("| scenario | jms-aws msg/s | aws-lib msg/s | ratio | jms-aws req/msg | aws-lib req/msg | embedded msg/s | jms-aws requests by operation |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Scenario> s : both.entrySet()) {
            Map<String, Result> r = measure(s.getValue(), List.of(ours, theirs, embedded), warmup, iterations, s.getKey().contains("send"));
            print(s.getKey(), r.get("jms-aws"), r.get("aws-lib"), r.get("jms-aws embedded"));
        }
        for (Map.Entry<String, Scenario> s : oursOnly.entrySet()) {
            Map<String, Result> r = measure(s.getValue(), List.of(ours, embedded), warmup, iterations, s.getKey().contains("send"));
            print(s.getKey(), r.get("jms-aws"), null, r.get("jms-aws embedded"));
        }
        theirsClient.close();
        raw.close();
        server.stopAndWait();
        System.exit(0); // the AWS library's consumer threads wait out their long polls
    }

    private static Map<String, Result> measure(Scenario scenario, List<Contender> contenders, int warmup, int iterations,
                                               boolean sending) throws Exception {
        Map<String, List<Result>> runs = new LinkedHashMap<>();
        for (int i = 0; i < warmup + iterations; i++) {
            for (Contender c : contenders) {
                String queue = "bench-" + UUID.randomUUID().toString().substring(0, 8);
                if (!c.embedded()) raw.createQueue(b -> b.queueName(queue));
                if (!sending) prefill(c, queue);
                RequestCounter.reset();
                Map<String, Long> embeddedBefore = embeddedCounts();
                finishedAt = 0;
                long start = System.nanoTime();
                try {
                    scenario.run(c.factory(), queue, messages);
                } catch (Exception e) {
                    throw new IllegalStateException(c.name() + ": " + e.getMessage(), e);
                }
                double seconds = ((finishedAt != 0 ? finishedAt : System.nanoTime()) - start) / 1e9;
                Map<String, Long> requests = c.embedded() ? minus(embeddedCounts(), embeddedBefore) : RequestCounter.snapshot();
                if (i >= warmup) runs.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(new Result(messages / seconds, requests));
                if (!c.embedded()) raw.deleteQueue(b -> b.queueUrl(raw.getQueueUrl(g -> g.queueName(queue)).queueUrl()));
            }
        }
        Map<String, Result> median = new LinkedHashMap<>();
        runs.forEach((name, list) -> {
            list.sort((a, b) -> Double.compare(a.messagesPerSecond(), b.messagesPerSecond()));
            median.put(name, list.get(list.size() / 2));
        });
        return median;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> m = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) m.put(k, d);
        });
        return m;
    }

    private static Map<String, Long> embeddedCounts() {
        Map<String, Long> m = new java.util.TreeMap<>();
        EmbeddedSqs.instance("bench").requestCounts().forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    /** Plain SQS messages, sent in batches, not measured: both libraries read them as TextMessages. */
    private static void prefill(Contender c, String queue) throws JMSException {
        if (c.embedded()) {
            try (Connection conn = c.factory().createConnection()) {
                Session s = conn.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer p = s.createProducer(s.createQueue(queue));
                for (int i = 0; i < messages; i++) {
                    p.send(s.createTextMessage(BODY));
                    if (i % 100 == 99) s.commit();
                }
                s.commit();
            }
            return;
        }
        String url = raw.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i % 10)).messageBody(BODY).build());
            if (batch.size() == 10 || i == messages - 1) {
                List<SendMessageBatchRequestEntry> b = List.copyOf(batch);
                raw.sendMessageBatch(r -> r.queueUrl(url).entries(b));
                batch.clear();
            }
        }
    }

    private static void print(String name, Result ours, Result theirs, Result embedded) {
        double oursPerMsg = total(ours) / (double) messages;
        String theirsRate = theirs == null ? "—" : String.format("%,.0f", theirs.messagesPerSecond());
        String ratio = theirs == null ? "—" : String.format("%.1f×", ours.messagesPerSecond() / theirs.messagesPerSecond());
        String theirsPerMsg = theirs == null ? "—" : String.format("%.2f", total(theirs) / (double) messages);
        System.out.printf("| %s | %,.0f | %s | %s | %.2f | %s | %,.0f | %s |%n", name, ours.messagesPerSecond(), theirsRate, ratio,
                oursPerMsg, theirsPerMsg, embedded.messagesPerSecond(), ours.requests());
    }

    private static long total(Result r) {
        return r.requests().entrySet().stream().filter(e -> !e.getKey().startsWith("GetQueue") && !e.getKey().equals("CreateQueue"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    // ------------------------------------------------------------------------------------ scenarios

    /**
     * When the scenario's last message was sent or consumed. The clock stops there, before the
     * connection closes: AWS's library waits in close() for its prefetch thread's long poll (up to
     * 20 s), which says nothing about throughput (the first cut counted it, inflating our ratios).
     */
    private static volatile long finishedAt;

    private static void finished() {
        finishedAt = System.nanoTime();
    }

    private static void send(ConnectionFactory f, String queue, int n) throws JMSException {
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            for (int i = 0; i < n; i++) p.send(s.createTextMessage(BODY));
            finished();
        }
    }

    private static void sendConcurrently(ConnectionFactory f, String queue, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Connection c = f.createConnection()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int share = n / 4 + (t < n % 4 ? 1 : 0); // every one of the n messages is sent
                futures.add(pool.submit(() -> {
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer p = s.createProducer(s.createQueue(queue));
                    for (int i = 0; i < share; i++) p.send(s.createTextMessage(BODY));
                    return null;
                }));
            }
            for (Future<?> fu : futures) fu.get();
            finished();
        } finally {
            pool.shutdown();
        }
    }

    private static void sendTransacted(ConnectionFactory f, String queue, int n) throws JMSException {
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            for (int i = 0; i < n; i++) {
                p.send(s.createTextMessage(BODY));
                if (i % 10 == 9) s.commit();
            }
            s.commit();
            finished();
        }
    }

    private static void sendAsync(ConnectionFactory f, String queue, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(n);
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            CompletionListener l = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    throw new IllegalStateException("send failed", exception);
                }
            };
            for (int i = 0; i < n; i++) p.send(s.createTextMessage(BODY), l);
            if (!done.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("asynchronous sends did not complete");
            finished();
        }
    }

    private static void receive(ConnectionFactory f, String queue, int n, int mode, int ackEvery) throws JMSException {
        try (Connection c = f.createConnection()) {
            c.start();
            Session s = c.createSession(false, mode);
            Queue q = s.createQueue(queue);
            MessageConsumer consumer = s.createConsumer(q);
            for (int i = 0; i < n; i++) {
                Message m = consumer.receive(10_000);
                if (m == null) throw new IllegalStateException("only " + i + " of " + n + " messages arrived");
                if (ackEvery > 0 && i % ackEvery == ackEvery - 1) m.acknowledge();
            }
            finished();
        }
    }

    private static void listen(ConnectionFactory f, String queue, int n) throws Exception {
        CountDownLatch all = new CountDownLatch(n);
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(s.createQueue(queue)).setMessageListener(m -> all.countDown());
            c.start();
            if (!all.await(5, TimeUnit.MINUTES)) throw new IllegalStateException(all.getCount() + " messages did not arrive");
            finished();
        }
    }
}
