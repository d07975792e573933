package io.jmsaws.bench;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.Topic;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded soak: mixed load for some minutes on the embedded backend and on ElasticMQ at once —
 * synchronous, asynchronous and transacted sends, listeners, CLIENT_ACK and transacted consumers,
 * a FIFO queue, consumers and temporary queues opened and closed all the time, and (embedded, which
 * has SNS) a topic with durable and shared subscribers. Every 30 s it samples the heap after a GC,
 * the live threads and each consumer's progress, and at the end says whether heap and threads
 * stayed flat, whether every consumer kept receiving, and whether every message arrived.
 *
 * <pre>mvn -B -q -DskipTests -pl benchmarks -am install exec:java@soak -Dexec.args="--minutes 10"</pre>
 */
public final class Soak {
    private static final long SAMPLE_SECONDS = 30;
    private static final int RATE_PER_SECOND = 200; // per producer kind and backend: a steady load, not a saturation test

    /** One backend's load, its counters and the consumers whose progress is watched. */
    private static final class Load {
        final String name;
        final Connection connection;
        final Connection churnConnection;
        final Connection topicConnection;
        final boolean topics;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        final AtomicLong topicReceived = new AtomicLong();
        final AtomicLong churned = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentHashMap<String, AtomicLong> progress = new ConcurrentHashMap<>();
        final List<Long> lastProgress = new ArrayList<>();

        Load(String name, String url, boolean topics) throws JMSException {
            this.name = name;
            this.topics = topics;
            this.connection = new JmsAwsConnectionFactory(url).createConnection();
            this.churnConnection = new JmsAwsConnectionFactory(url).createConnection();
            this.topicConnection = topics ? new JmsAwsConnectionFactory(url).createConnection() : null;
            if (topicConnection != null) {
                topicConnection.setClientID("soak-" + name);
                topicConnection.start();
            }
            connection.start();
            churnConnection.start();
        }

