package io.jmsaws.bench;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends 1,000,000 messages of 1 KiB through one connection on the embedded backend while a
 * consumer with prefetch 10 drains them, and prints the heap after a GC every 100,000: the
 * connection must not keep what it sent, and the consumer must hold O(prefetch) messages.
 *
 * <pre>mvn -B -q -DskipTests -pl benchmarks -am install exec:java@heap</pre>
 */
public final class HeapCheck {
    private HeapCheck() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Connection connection = new JmsAwsConnectionFactory("embedded://heap-check?prefetch=10").createConnection();
        connection.start();
        Session producerSession = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = producerSession.createQueue("heap-check");
        MessageProducer producer = producerSession.createProducer(queue);
        AtomicLong received = new AtomicLong();
        Session consumerSession = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = consumerSession.createConsumer(queue);
        consumer.setMessageListener(m -> received.incrementAndGet());
        String body = "x".repeat(1024);
        System.out.printf("%10s %10s %12s %10s%n", "sent", "received", "heap MiB", "backlog");
        long start = System.nanoTime();
        for (int i = 1; i <= total; i++) {
            producer.send(producerSession.createTextMessage(body));
            if (i % 100_000 == 0) {
                // let the consumer catch up a little, so that the queue (the backend's memory, not the connection's) stays small
                while (i - received.get() > 20_000) Thread.sleep(10);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
                System.out.printf("%10d %10d %12d %10d%n", i, received.get(), heap, i - received.get());
            }
        }
        while (received.get() < total) Thread.sleep(10);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf("all %d received in %.1f s (%.0f msg/s end to end); heap after GC %d MiB%n", total, seconds, total / seconds, heap);
        connection.close();
        System.exit(0);
    }
}
