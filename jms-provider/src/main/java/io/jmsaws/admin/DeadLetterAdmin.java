package io.jmsaws.admin;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.message.JmsAwsMessage;
import io.jmsaws.aws.AwsErrors;
import io.jmsaws.provider.QueueInfo;
import io.jmsaws.aws.SqsTransport;
import io.jmsaws.wire.WireCodec;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dead-letter queue administration: which queues feed a DLQ, how many messages it holds, a look
 * at them, and moving them back.
 *
 * <p>{@link #redrive} uses SQS's own StartMessageMoveTask where the endpoint has it (AWS for
 * standard and FIFO queues, ElasticMQ); otherwise, and for {@link #move}, it receives, sends and then
 * deletes, batch by batch, in order: group ids, bodies and every attribute (so all JMS headers and
 * properties) are kept. A FIFO target gets a fresh deduplication id per message, derived from the
 * DLQ message so that a move retried after an interruption is deduplicated, while the original id
 * (which SQS would silently drop for 5 minutes) is not reused. A message is deleted from the
 * source only after its send succeeded: an interruption can duplicate a batch, never lose one.
 */
public final class DeadLetterAdmin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAdmin.class);
    private static final int HOLD_SECONDS = 60;
    private static final Duration NATIVE_TASK_TIMEOUT = Duration.ofMinutes(30);

    private final JmsAwsConfig config;
    private final SqsTransport transport;
    private final SqsAsyncClient sqs;

    private DeadLetterAdmin(JmsAwsConfig config, SqsTransport transport) {
        this.config = config;
        this.transport = transport;
        this.sqs = transport.client();
    }

    /** Opens on a connection URL, with the URL's credentials (or the default chain). */
    public static DeadLetterAdmin open(String connectionUrl) throws JMSException {
        JmsAwsConfig config = JmsAwsConfig.parse(connectionUrl);
        return new DeadLetterAdmin(config, io.jmsaws.Backends.openTransport(config, null, null));
    }

    public static DeadLetterAdmin open(JmsAwsConnectionFactory factory, String user, String password) throws JMSException {
        return new DeadLetterAdmin(factory.getConfig(), io.jmsaws.Backends.openTransport(factory.getConfig(), user, password));
    }

    /** Opens on an existing SQS client (for tests and tools that have one). */
    public static DeadLetterAdmin open(JmsAwsConfig config, SqsAsyncClient client) {
        return new DeadLetterAdmin(config, SqsTransport.wrap(config, client));
    }

    private QueueInfo queue(String name) throws JMSException {
        return transport.directory().resolveExisting(JmsAwsQueue.parse(name));
    }

    /**
     * One ListQueues request for at most one queue of the prefix: the cheapest call that proves the
     * endpoint answers and the credentials are accepted (health checks). Returns whether it listed one.
     */
    public boolean ping() throws JMSException {
        return QueueListing.ping(sqs, config.get(Option.QUEUE_PREFIX), transport.toString());
    }

    /** The queues whose RedrivePolicy names this dead-letter queue, by JMS queue name. */
    public List<String> sourceQueues(String deadLetterQueue) throws JMSException {
        QueueInfo dlq = queue(deadLetterQueue);
        try {
            List<String> urls = sqs.listDeadLetterSourceQueues(b -> b.queueUrl(dlq.url())).join().queueUrls();
            String prefix = config.get(Option.QUEUE_PREFIX);
            return urls.stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).map(n -> n.startsWith(prefix) ? n.substring(prefix.length()) : n).toList();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListDeadLetterSourceQueues", dlq.toString());
        }
    }

    /**
     * Every queue of this connection's queue prefix with its counts and dead-letter rule; the
     * attributes are asked for in parallel (one round trip for all, after the listing).
     */
    public List<QueueSummary> queues() throws JMSException {
        return QueueListing.list(sqs, config.get(Option.QUEUE_PREFIX));
    }

    /**
     * Deletes every message of a queue (SQS's PurgeQueue: allowed once per 60 seconds per queue,
     * and messages sent during the next 60 seconds may be deleted as well).
     */
    public void purge(String queueName) throws JMSException {
        QueueInfo q = queue(queueName);
        try {
            sqs.purgeQueue(b -> b.queueUrl(q.url())).join();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "PurgeQueue", q.toString());
        }
        LOG.info("purged {}", q);
    }

    private long visible(QueueInfo q) throws JMSException {
        try {
            String v = sqs.getQueueAttributes(b -> b.queueUrl(q.url()).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                    .join().attributesAsStrings().get("ApproximateNumberOfMessages");
            return v == null ? 0 : Long.parseLong(v);
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "GetQueueAttributes", q.toString());
        }
    }

    /** SQS's approximate number of visible messages, plus those in flight and delayed. */
    public long count(String queueName) throws JMSException {
        QueueInfo q = queue(queueName);
        try {
            Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(q.url()).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"))
                    .join().attributesAsStrings();
            return a.values().stream().mapToLong(Long::parseLong).sum();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "GetQueueAttributes", q.toString());
        }
    }

    /**
     * Up to {@code max} messages as JMS messages, given back at once (SQS has no peek: each is
     * received, which raises its receive count, and released).
     */
    public List<JmsAwsMessage> peek(String queueName, int max) throws JMSException {
        QueueInfo q = queue(queueName);
        List<JmsAwsMessage> seen = new ArrayList<>();
        List<Message> held = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            while (seen.size() < max) {
                List<Message> got = receive(q, Math.min(10, max - seen.size()));
                if (got.isEmpty()) break;
                held.addAll(got);
                for (Message m : got) {
                    if (ids.add(m.messageId())) seen.add(WireCodec.decode(m, q.queue(), config.trustedPackages()));
                }
            }
        } finally {
            release(q, held);
        }
        return seen;
    }

    /**
     * Moves every message of a dead-letter queue back to the queue it came from: natively where
     * SQS can (standard and FIFO queues), otherwise with {@link #move} to its only source queue.
     */
    public RedriveResult redrive(String deadLetterQueue) throws JMSException {
        QueueInfo dlq = queue(deadLetterQueue);
        // SQS moves FIFO dead letters too since November 2023, keeping group order
        RedriveResult nativeResult = tryNativeMove(dlq);
        // a FIFO task that moved nothing while the DLQ still shows messages (ElasticMQ): the fallback follows
        if (nativeResult != null && (!dlq.fifo() || nativeResult.moved() > 0 || visible(dlq) == 0)) return nativeResult;
        List<String> sources = sourceQueues(deadLetterQueue);
        if (sources.size() != 1) {
            throw new InvalidDestinationException("cannot tell where the messages of " + dlq + " go back to: it is the dead-letter "
                    + "queue of " + (sources.isEmpty() ? "no queue" : sources) + "; name the target with move(from, to)");
        }
        if (nativeResult != null) {
            // a server that runs the task and moves nothing (ElasticMQ on FIFO queues): move them ourselves
            LOG.info("StartMessageMoveTask on {} completed without moving its messages; moving them by receive/send/delete", dlq);
        }
        return move(deadLetterQueue, sources.get(0), Long.MAX_VALUE);
    }

    private RedriveResult tryNativeMove(QueueInfo dlq) throws JMSException {
        String arn = dlq.attributes().get(QueueAttributeName.QUEUE_ARN.toString());
        String handle;
        try {
            handle = sqs.startMessageMoveTask(b -> b.sourceArn(arn)).join().taskHandle();
        } catch (UnsupportedOperationException e) {
            return null;
        } catch (RuntimeException e) {
            if (isUnsupported(e)) {
                LOG.info("{} does not support StartMessageMoveTask ({}); moving messages by receive/send/delete", transport,
                        AwsErrors.errorCode(e));
                return null;
            }
            throw AwsErrors.toJms(e, "StartMessageMoveTask", dlq.toString());
        }
        long deadline = System.nanoTime() + NATIVE_TASK_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ListMessageMoveTasksResultEntry task;
            try {
                task = sqs.listMessageMoveTasks(b -> b.sourceArn(arn)).join().results().stream()
                        .filter(t -> handle == null || handle.equals(t.taskHandle()) || t.taskHandle() == null).findFirst().orElse(null);
            } catch (RuntimeException e) {
                throw AwsErrors.toJms(e, "ListMessageMoveTasks", dlq.toString());
            }
            if (task != null && !"RUNNING".equals(task.status())) {
                if (!"COMPLETED".equals(task.status())) {
                    throw new JMSException("the message move task of " + dlq + " ended " + task.status() + ": " + task.failureReason());
                }
                return new RedriveResult(RedriveResult.NATIVE, task.approximateNumberOfMessagesMoved() == null ? 0 : task.approximateNumberOfMessagesMoved());
            }
            sleep(200);
        }
        throw new JMSException("the message move task of " + dlq + " is still running after " + NATIVE_TASK_TIMEOUT + "; it goes on in SQS");
    }

    private static boolean isUnsupported(Throwable t) {
        Throwable cause = AwsErrors.unwrap(t);
        if (cause instanceof UnsupportedOperationException) return true;
        if (!(cause instanceof AwsServiceException ase)) return false;
        String code = AwsErrors.errorCode(ase);
        return ase.statusCode() == 404 || ase.statusCode() == 501
                || code != null && (code.contains("Unsupported") || code.contains("UnknownOperation") || code.contains("InvalidAction"));
    }

    /**
     * Moves up to {@code max} messages from one queue to another by receive, send, delete, in
     * order. A failure stops the move with a JMSException; nothing it held is lost: messages not
     * yet sent are made visible again at once, sent ones not yet deleted come back after the hold.
     */
    public RedriveResult move(String from, String to, long max) throws JMSException {
        QueueInfo source = queue(from);
        QueueInfo target = queue(to);
        long moved = 0;
        while (moved < max) {
            List<Message> batch = receive(source, (int) Math.min(10, max - moved));
            if (batch.isEmpty()) break;
            moved += sendThenDelete(source, target, batch, moved);
        }
        return new RedriveResult(RedriveResult.RECEIVE_SEND_DELETE, moved);
    }

    /**
     * Moves the messages with these {@code JMSMessageID}s from a standard queue to another, the
     * others staying where they are. SQS cannot receive by id: the queue is searched, its other
     * messages held meanwhile (and released at the end), until every chosen message moved, the queue
     * has nothing new to show (three empty long polls: another reader may hold some for a moment), or
     * the search nears the hold's end. {@link RedriveResult#moved()} tells how many of the chosen
     * moved; the others were not found (taken by another consumer, held elsewhere, or gone).
     * A FIFO queue is refused: a held message blocks the rest of its group, so chosen messages
     * behind it could not be reached — redrive or move the whole queue instead.
     */
    public RedriveResult moveMessages(String from, String to, java.util.Collection<String> messageIds) throws JMSException {
        QueueInfo source = queue(from);
        QueueInfo target = queue(to);
        if (source.fifo()) {
            throw new JMSException("cannot move chosen messages of the FIFO queue " + source + ": while one is held, SQS shows no later "
                    + "message of its group; move the whole queue (redrive or move) instead");
        }
        Set<String> wanted = new HashSet<>(messageIds);
        Set<String> seen = new HashSet<>();
        List<Message> passedOver = new ArrayList<>();
        long searchEnds = System.nanoTime() + Duration.ofSeconds(HOLD_SECONDS / 2).toNanos();
        long moved = 0;
        try {
            for (int empty = 0; !wanted.isEmpty() && empty < 3 && System.nanoTime() < searchEnds; ) {
                List<Message> batch = receive(source, 10);
                List<Message> chosen = new ArrayList<>();
                boolean fresh = false;
                for (Message m : batch) {
                    if (!seen.add(m.messageId())) continue; // cannot happen while held; guards against a hold cut short
                    fresh = true;
                    (wanted.remove(jmsMessageId(m, source)) ? chosen : passedOver).add(m);
                }
                empty = fresh ? 0 : empty + 1;
                if (!chosen.isEmpty()) moved += sendThenDelete(source, target, chosen, moved);
            }
        } finally {
            release(source, passedOver);
        }
        if (!wanted.isEmpty()) LOG.info("moving chosen messages from {} to {}: {} of them not found: {}", source, target, wanted.size(), wanted);
        return new RedriveResult(RedriveResult.RECEIVE_SEND_DELETE, moved);
    }

    /**
     * The JMSMessageID a consumer would see: ours travel in the headers attribute, a foreign
     * message's is "ID:" + its SQS id (also what a message we cannot decode is known by).
     */
    private String jmsMessageId(Message m, QueueInfo q) {
        try {
            return WireCodec.decode(m, q.queue(), config.trustedPackages()).getJMSMessageID();
        } catch (JMSException | RuntimeException e) {
            return "ID:" + m.messageId();
        }
    }

    /** Sends a received batch to the target, then deletes what was sent from the source; returns how many moved. */
    private int sendThenDelete(QueueInfo source, QueueInfo target, List<Message> batch, long movedBefore) throws JMSException {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) entries.add(entry(Integer.toString(i), batch.get(i), target));
        SendMessageBatchResponse sent;
        try {
            sent = sqs.sendMessageBatch(b -> b.queueUrl(target.url()).entries(entries)).join();
        } catch (RuntimeException e) {
            release(source, batch);
            throw AwsErrors.toJms(e, "SendMessageBatch", target + " (moving from " + source + ")");
        }
        List<Message> done = new ArrayList<>();
        sent.successful().forEach(s -> done.add(batch.get(Integer.parseInt(s.id()))));
        List<Message> notSent = new ArrayList<>(batch);
        notSent.removeAll(done);
        release(source, notSent);
        if (!done.isEmpty()) {
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(done.get(i).receiptHandle()).build());
            }
            try {
                var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(source.url()).entries(deletes)).join();
                if (!deleted.failed().isEmpty()) {
                    LOG.warn("{} of the messages moved from {} to {} could not be deleted from {} ({}): they will be moved again (duplicates)",
                            deleted.failed().size(), source, target, source, deleted.failed().get(0).code());
                }
            } catch (RuntimeException e) {
                release(source, done); // moved again by the next run, at once rather than after the hold
                throw AwsErrors.toJms(e, "DeleteMessageBatch", source + " after " + done.size()
                        + " of its messages were sent to " + target + " (they will be moved again: duplicates, none lost)");
            }
        }
        if (!sent.failed().isEmpty()) {
            var f = sent.failed().get(0);
            throw new JMSException("moving from " + source + " to " + target + ": " + sent.failed().size() + " messages were refused ("
                    + f.code() + ": " + f.message() + "); they stay in " + source + ", " + (movedBefore + done.size()) + " were moved", f.code());
        }
        return done.size();
    }

    private SendMessageBatchRequestEntry entry(String id, Message m, QueueInfo target) {
        SendMessageBatchRequestEntry.Builder b = SendMessageBatchRequestEntry.builder().id(id).messageBody(m.body())
                .messageAttributes(m.messageAttributes());
        if (target.fifo()) {
            String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
            b.messageGroupId(group != null ? group : target.defaultGroupId());
            String firstReceive = m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "0");
            b.messageDeduplicationId("redrive-" + m.messageId() + "-" + firstReceive);
        }
        return b.build();
    }

    private List<Message> receive(QueueInfo q, int max) throws JMSException {
        try {
            return sqs.receiveMessage(b -> b.queueUrl(q.url()).maxNumberOfMessages(max).waitTimeSeconds(1)
                    .visibilityTimeout(HOLD_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).join().messages();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ReceiveMessage", q.toString());
        }
    }

    private void release(QueueInfo q, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += 10) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(messages.size(), i + 10); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(j - i))
                        .receiptHandle(messages.get(j).receiptHandle()).visibilityTimeout(0).build());
            }
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(q.url()).entries(entries)).join();
            } catch (RuntimeException e) {
                LOG.warn("could not release {} messages of {} ({}); they come back after {} s", entries.size(), q, e.toString(), HOLD_SECONDS);
            }
        }
    }

    private static void sleep(long millis) throws JMSException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while waiting for the message move task");
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
