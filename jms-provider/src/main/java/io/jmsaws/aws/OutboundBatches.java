package io.jmsaws.aws;

import io.jmsaws.limits.SqsLimits;
import io.jmsaws.wire.OutboundMessage;

import java.util.ArrayList;
import java.util.List;

/** How a list of messages is cut into batch requests (SendMessageBatch, PublishBatch), keeping their order. */
final class OutboundBatches {
    private OutboundBatches() {
    }

    /**
     * Messages cut, in order, into batches of at most 10 entries and {@code maxBytes}; a message
     * alone always makes a batch (its size was checked at send()).
     */
    static List<List<OutboundMessage>> cut(List<OutboundMessage> messages, int maxBytes) {
        List<List<OutboundMessage>> batches = new ArrayList<>();
        int i = 0;
        while (i < messages.size()) {
            int bytes = 0;
            int end = i;
            while (end < messages.size() && end - i < SqsLimits.MAX_BATCH_ENTRIES && bytes + messages.get(end).encodedSize() <= maxBytes) {
                bytes += messages.get(end).encodedSize();
                end++;
            }
            if (end == i) end++;
            batches.add(messages.subList(i, end));
            i = end;
        }
        return batches;
    }
}
