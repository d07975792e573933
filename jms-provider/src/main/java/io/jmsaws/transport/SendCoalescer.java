package io.jmsaws.transport;

import io.jmsaws.wire.OutboundMessage;
import io.jmsaws.wire.SqsLimits;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
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
 * Synchronous sends to a standard queue, batched only when they would wait anyway: a send goes out
 * at once when no send to that queue is under way; sends that arrive while one is go out together,
 * in one SendMessageBatch, as soon as it returns. A lone sender never waits for a batching window,
 * and concurrent senders share requests (what SQS charges for) instead of queueing behind each other.
 */
final class SendCoalescer {
    /** Attempts for an entry SQS fails on its side inside a batch. */
    private static final int ENTRY_ATTEMPTS = 4;

    private final SqsAsyncClient sqs;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    SendCoalescer(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    CompletableFuture<SendMessageResponse> send(String queueUrl, OutboundMessage message) {
        return lanes.computeIfAbsent(queueUrl, Lane::new).send(message);
    }

    private static final class Waiting {
        final OutboundMessage message;
        final CompletableFuture<SendMessageResponse> result = new CompletableFuture<>();
        int attempts;

        Waiting(OutboundMessage message) {
            this.message = message;
        }
    }

    /** One queue's sends: at most one request under way, the others waiting for it. */
    private final class Lane {
        private final String url;
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private boolean busy;

        Lane(String url) {
            this.url = url;
        }

        CompletableFuture<SendMessageResponse> send(OutboundMessage message) {
            Waiting w = new Waiting(message);
            synchronized (this) {
                if (busy) {
                    waiting.add(w);
                    return w.result;
                }
                busy = true;
            }
            sendOne(w);
            return w.result;
        }

        private void sendOne(Waiting w) {
            sqs.sendMessage(w.message.toRequest(url)).whenComplete((r, e) -> {
                if (e != null) w.result.completeExceptionally(e);
                else w.result.complete(r);
                next();
            });
        }

        /** The request under way returned: send what gathered meanwhile, or go idle. */
        private void next() {
            List<Waiting> batch = new ArrayList<>();
            synchronized (this) {
                int bytes = 0;
                while (!waiting.isEmpty() && batch.size() < SqsLimits.MAX_BATCH_ENTRIES
                        && (batch.isEmpty() || bytes + waiting.peek().message.encodedSize() <= SqsLimits.MAX_BATCH_BYTES)) {
                    Waiting w = waiting.poll();
                    bytes += w.message.encodedSize();
                    batch.add(w);
                }
                if (batch.isEmpty()) {
                    busy = false;
                    return;
                }
            }
            if (batch.size() == 1) {
                sendOne(batch.get(0));
                return;
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) entries.add(batch.get(i).message.toBatchEntry(Integer.toString(i)));
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)).whenComplete((r, e) -> {
                if (e != null) {
                    batch.forEach(w -> w.result.completeExceptionally(e));
                } else {
                    for (SendMessageBatchResultEntry ok : r.successful()) {
                        batch.get(Integer.parseInt(ok.id())).result.complete(SendMessageResponse.builder().messageId(ok.messageId())
                                .md5OfMessageBody(ok.md5OfMessageBody()).sequenceNumber(ok.sequenceNumber()).build());
                    }
                    retryOrFail(batch, r.failed());
                }
                next();
            });
        }

        /** Entries SQS failed on its side go to the front for another try; the others fail their sender with SQS's reason. */
        private void retryOrFail(List<Waiting> batch, List<BatchResultErrorEntry> failed) {
            List<Waiting> again = new ArrayList<>();
            for (BatchResultErrorEntry f : failed) {
                Waiting w = batch.get(Integer.parseInt(f.id()));
                w.attempts++;
                if (!Boolean.TRUE.equals(f.senderFault()) && w.attempts < ENTRY_ATTEMPTS) {
                    again.add(w);
                } else {
                    JMSException je = new JMSException("SendMessageBatch on " + url + " failed for this message after " + w.attempts
                            + " attempt(s): " + f.code() + ": " + f.message(), f.code());
                    w.result.completeExceptionally(new CompletionException(je));
                }
            }
            if (again.isEmpty()) return;
            synchronized (this) {
                for (int i = again.size() - 1; i >= 0; i--) waiting.addFirst(again.get(i));
            }
        }
    }
}
