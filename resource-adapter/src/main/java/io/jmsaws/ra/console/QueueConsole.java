package io.jmsaws.ra.console;

import io.jmsaws.admin.DeadLetterAdmin;
import io.jmsaws.admin.RedriveResult;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.message.JmsAwsMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link QueueConsoleMXBean} of one started adapter, registered in the platform MBean server
 * as {@code io.jmsaws:type=QueueConsole,name=…}. It opens its {@link DeadLetterAdmin} on first use
 * (no SQS client for an adapter whose console nobody opens) and closes it when the adapter stops.
 */
public final class QueueConsole implements QueueConsoleMXBean {
    /** What a console looks for: every adapter's MXBean. */
    public static final String OBJECT_NAME_PATTERN = "io.jmsaws:type=QueueConsole,*";
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsole.class);
    private static final long PURGE_INTERVAL_MILLIS = 60_000;
    private static final int MAX_PEEK = 100;

    private final JmsAwsConfig config;
    private final Supplier<DeadLetterAdmin> opener;
    private final Map<String, Integer> peeks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPurge = new ConcurrentHashMap<>();
    private DeadLetterAdmin admin;
    private ObjectName registeredAs;
    private boolean closed;

    public QueueConsole(JmsAwsConfig config, Supplier<DeadLetterAdmin> opener) {
        this.config = config;
        this.opener = opener;
    }

    /** Registers this console; a second adapter with the same backend gets a numbered name. */
    public void register() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String base = "io.jmsaws:type=QueueConsole,name=" + ObjectName.quote(config.toString());
        for (int n = 1; ; n++) {
            ObjectName name = new ObjectName(n == 1 ? base : base + ",instance=" + n);
            try {
                server.registerMBean(this, name);
                registeredAs = name;
                LOG.info("jms-aws queue console registered as {}", name);
                return;
            } catch (InstanceAlreadyExistsException taken) {
                // another adapter on the same backend: take the next number
            }
        }
    }

    /** Unregisters and closes the SQS client, if one was opened. */
    public synchronized void close() {
        closed = true;
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException | RuntimeException e) {
                LOG.debug("could not unregister {}", registeredAs, e);
            }
            registeredAs = null;
        }
        if (admin != null) admin.close();
        admin = null;
    }

    private synchronized DeadLetterAdmin admin() {
        // a call that came in while the adapter stopped must not open a client nobody will close
        if (closed) throw new IllegalStateException("the jms-aws resource adapter has stopped; its queue console is gone");
        if (admin == null) admin = opener.get();
        return admin;
    }

    @Override
    public String getBackend() {
        return config.toString();
    }

    @Override
    public List<QueueView> getQueues() {
        return call("listing the queues", () -> admin().queues().stream()
                .map(q -> new QueueView(q, peeks.getOrDefault(q.name(), 0))).toList());
    }

    @Override
    public List<MessageView> peek(String queueName, int max) {
        String queue = required(queueName);
        if (max < 1 || max > MAX_PEEK) throw new IllegalArgumentException("peek takes 1 to " + MAX_PEEK + " messages, not " + max);
        List<JmsAwsMessage> seen = call("peeking at " + queue, () -> admin().peek(queue, max));
        peeks.merge(queue, 1, Integer::sum);
        LOG.info("console: peeked at {} message(s) of queue {} (each one's receive count went up by one)", seen.size(), queue);
        return seen.stream().map(m -> MessagePreview.of(m)).toList();
    }

    @Override
    public long redriveAll(String deadLetterQueue) {
        String dlq = required(deadLetterQueue);
        RedriveResult r = call("redriving " + dlq, () -> admin().redrive(dlq));
        LOG.info("console: redrove {} message(s) of {} to its source queue ({})", r.moved(), dlq, r.method());
        return r.moved();
    }

    @Override
    public long redrive(String deadLetterQueueName, String[] messageIds) {
        String dlq = required(deadLetterQueueName);
        if (messageIds == null || messageIds.length == 0) throw new IllegalArgumentException("name at least one message id to redrive");
        return call("redriving messages of " + dlq, () -> {
            List<String> sources = admin().sourceQueues(dlq);
            if (sources.size() != 1) {
                throw new InvalidDestinationException(dlq + " is the dead-letter queue of "
                        + (sources.isEmpty() ? "no queue" : sources) + ": the console redrives only to a single source queue");
            }
            long moved = admin().moveMessages(dlq, sources.get(0), Arrays.asList(messageIds)).moved();
            LOG.info("console: redrove {} of {} chosen message(s) from {} to {}", moved, messageIds.length, dlq, sources.get(0));
            return moved;
        });
    }

    @Override
    public void purge(String queueName) {
        String queue = required(queueName);
        long now = System.currentTimeMillis();
        Long last = lastPurge.get(queue);
        if (last != null && now - last < PURGE_INTERVAL_MILLIS) {
            throw new IllegalStateException("SQS allows one PurgeQueue per queue every 60 seconds: " + queue
                    + " was purged " + (now - last) / 1000 + " s ago; try again in " + (PURGE_INTERVAL_MILLIS - (now - last) + 999) / 1000 + " s");
        }
        call("purging " + queue, () -> {
            admin().purge(queue);
            return null;
        });
        lastPurge.put(queue, now);
        LOG.info("console: purged queue {} (SQS may take up to 60 s to delete every message)", queue);
    }

    private static String required(String queue) {
        if (queue == null || queue.isBlank()) throw new IllegalArgumentException("name a queue");
        return queue.trim();
    }

    private interface JmsCall<T> {
        T run() throws JMSException;
    }

    /** JMX clients may not have our exception classes: failures become JDK exceptions with the provider's message. */
    private static <T> T call(String what, JmsCall<T> call) {
        try {
            return call.run();
        } catch (InvalidDestinationException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        } catch (JMSException e) {
            LOG.debug("console: {} failed", what, e);
            throw new IllegalStateException(what + " failed: " + e.getMessage());
        }
    }
}