        AtomicLong counter(String consumer) {
            return progress.computeIfAbsent(consumer, k -> new AtomicLong());
        }
    }

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = 10;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--minutes")) minutes = Integer.parseInt(args[++i]);
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
        String endpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
        List<Load> loads = List.of(
                new Load("embedded", "embedded://soak", true),
                new Load("elasticmq", "aws://?region=us-east-1&endpoint=" + endpoint + "&accessKeyId=x&secretAccessKey=x&waitTimeSeconds=5", false));
        ScheduledExecutorService producers = Executors.newScheduledThreadPool(4);
        for (Load load : loads) start(load, producers);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("soak: %d minutes, %d msg/s per producer kind and backend, sample every %d s%n", minutes, RATE_PER_SECOND, SAMPLE_SECONDS);
        System.out.printf("%6s %10s %8s | %-40s | %-40s%n", "time", "heap MiB", "threads", "embedded sent/recv/topic/churn/errors", "elasticmq sent/recv/churn/errors");
        List<Long> heaps = new ArrayList<>();
        List<Integer> threads = new ArrayList<>();
        boolean stuck = false;
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(SAMPLE_SECONDS));
            System.gc();
            long heap = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
            int live = ManagementFactory.getThreadMXBean().getThreadCount();
            heaps.add(heap);
            threads.add(live);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5ds %10d %8d", (System.nanoTime() - started) / 1_000_000_000L, heap, live));
            for (Load load : loads) {
                row.append(String.format(Locale.ROOT, " | %-40s", load.sent + "/" + load.received + (load.topics ? "/" + load.topicReceived : "")
                        + "/" + load.churned + "/" + load.errors));
                List<Long> now = load.progress.values().stream().map(AtomicLong::get).toList();
                if (!load.lastProgress.isEmpty() && now.size() == load.lastProgress.size()) {
                    for (int i = 0; i < now.size(); i++) {
                        if (now.get(i).equals(load.lastProgress.get(i))) {
                            stuck = true;
                            row.append(" STUCK consumer #").append(i);
                        }
                    }
                }
                load.lastProgress.clear();
                load.lastProgress.addAll(now);
            }
            System.out.println(row);
        }
        producers.shutdown();
        producers.awaitTermination(30, TimeUnit.SECONDS);
        System.out.println("draining...");
        boolean complete = true;
        for (Load load : loads) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (load.received.get() < load.sent.get() && System.nanoTime() < deadline) Thread.sleep(500);
            while (load.topicReceived.get() < 2 * load.published.get() && System.nanoTime() < deadline) Thread.sleep(500);
            boolean all = load.received.get() >= load.sent.get() && load.topicReceived.get() >= 2 * load.published.get();
            complete &= all;
            String topic = load.topics ? String.format(", topic published %d received %d", load.published.get(), load.topicReceived.get()) : "";
            System.out.printf("%s: sent %d, received %d (duplicates allowed)%s, errors %d: %s%n", load.name, load.sent.get(),
                    load.received.get(), topic, load.errors.get(),
                    all ? "every message arrived" + (load.topics ? " (topic: each on both subscriptions)" : "") : "MESSAGES MISSING");
            load.connection.close();
            load.churnConnection.close();
            if (load.topicConnection != null) load.topicConnection.close();
        }
        elasticMq.stopAndWait();
        // flat: FIFO deduplication keeps each message id for 5 minutes (SQS's window; the embedded backend and ElasticMQ
        // do the same), so the heap rises while that window fills; a leak keeps rising after it. Compare the second half.
        int half = heaps.size() / 2;
        double middle = heaps.get(Math.max(0, half - 1));
        double late = heaps.subList(Math.max(half, heaps.size() - 3), heaps.size()).stream().mapToLong(Long::longValue).average().orElse(0);
        int threadsEarly = threads.get(0);
        int threadsLate = threads.get(threads.size() - 1);
        // judged only when the second half begins after the window has filled: a shorter run's heap rises for a reason
        boolean heapJudged = minutes >= 2 * DEDUPLICATION_WINDOW_MINUTES;
        boolean heapFlat = !heapJudged || late <= middle * 1.10 + 4;
        boolean threadsFlat = threadsLate <= threadsEarly + 4;
        System.out.printf(Locale.ROOT, "heap after GC: first sample %d MiB, half-way %.0f MiB, end %.0f MiB: %s%n", heaps.get(0), middle, late,
                !heapJudged ? "not judged (a run of at least " + 2 * DEDUPLICATION_WINDOW_MINUTES + " minutes is: the first "
                        + DEDUPLICATION_WINDOW_MINUTES + " fill FIFO deduplication's window)"
                        : (heapFlat ? "flat" : "GROWS") + " over the second half");
        System.out.printf("threads: first sample %d, last %d: %s%n", threadsEarly, threadsLate, threadsFlat ? "flat" : "GROW");
        System.out.println(stuck ? "a consumer made no progress in a 30 s window: STUCK" : "every consumer made progress in every 30 s window");
        System.exit(heapFlat && threadsFlat && !stuck && complete ? 0 : 1);
    }

    /** SQS's FIFO deduplication window: message ids are kept this long, so the heap fills for that long. */
    private static final int DEDUPLICATION_WINDOW_MINUTES = 5;

    private static void start(Load load, ScheduledExecutorService producers) throws JMSException {
        Session setup = load.connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = setup.createQueue("soak-" + load.name);
        Queue fifo = setup.createQueue("soak-" + load.name + ".fifo");

        // consumers: a listener, a CLIENT_ACK receive loop, a transacted FIFO listener
        Session listenerSession = load.connection.createSession(Session.AUTO_ACKNOWLEDGE);
        AtomicLong listener = load.counter("listener");
        listenerSession.createConsumer(queue).setMessageListener(m -> {
            listener.incrementAndGet();
            load.received.incrementAndGet();
        });
        AtomicLong clientAck = load.counter("client-ack");
        Thread receiver = new Thread(() -> {
            try {
                Session s = load.connection.createSession(Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer c = s.createConsumer(queue);
                int n = 0;
                for (Message m; (m = c.receive()) != null; ) {
                    clientAck.incrementAndGet();
                    load.received.incrementAndGet();
                    if (++n % 10 == 0) m.acknowledge();
                }
            } catch (JMSException e) {
                // the connection closed at the end
            }
        }, "soak-receiver-" + load.name);
        receiver.setDaemon(true);
        receiver.start();
        Session fifoSession = load.connection.createSession(Session.SESSION_TRANSACTED);
        AtomicLong fifoConsumer = load.counter("fifo-transacted");
        fifoSession.createConsumer(fifo).setMessageListener(m -> {
            try {
                fifoSession.commit();
                fifoConsumer.incrementAndGet();
                load.received.incrementAndGet();
            } catch (JMSException e) {
                load.errors.incrementAndGet();
            }
        });

        // producers: synchronous, asynchronous (CompletionListener), transacted batches of 10, FIFO groups
        Session syncSession = load.connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer sync = syncSession.createProducer(queue);
        Session asyncSession = load.connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer async = asyncSession.createProducer(queue);
        Session txSession = load.connection.createSession(Session.SESSION_TRANSACTED);
        MessageProducer tx = txSession.createProducer(queue);
        Session fifoSend = load.connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer fifoProducer = fifoSend.createProducer(fifo);
        String body = "x".repeat(1024);
        long periodMicros = 1_000_000L / RATE_PER_SECOND;
        producers.scheduleAtFixedRate(() -> guard(load, () -> {
            sync.send(syncSession.createTextMessage(body));
            load.sent.incrementAndGet();
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        producers.scheduleAtFixedRate(() -> guard(load, () -> {
            async.send(asyncSession.createTextMessage(body), new CompletionListener() {
                @Override public void onCompletion(Message m) { load.sent.incrementAndGet(); }
                @Override public void onException(Message m, Exception e) { load.errors.incrementAndGet(); }
            });
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        producers.scheduleAtFixedRate(() -> guard(load, () -> {
            for (int i = 0; i < 10; i++) tx.send(txSession.createTextMessage(body));
            txSession.commit();
            load.sent.addAndGet(10);
        }), 0, periodMicros * 10, TimeUnit.MICROSECONDS);
        AtomicLong fifoCount = new AtomicLong();
        producers.scheduleAtFixedRate(() -> guard(load, () -> {
            Message m = fifoSend.createTextMessage(body);
            m.setStringProperty("JMSXGroupID", "group-" + fifoCount.incrementAndGet() % 8);
            fifoProducer.send(m);
            load.sent.incrementAndGet();
        }), 0, periodMicros * 4, TimeUnit.MICROSECONDS);

        // churn: a consumer and a temporary queue opened and closed every second on another connection
        producers.scheduleAtFixedRate(() -> guard(load, () -> {
            try (Session s = load.churnConnection.createSession(Session.AUTO_ACKNOWLEDGE)) {
                TemporaryQueue reply = s.createTemporaryQueue();
                s.createProducer(reply).send(s.createTextMessage("ping"));
                MessageConsumer c = s.createConsumer(reply);
                if (c.receive(5000) == null) load.errors.incrementAndGet();
                c.close();
                reply.delete();
                load.churned.incrementAndGet();
            }
        }), 0, 1, TimeUnit.SECONDS);

        if (load.topics) {
            // a topic with a durable and a shared subscription, each on its own session
            Session durableSession = load.topicConnection.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = durableSession.createTopic("soak-prices");
            AtomicLong durable = load.counter("durable");
            durableSession.createDurableConsumer(topic, "soak-durable").setMessageListener(m -> {
                durable.incrementAndGet();
                load.topicReceived.incrementAndGet();
            });
            Session sharedSession = load.topicConnection.createSession(Session.AUTO_ACKNOWLEDGE);
            AtomicLong shared = load.counter("shared");
            sharedSession.createSharedConsumer(topic, "soak-shared").setMessageListener(m -> {
                shared.incrementAndGet();
                load.topicReceived.incrementAndGet();
            });
            Session publishSession = load.topicConnection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer publisher = publishSession.createProducer(topic);
            producers.scheduleAtFixedRate(() -> guard(load, () -> {
                publisher.send(publishSession.createTextMessage(body));
                load.published.incrementAndGet();
            }), 0, periodMicros * 2, TimeUnit.MICROSECONDS);
        }
    }

    @FunctionalInterface
    private interface JmsWork {
        void run() throws JMSException;
    }

    private static void guard(Load load, JmsWork work) {
        try {
            work.run();
        } catch (JMSException | RuntimeException e) {
            if (load.errors.incrementAndGet() <= 5) System.err.println(load.name + ": " + e);
        }
    }
}
