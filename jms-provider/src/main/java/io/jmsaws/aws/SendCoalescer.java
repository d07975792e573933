package io.jmsaws.aws;

import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.limits.SqsLimits;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synchronous sends to a standard queue, batched only when they would wait anyway, in the senders'
 * own threads: a sender finding fewer than {@code maxInFlight} requests under way for its queue
 * sends at once (four threads go four-wide, each a round trip, as with one client per thread);
 * senders arriving beyond that wait, and when a request returns the first of them is handed the
 * lead and sends itself and the others (up to 10, 1 MiB) in one SendMessageBatch — thirty-two
 * threads go out as a few batches of about ten. Each sender leads at most one request at a time,
 * and nobody waits for a timer. Only for standard queues: FIFO sends keep one request per session
 * and queue (see the session's send path), or a group's order would break.
 */
final class SendCoalescer {
    /** What a waiting sender's outcome completes with when it is to lead the next request. */
    private static final Object LEAD = new Object();

    /** The two requests, made blocking in the calling thread. */
    interface BlockingSqs {
        SendMessageResponse send(SendMessageRequest request);

        SendMessageBatchResponse sendBatch(SendMessageBatchRequest request);

        /** AWS: the synchronous client, cheaper per request than netty for a caller that blocks anyway. */
        static BlockingSqs of(SqsClient sqs) {
            return new BlockingSqs() {
                @Override public SendMessageResponse send(SendMessageRequest r) { return sqs.sendMessage(r); }
                @Override public SendMessageBatchResponse sendBatch(SendMessageBatchRequest r) { return sqs.sendMessageBatch(r); }
            };
        }

        /** The embedded backend (or a client someone else owns), which has only the asynchronous interface. */
        static BlockingSqs of(SqsAsyncClient sqs) {
            return new BlockingSqs() {
                @Override public SendMessageResponse send(SendMessageRequest r) { return sqs.sendMessage(r).join(); }
                @Override public SendMessageBatchResponse sendBatch(SendMessageBatchRequest r) { return sqs.sendMessageBatch(r).join(); }
            };
        }
    }

    private final BlockingSqs sqs;
    private final int maxInFlight;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    SendCoalescer(BlockingSqs sqs, int maxInFlight) {
        this.sqs = sqs;
        this.maxInFlight = maxInFlight;
    }

    /** Sends and blocks until this message's fate is known; the future is already complete when returned. */
    CompletableFuture<SendMessageResponse> send(String queueUrl, OutboundMessage message) {
        return lanes.computeIfAbsent(queueUrl, Lane::new).send(message);
    }

    private static final class Sender {
        final OutboundMessage message;
        /** Replaced by its own thread when handed the lead; read by leaders: volatile. */
        volatile CompletableFuture<Object> outcome = new CompletableFuture<>();
        int attempts;

        Sender(OutboundMessage message) {
            this.message = message;
        }
    }

    private final class Lane {
        private final String url;
        private final ArrayDeque<Sender> waiting = new ArrayDeque<>();
        /** Requests under way (each with its leader): at most maxInFlight. */
        private int inFlight;

        Lane(String url) {
            this.url = url;
        }

        CompletableFuture<SendMessageResponse> send(OutboundMessage message) {
            Sender me = new Sender(message);
            boolean lead;
            synchronized (this) {
                lead = inFlight < maxInFlight;
                if (lead) inFlight++;
                else waiting.add(me);
            }
            while (true) {
                if (lead) {
                    try {
                        request(gather(me));
                    } finally {
                        handOver();
                    }
                    // not done: SQS failed our entry on its side, and it waits in line for another try
                    if (!me.outcome.isDone()) {
                        lead = false;
                        continue;
                    }
                }
                Object o;
                try {
                    o = me.outcome.join();
                } catch (CompletionException e) {
                    return CompletableFuture.failedFuture(e.getCause());
                }
                if (o != LEAD) return CompletableFuture.completedFuture((SendMessageResponse) o);
                me.outcome = new CompletableFuture<>(); // handed the lead (perhaps back to ourselves, first in line for a retry)
                lead = true;
            }
        }

        private synchronized List<Sender> gather(Sender leader) {
            List<Sender> batch = new ArrayList<>();
            batch.add(leader);
            int bytes = leader.message.encodedSize();
            while (!waiting.isEmpty() && batch.size() < SqsLimits.MAX_BATCH_ENTRIES
                    && bytes + waiting.peek().message.encodedSize() <= SqsLimits.MAX_BATCH_BYTES) {
                Sender s = waiting.poll();
                bytes += s.message.encodedSize();
                batch.add(s);
            }
            return batch;
        }

        /** A request returned: the first sender in line leads the next one in its place, or one fewer is under way. */
        private void handOver() {
            Sender next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            next.outcome.complete(LEAD);
        }

        /**
         * Sends the batch; afterwards every sender of it has its outcome or stands first in line for
         * another try, whatever was thrown (a sender left without either would wait for ever).
         */
        private void request(List<Sender> batch) {
            List<Sender> again;
            try {
                again = attempt(batch);
            } catch (RuntimeException | Error e) {
                for (Sender s : batch) {
                    if (!s.outcome.isDone()) s.outcome.completeExceptionally(e);
                }
                return;
            }
            List<Sender> unanswered = new ArrayList<>();
            synchronized (this) {
                // decided before the retries are in line: once there, another leader may take them (up to maxInFlight lead at once)
                for (Sender s : batch) {
                    if (!s.outcome.isDone() && !again.contains(s)) unanswered.add(s);
                }
                for (int i = again.size() - 1; i >= 0; i--) waiting.addFirst(again.get(i)); // first in line for the next request
            }
            // an answer that names neither success nor failure for an entry: the message's fate is unknown, say so
            unanswered.forEach(s -> s.outcome.completeExceptionally(new JMSException("SendMessageBatch on " + url
                    + " returned no result for this message; it may or may not have been sent")));
        }

        /** Sends the batch and completes what SQS answered; returns the senders whose entries SQS failed on its side, to try again. */
        private List<Sender> attempt(List<Sender> batch) {
            if (batch.size() == 1) {
                Sender only = batch.get(0);
                try {
                    only.outcome.complete(sqs.send(only.message.toRequest(url)));
                } catch (RuntimeException e) {
                    only.outcome.completeExceptionally(e);
                }
                return List.of();
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) entries.add(batch.get(i).message.toBatchEntry(Integer.toString(i)));
            SendMessageBatchResponse r;
            try {
                r = sqs.sendBatch(SendMessageBatchRequest.builder().queueUrl(url).entries(entries).build());
            } catch (RuntimeException e) {
                batch.forEach(s -> s.outcome.completeExceptionally(e));
                return List.of();
            }
            for (SendMessageBatchResultEntry ok : r.successful()) {
                batch.get(Integer.parseInt(ok.id())).outcome.complete(SendMessageResponse.builder().messageId(ok.messageId())
                        .md5OfMessageBody(ok.md5OfMessageBody()).sequenceNumber(ok.sequenceNumber()).build());
            }
            List<Sender> again = new ArrayList<>();
            for (BatchResultErrorEntry f : r.failed()) {
                Sender s = batch.get(Integer.parseInt(f.id()));
                s.attempts++;
                if (!Boolean.TRUE.equals(f.senderFault()) && s.attempts < SqsTransport.ENTRY_ATTEMPTS) {
                    again.add(s);
                } else {
                    s.outcome.completeExceptionally(new JMSException("SendMessageBatch on " + url + " failed for this message after "
                            + s.attempts + " attempt(s): " + f.code() + ": " + f.message(), f.code()));
                }
            }
            return again;
        }
    }
}
