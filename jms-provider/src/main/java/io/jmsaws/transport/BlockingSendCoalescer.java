package io.jmsaws.transport;

import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.wire.SqsLimits;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SendCoalescer}'s rule on the synchronous SQS client, run by the senders' own threads: a
 * sender finding its queue idle sends at once on its thread; senders arriving meanwhile wait, and
 * when the request returns the first of them is handed the lead and sends itself and the others
 * (up to 10, 1 MiB) in one SendMessageBatch. One request per queue is under way at a time, each
 * sender leads at most one request at a time, and nobody waits for a timer.
 */
final class BlockingSendCoalescer {
    private static final int ENTRY_ATTEMPTS = 4;
    /** What a waiting sender's future completes with when it is to lead the next request. */
    private static final Object LEAD = new Object();

    private final SqsClient sqs;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    BlockingSendCoalescer(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Sends and blocks until this message's fate is known; the future is already complete when returned. */
    CompletableFuture<SendMessageResponse> send(String queueUrl, OutboundMessage message) {
        return lanes.computeIfAbsent(queueUrl, Lane::new).send(message);
    }

    private static final class Sender {
        final OutboundMessage message;
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        int attempts;

        Sender(OutboundMessage message) {
            this.message = message;
        }
    }

    private final class Lane {
        private final String url;
        private final ArrayDeque<Sender> waiting = new ArrayDeque<>();
        private boolean busy;

        Lane(String url) {
            this.url = url;
        }

        CompletableFuture<SendMessageResponse> send(OutboundMessage message) {
            Sender me = new Sender(message);
            boolean lead;
            synchronized (this) {
                lead = !busy;
                if (lead) busy = true;
                else waiting.add(me);
            }
            while (true) {
                if (!lead) {
                    Object o;
                    try {
                        o = me.outcome.join();
                    } catch (CompletionException e) {
                        return CompletableFuture.failedFuture(e.getCause());
                    }
                    if (o != LEAD) return CompletableFuture.completedFuture((SendMessageResponse) o);
                    me.outcome = new CompletableFuture<>();
                }
                List<Sender> batch = gather(me);
                try {
                    request(batch);
                } finally {
                    handOver();
                }
                if (me.outcome.isDone()) {
                    Object o;
                    try {
                        o = me.outcome.join();
                    } catch (CompletionException e) {
                        return CompletableFuture.failedFuture(e.getCause());
                    }
                    if (o != LEAD) return CompletableFuture.completedFuture((SendMessageResponse) o);
                    // SQS failed our entry on its side and we are first in line again: we lead the retry ourselves
                    me.outcome = new CompletableFuture<>();
                    lead = true;
                    continue;
                }
                lead = false; // SQS failed our entry on its side: it waits in line for another try
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

        /** The lane goes idle, or the first sender in line leads the next request. */
        private void handOver() {
            Sender next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    busy = false;
                    return;
                }
            }
            next.outcome.complete(LEAD);
        }

        private void request(List<Sender> batch) {
            if (batch.size() == 1) {
                Sender only = batch.get(0);
                try {
                    only.outcome.complete(sqs.sendMessage(only.message.toRequest(url)));
                } catch (RuntimeException e) {
                    only.outcome.completeExceptionally(e);
                }
                return;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) entries.add(batch.get(i).message.toBatchEntry(Integer.toString(i)));
            SendMessageBatchResponse r;
            try {
                r = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
            } catch (RuntimeException e) {
                batch.forEach(s -> s.outcome.completeExceptionally(e));
                return;
            }
            for (SendMessageBatchResultEntry ok : r.successful()) {
                batch.get(Integer.parseInt(ok.id())).outcome.complete(SendMessageResponse.builder().messageId(ok.messageId())
                        .md5OfMessageBody(ok.md5OfMessageBody()).sequenceNumber(ok.sequenceNumber()).build());
            }
            List<Sender> again = new ArrayList<>();
            for (BatchResultErrorEntry f : r.failed()) {
                Sender s = batch.get(Integer.parseInt(f.id()));
                s.attempts++;
                if (!Boolean.TRUE.equals(f.senderFault()) && s.attempts < ENTRY_ATTEMPTS) {
                    again.add(s);
                } else {
                    s.outcome.completeExceptionally(new JMSException("SendMessageBatch on " + url + " failed for this message after "
                            + s.attempts + " attempt(s): " + f.code() + ": " + f.message(), f.code()));
                }
            }
            if (again.isEmpty()) return;
            synchronized (this) {
                for (int i = again.size() - 1; i >= 0; i--) waiting.addFirst(again.get(i)); // first in line for the next request
            }
        }
    }
}
