package io.jmsaws.bench;

import com.amazon.sqs.javamessaging.ProviderConfiguration;
import com.amazon.sqs.javamessaging.SQSConnectionFactory;
import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.testing.FauxqsBackend;
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
 * jms-aws against amazon-sqs-java-messaging-lib 2.1.4 on one ElasticMQ, alternating, with a
 * warm-up and the median of several iterations, in two tables:
 * <ul>
 * <li><b>at latency</b> (what decides speed on AWS, where every SQS call is a round trip):
 * ElasticMQ in a process of its own behind a {@link DelayLine} that delays each direction by
 * {@code --delay-ms} (2.5 ms: a 5 ms round trip, plus ElasticMQ's own time);</li>
 * <li><b>in-process</b>: ElasticMQ in this JVM, no delay, and jms-aws on the embedded backend as
 * another column.</li>
 * </ul>
 * AWS's library runs as a user tuning for speed would run it (prefetch 10, the main ratio) and
 * out of the box (prefetch 1). The topic scenario runs on fauxqs (ElasticMQ has no SNS), behind
 * its own delay line at latency. Prints messages per second and SQS requests per message.
 * Options: --tables latency,inprocess (both) --delay-ms D (2.5) --latency-messages N (2000)
 * --messages N (5000, in-process) --iterations K (3) --warmup W (1) --warmup-messages M (500)
 * --only 1,2,6d,7 (scenario numbers).
 */
public final class Benchmark {
    private static final String BODY = "x".repeat(1024);

    /** Where a contender's queues live: decides how they are created, filled and counted. */
    private enum Server { ELASTICMQ, EMBEDDED, FAUXQS }

    /** One way to run a scenario: a JMS connection factory on one server. */
    private record Contender(String name, ConnectionFactory factory, Server server) {
        boolean embedded() {
            return server == Server.EMBEDDED;
        }
    }

    @FunctionalInterface
    private interface Scenario {
        void run(ConnectionFactory f, String queue, int n) throws Exception;
    }

    /**
     * A scenario, how many deliveries each of its n messages makes (3 for the topic with 3
     * subscribers), whether it starts from an empty queue ({@code sending}) and whether it leaves
     * its n messages there for the next consuming scenario ({@code fills}).
     */
    private record Named(Scenario scenario, int deliveriesPerMessage, boolean sending, boolean fills) {
        Named(Scenario scenario, int deliveriesPerMessage, boolean sending) {
            this(scenario, deliveriesPerMessage, sending, sending && deliveriesPerMessage == 1);
        }
    }

    /** Rate and requests per message (per delivery for a topic) of one run. */
    private record Result(double messagesPerSecond, Map<String, Long> requests, double requestsPerMessage) {
    }

    /** What a message costs; one-off lookups and setup (GetQueueUrl, CreateQueue, Subscribe…) are left out. */
    private static final java.util.Set<String> PER_MESSAGE_OPERATIONS = java.util.Set.of("SendMessage", "SendMessageBatch",
            "ReceiveMessage", "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch",
            "Publish", "PublishBatch");

    private static final String OURS = "jms-aws", THEIRS = "aws-lib prefetch 10", THEIRS_DEFAULT = "aws-lib default",
            EMBEDDED = "jms-aws embedded";

    /** The SDK client that creates and fills queues behind the contenders' backs: straight to ElasticMQ, never delayed. */
    private static SqsClient raw;
    private static int messages = 5_000;
    private static int warmupMessages = 500;
    private static int iterations = 3, warmup = 1;

    public static void main(String[] args) throws Exception {
        String only = null, tables = "latency,inprocess";
        double delayMs = 2.5;
        int latencyMessages = 2_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--latency-messages" -> latencyMessages = Integer.parseInt(args[i + 1]);
                case "--delay-ms" -> delayMs = Double.parseDouble(args[i + 1]);
                case "--tables" -> tables = args[i + 1];
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--warmup-messages" -> warmupMessages = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long began = System.nanoTime();
        System.out.printf("jms-aws benchmark, %s, %d cores, Java %s; 1 KiB messages; %d warm-up (%d messages) + %d measured iterations, "
                + "median%n", java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                warmup, warmupMessages, iterations);
        int inProcessMessages = messages;
        if (tables.contains("latency")) {
            messages = latencyMessages;
            try (ElasticMqProcess elasticMq = ElasticMqProcess.start();
                 DelayLine line = DelayLine.to("127.0.0.1", elasticMq.port(), Math.round(delayMs * 1000))) {
                String direct = "http://127.0.0.1:" + elasticMq.port();
                System.out.printf("%n### At latency: ElasticMQ 1.x in its own JVM behind a delay line of %.1f ms each way, %d messages per run"
                        + "%n%n", delayMs, messages);
                table(direct, line.endpoint(), false, only, Math.round(delayMs * 1000));
            }
        }
        if (tables.contains("inprocess")) {
            messages = inProcessMessages;
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                    .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
            String endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
            System.out.printf("%n### In-process: ElasticMQ in this JVM, no delay, %d messages per run%n%n", messages);
            table(endpoint, endpoint, true, only, 0);
            if (only == null || only.contains("7")) idleConsumers(endpoint);
            server.stopAndWait();
        }
        System.out.printf("%nfinished in %.0f s%n", (System.nanoTime() - began) / 1e9);
        System.exit(0); // the AWS library's consumer threads wait out their long polls
    }

    /**
     * One table: every scenario on ElasticMQ at {@code endpoint} (the delay line, or ElasticMQ
     * itself), queues made and filled through {@code direct}; {@code delayMicros} also delays fauxqs.
     */
    private static void table(String direct, String endpoint, boolean withEmbedded, String only, long delayMicros) throws Exception {
        if (raw != null) raw.close();
        raw = sqsClient(direct);
        Contender ours = new Contender(OURS, oursOn(endpoint, ""), Server.ELASTICMQ);
        Contender theirs = new Contender(THEIRS, new SQSConnectionFactory(new ProviderConfiguration().withNumberOfMessagesToPrefetch(10),
                sqsClient(endpoint)), Server.ELASTICMQ);
        Contender theirsDefault = new Contender(THEIRS_DEFAULT, new SQSConnectionFactory(new ProviderConfiguration(), sqsClient(endpoint)),
                Server.ELASTICMQ);
        Contender embedded = new Contender(EMBEDDED, new JmsAwsConnectionFactory("embedded://bench?deletedQueueCooldownSeconds=0"),
                Server.EMBEDDED);

        Map<String, Named> both = new LinkedHashMap<>();
        both.put("1 send, 1 producer, sync PERSISTENT", new Named(Benchmark::send, 1, true));
        both.put("2 receive(), AUTO_ACKNOWLEDGE", new Named((f, q, n) -> receive(f, q, n, Session.AUTO_ACKNOWLEDGE, 0), 1, false));
        both.put("3 MessageListener, AUTO_ACKNOWLEDGE", new Named(Benchmark::listen, 1, false));
        both.put("4 CLIENT_ACKNOWLEDGE, ack every 10", new Named((f, q, n) -> receive(f, q, n, Session.CLIENT_ACKNOWLEDGE, 10), 1, false));
        both.put("5 send, 4 producer threads", new Named((f, q, n) -> sendConcurrently(f, q, n, 4), 1, true));
        both.put("5b send, 32 producer threads", new Named((f, q, n) -> sendConcurrently(f, q, n, 32), 1, true));
        both.put("8 one producer + one receive() consumer at once", new Named(Benchmark::sendAndReceive, 1, true, false));
        Map<String, Named> oursOnly = new LinkedHashMap<>();
        oursOnly.put("6a transacted send, 10 per commit", new Named(Benchmark::sendTransacted, 1, true));
        oursOnly.put("6b async send, CompletionListener", new Named(Benchmark::sendAsync, 1, true));
        oursOnly.put("6c receive(), DUPS_OK_ACKNOWLEDGE", new Named((f, q, n) -> receive(f, q, n, Session.DUPS_OK_ACKNOWLEDGE, 0), 1, false));
        oursOnly.put("6d topic, 3 subscribers, 10 per commit (fauxqs; per delivery)", new Named(Benchmark::publishToThreeSubscribers, 3, true));
        if (only != null) {
            java.util.Set<String> chosen = java.util.Set.of(only.split(","));
            both.keySet().removeIf(k -> !chosen.contains(numberOf(k)));
            oursOnly.keySet().removeIf(k -> !chosen.contains(numberOf(k)));
        }
        System.out.println("| scenario | jms-aws msg/s | aws-lib prefetch 10 msg/s | **ratio** | aws-lib default msg/s | ratio | jms-aws req/msg "
                + "| aws-lib 10 req/msg | aws-lib default req/msg |" + (withEmbedded ? " embedded msg/s |" : "")
                + " jms-aws requests by operation | aws-lib 10 requests by operation |");
        System.out.println("|---|---|---|---|---|---|---|---|---|" + (withEmbedded ? "---|" : "") + "---|---|");
        Map<String, Long> wallSeconds = new LinkedHashMap<>();
        long began = System.nanoTime();
        List<Contender> contenders = new ArrayList<>(List.of(ours, theirs, theirsDefault));
        if (withEmbedded) contenders.add(embedded);
        for (Map.Entry<String, Named> s : both.entrySet()) {
            long t = System.nanoTime();
            // prefetch changes nothing for a producer: AWS's library out of the box is measured on the consuming scenarios only
            List<Contender> here = s.getValue().sending() && !s.getKey().startsWith("8 ")
                    ? contenders.stream().filter(c -> c != theirsDefault).toList() : contenders;
            Map<String, Result> r = measure(s.getValue(), here, warmup, iterations);
            print(s.getKey(), r, withEmbedded);
            wallSeconds.put(numberOf(s.getKey()), (System.nanoTime() - t) / 1_000_000_000L);
        }
        for (Map.Entry<String, Named> s : oursOnly.entrySet()) {
            long t = System.nanoTime();
            boolean topic = s.getValue().deliveriesPerMessage() > 1;
            Contender c = topic ? onFauxqs(delayMicros) : ours;
            List<Contender> cs = new ArrayList<>(List.of(c));
            if (withEmbedded) cs.add(embedded);
            // the scenarios above warmed up everything but the topic's paths and fauxqs
            Map<String, Result> r = measure(s.getValue(), cs, topic || both.isEmpty() ? warmup : 0, iterations);
            if (topic) r.put(OURS, r.remove(c.name()));
            print(s.getKey(), r, withEmbedded);
            wallSeconds.put(numberOf(s.getKey()), (System.nanoTime() - t) / 1_000_000_000L);
        }
        System.out.printf("%ntable finished in %.0f s (seconds per scenario, prefill and warm-up included: %s)%n",
                (System.nanoTime() - began) / 1e9, wallSeconds);
        dropUnread();
        // the AWS library's clients stay open: its consumers still closing in the background use them
    }

    /**
     * 7: what idle consumers cost. A listener and a receive() waiting on two empty queues for 6 s,
     * with waitTimeSeconds=1 so that the window holds several polls: long polling makes that one
     * ReceiveMessage per consumer per waitTimeSeconds.
     */
    private static void idleConsumers(String endpoint) throws Exception {
        int wait = 1, seconds = 6;
        ConnectionFactory f = oursOn(endpoint, "&waitTimeSeconds=" + wait);
        String listened = "idle-" + UUID.randomUUID().toString().substring(0, 8), received = listened + "-r";
        raw.createQueue(b -> b.queueName(listened));
        raw.createQueue(b -> b.queueName(received));
        try (Connection c = f.createConnection()) {
            Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s1.createConsumer(s1.createQueue(listened)).setMessageListener(m -> { });
            Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s2.createConsumer(s2.createQueue(received));
            RequestCounter.reset();
            c.start();
            if (consumer.receive(seconds * 1000L) != null) throw new IllegalStateException("a message arrived on an empty queue");
            long polls = RequestCounter.snapshot().getOrDefault("ReceiveMessage", 0L);
            System.out.printf("%n7 idle consumers (jms-aws, ElasticMQ): a listener and a receive(%d s) on empty queues, waitTimeSeconds=%d: "
                    + "%d ReceiveMessage in %d s = %.2f per consumer per waitTimeSeconds (long polling: 1)%n",
                    seconds, wait, polls, seconds, polls / 2.0 / (seconds / (double) wait));
        }
    }

    /** A scenario's number ("6d"), the first word of its name. */
    private static String numberOf(String scenario) {
        return scenario.substring(0, scenario.indexOf(' '));
    }

    /** An SDK client on the benchmark's ElasticMQ. */
    private static SqsClient sqsClient(String endpoint) {
        return SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
    }

    /** jms-aws on the benchmark's ElasticMQ, with {@code extraOptions} ("&name=value…") added to its URL. */
    private static ConnectionFactory oursOn(String endpoint, String extraOptions) {
        return new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + endpoint + "&accessKeyId=bench&secretAccessKey=bench"
                + extraOptions);
    }

    /** jms-aws on fauxqs (SNS and SQS), installed by the module's build into target/fauxqs; behind a delay line when {@code delayMicros} > 0. */
    private static Contender onFauxqs(long delayMicros) throws java.io.IOException {
        String endpoint = FauxqsBackend.start(new java.io.File(System.getProperty("jmsaws.bench.fauxqs", "benchmarks/target/fauxqs")));
        if (delayMicros > 0) {
            URI u = URI.create(endpoint);
            endpoint = DelayLine.to(u.getHost(), u.getPort(), delayMicros).endpoint(); // lives as long as the benchmark
        }
        return new Contender("jms-aws fauxqs", new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + endpoint
                + "&snsEndpoint=" + endpoint + "&accessKeyId=test&secretAccessKey=test"), Server.FAUXQS);
    }

    private static Map<String, Result> measure(Named named, List<Contender> contenders, int warmup, int iterations) throws Exception {
        Map<String, List<Result>> runs = new LinkedHashMap<>();
        boolean fills = named.fills();
        if (fills) dropUnread();
        for (int i = 0; i < warmup + iterations; i++) {
            int n = i < warmup ? warmupMessages : messages;
            for (Contender c : contenders) {
                String queue = named.sending() ? null : takeFilled(c, n);
                if (queue == null) {
                    queue = "bench-" + UUID.randomUUID().toString().substring(0, 8);
                    String created = queue;
                    if (c.server() == Server.ELASTICMQ) raw.createQueue(b -> b.queueName(created));
                    if (!named.sending()) prefill(c, queue, n);
                }
                RequestCounter.reset();
                Map<String, Long> embeddedBefore = embeddedCounts();
                finishedAt = 0;
                long start = System.nanoTime();
                try {
                    named.scenario().run(c.factory(), queue, n);
                } catch (Exception e) {
                    throw new IllegalStateException(c.name() + ": " + e.getMessage(), e);
                }
                double seconds = ((finishedAt != 0 ? finishedAt : System.nanoTime()) - start) / 1e9;
                closeOpened();
                Map<String, Long> requests = c.embedded() ? minus(embeddedCounts(), embeddedBefore) : RequestCounter.snapshot();
                long deliveries = (long) n * named.deliveriesPerMessage();
                if (i >= warmup) runs.computeIfAbsent(c.name(), k -> new ArrayList<>())
                        .add(new Result(deliveries / seconds, requests, perMessage(requests) / (double) deliveries));
                if (fills) FILLED.add(new Filled(c, n, queue));
                // a drained queue stays: an AWS-library close may still be polling it (see closeOpened)
            }
        }
        Map<String, Result> median = new LinkedHashMap<>();
        runs.forEach((name, list) -> {
            list.sort((a, b) -> Double.compare(a.messagesPerSecond(), b.messagesPerSecond()));
            median.put(name, list.get(list.size() / 2));
        });
        return median;
    }

    /** A queue a sending scenario filled, which the next consuming scenario drains instead of a prefilled one. */
    private record Filled(Contender contender, int messages, String queue) {
    }

    /**
     * Queues filled by the last sending scenario: scenario 2 drains what scenario 1 sent (each
     * library reads its own messages), 6c what 6b sent; other consuming scenarios get plain SQS
     * messages from {@link #prefill}.
     */
    private static final List<Filled> FILLED = new ArrayList<>();

    private static String takeFilled(Contender c, int n) {
        for (java.util.Iterator<Filled> it = FILLED.iterator(); it.hasNext(); ) {
            Filled f = it.next();
            if (f.contender() == c && f.messages() == n) {
                it.remove();
                return f.queue();
            }
        }
        return null;
    }

    /** Queues a sending scenario filled that no consuming scenario read: 20,000 messages each would weigh on the servers' heaps. */
    private static void dropUnread() {
        FILLED.forEach(f -> drop(f.contender(), f.queue()));
        FILLED.clear();
    }

    /** Deletes a queue a sending scenario filled (the topic scenario fills none: its subscription queues go with their connection). */
    private static void drop(Contender c, String queue) {
        switch (c.server()) {
            case ELASTICMQ -> raw.deleteQueue(b -> b.queueUrl(raw.getQueueUrl(g -> g.queueName(queue)).queueUrl()));
            case EMBEDDED -> {
                var sqs = new io.jmsaws.embedded.EmbeddedSqsAsyncClient(EmbeddedSqs.instance("bench"));
                sqs.getQueueUrl(g -> g.queueName(queue)).thenCompose(u -> sqs.deleteQueue(b -> b.queueUrl(u.queueUrl()))).join();
            }
            case FAUXQS -> throw new IllegalStateException("no queue of the topic scenario is filled: " + queue);
        }
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

    /** Plain SQS messages, sent in batches from 8 threads, not measured: both libraries read them as TextMessages. */
    private static void prefill(Contender c, String queue, int n) throws Exception {
        if (c.embedded()) {
            try (Connection conn = c.factory().createConnection()) {
                sendCommitting(conn, s -> s.createQueue(queue), n, 100);
            }
            return;
        }
        String url = raw.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(BODY).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i += 10) {
                List<SendMessageBatchRequestEntry> entries = batch.subList(0, Math.min(10, n - i));
                sent.add(pool.submit(() -> raw.sendMessageBatch(r -> r.queueUrl(url).entries(entries))));
            }
            for (Future<?> f : sent) f.get();
        } finally {
            pool.shutdown();
        }
    }

    private static void print(String name, Map<String, Result> r, boolean withEmbedded) {
        Result ours = r.get(OURS), theirs = r.get(THEIRS), theirsDefault = r.get(THEIRS_DEFAULT), embedded = r.get(EMBEDDED);
        StringBuilder line = new StringBuilder("| " + name + " | " + rate(ours) + " | " + rate(theirs) + " | " + ratio(ours, theirs, true)
                + " | " + rate(theirsDefault) + " | " + ratio(ours, theirsDefault, false) + " | " + perMsg(ours) + " | " + perMsg(theirs)
                + " | " + perMsg(theirsDefault) + " |");
        if (withEmbedded) line.append(' ').append(rate(embedded)).append(" |");
        line.append(' ').append(ours == null ? "—" : perMessageOperations(ours)).append(" | ")
                .append(theirs == null ? "—" : perMessageOperations(theirs)).append(" |");
        System.out.println(line);
    }

    private static String rate(Result r) {
        return r == null ? "—" : String.format("%,.0f", r.messagesPerSecond());
    }

    private static String ratio(Result ours, Result theirs, boolean bold) {
        if (ours == null || theirs == null) return "—";
        String x = String.format("%.2f×", ours.messagesPerSecond() / theirs.messagesPerSecond());
        return bold ? "**" + x + "**" : x;
    }

    private static String perMsg(Result r) {
        return r == null ? "—" : String.format("%.2f", r.requestsPerMessage());
    }

    private static long perMessage(Map<String, Long> requests) {
        return requests.entrySet().stream().filter(e -> PER_MESSAGE_OPERATIONS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static String perMessageOperations(Result r) {
        StringBuilder b = new StringBuilder();
        r.requests().forEach((op, count) -> {
            if (PER_MESSAGE_OPERATIONS.contains(op)) b.append(b.length() == 0 ? "" : ", ").append(op).append(' ').append(count);
        });
        return b.toString();
    }

    // ------------------------------------------------------------------------------------ scenarios

    /**
     * When the scenario's last message was sent or consumed. The clock stops there, before the
     * connection closes: AWS's library waits in close() for its prefetch thread's long poll (up to
     * 20 s), which says nothing about throughput (the first cut counted it, inflating our ratios).
     */
    private static volatile long finishedAt;

    /** The connections a run opened: closed after its clock stopped (see {@link #closeOpened}). */
    private static final List<Connection> OPENED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Connection open(ConnectionFactory f) throws JMSException {
        Connection c = f.createConnection();
        OPENED.add(c);
        return c;
    }

    /**
     * Closes what the run opened, waiting at most 1 s: AWS's library waits in close() for its
     * prefetch thread's long poll (20 s, not configurable), which would make the whole benchmark
     * take minutes longer; such a close finishes in the background on an empty queue.
     */
    private static void closeOpened() throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (Connection c : OPENED) {
            Thread t = new Thread(() -> {
                try {
                    c.close();
                } catch (JMSException e) {
                    System.err.println("close failed: " + e);
                }
            }, "bench-close");
            t.setDaemon(true);
            t.start();
            closing.add(t);
        }
        OPENED.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread t : closing) t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }

    private static void finished() {
        finishedAt = System.nanoTime();
    }

    private static void send(ConnectionFactory f, String queue, int n) throws JMSException {
        Connection c = open(f);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue(queue));
        for (int i = 0; i < n; i++) p.send(s.createTextMessage(BODY));
        finished();
    }

    private static void sendConcurrently(ConnectionFactory f, String queue, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Connection c = open(f);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = n / threads + (t < n % threads ? 1 : 0); // every one of the n messages is sent
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

    /** 8: one thread sends n messages while another receives them (AUTO_ACKNOWLEDGE), end to end; two connections. */
    private static void sendAndReceive(ConnectionFactory f, String queue, int n) throws Exception {
        Connection consuming = open(f), producing = open(f);
        consuming.start();
        Session cs = consuming.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = cs.createConsumer(cs.createQueue(queue));
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> sent = sender.submit(() -> {
                Session ps = producing.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = ps.createProducer(ps.createQueue(queue));
                for (int i = 0; i < n; i++) p.send(ps.createTextMessage(BODY));
                return null;
            });
            for (int i = 0; i < n; i++) {
                if (consumer.receive(30_000) == null) throw new IllegalStateException("only " + i + " of " + n + " messages arrived");
            }
            finished();
            sent.get();
        } finally {
            sender.shutdown();
        }
    }

    private static void sendTransacted(ConnectionFactory f, String queue, int n) throws JMSException {
        sendCommitting(open(f), s -> s.createQueue(queue), n, 10);
        finished();
    }

    @FunctionalInterface
    private interface DestinationOf {
        jakarta.jms.Destination in(Session s) throws JMSException;
    }

    /** n 1 KiB TextMessages from a transacted session of {@code c}, committed every {@code perCommit}. */
    private static void sendCommitting(Connection c, DestinationOf destination, int n, int perCommit) throws JMSException {
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = s.createProducer(destination.in(s));
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage(BODY));
            if (i % perCommit == perCommit - 1) s.commit();
        }
        s.commit();
    }

    private static void sendAsync(ConnectionFactory f, String queue, int n) throws Exception {
        CountDownLatch done = new CountDownLatch(n);
        Connection c = open(f);
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

    private static void receive(ConnectionFactory f, String queue, int n, int mode, int ackEvery) throws JMSException {
        Connection c = open(f);
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

    /** Three non-durable subscribers with listeners; a transacted publisher, 10 per commit (PublishBatch). */
    private static void publishToThreeSubscribers(ConnectionFactory f, String topicName, int n) throws Exception {
        CountDownLatch all = new CountDownLatch(3 * n);
        Connection subscribers = open(f), publisher = open(f);
        for (int i = 0; i < 3; i++) {
            Session s = subscribers.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createConsumer(s.createTopic(topicName)).setMessageListener(m -> all.countDown());
        }
        subscribers.start();
        sendCommitting(publisher, s -> s.createTopic(topicName), n, 10);
        if (!all.await(5, TimeUnit.MINUTES)) throw new IllegalStateException(all.getCount() + " deliveries did not arrive");
        finished();
    }

    private static void listen(ConnectionFactory f, String queue, int n) throws Exception {
        CountDownLatch all = new CountDownLatch(n);
        Connection c = open(f);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createConsumer(s.createQueue(queue)).setMessageListener(m -> all.countDown());
        c.start();
        if (!all.await(5, TimeUnit.MINUTES)) throw new IllegalStateException(all.getCount() + " messages did not arrive");
        finished();
    }
}
