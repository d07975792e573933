package io.jmsaws.client;

import io.jmsaws.provider.EncodedMessage;
import io.jmsaws.provider.Provider;
import io.jmsaws.provider.ResolvedDestination;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;

import java.util.List;
import java.util.Map;

/**
 * A transacted session's unit of work: the messages it consumed (the ledger) and the sends it
 * buffered (the send path). SQS has no atomic multi-message commit, so commit sends first and
 * deletes second: a failure between the two can cause duplicates, never loss. Sends go out per
 * destination, destinations in the order of their first send, each destination's in send order.
 * Also what a session does with what it holds when it closes without committing (spec 6.2.9,
 * 6.2.13), in every acknowledgement mode.
 */
final class LocalTransaction {
    private final DeliveryLedger ledger;
    private final SendPath sends;
    private final Settlement settlement;
    private final Provider provider;

    LocalTransaction(DeliveryLedger ledger, SendPath sends, Settlement settlement, Provider provider) {
        this.ledger = ledger;
        this.sends = sends;
        this.settlement = settlement;
        this.provider = provider;
    }

    void commit() throws JMSException {
        sends.awaitAsyncSends();
        List<ReceivedMessage> consumed = ledger.takeAll();
        Map<ResolvedDestination, List<EncodedMessage>> buffered = sends.takeTransactionSends();
        if (consumed.stream().anyMatch(r -> r.lease.isLost())) {
            ledger.redeliver(consumed);
            throw new TransactionRolledBackException("the transaction was rolled back: SQS may already have given a message it "
                    + "consumed to another consumer (its visibility timeout ran out); nothing was sent and its messages will be delivered again");
        }
        try {
            for (Map.Entry<ResolvedDestination, List<EncodedMessage>> e : buffered.entrySet()) provider.sendAll(e.getKey(), e.getValue());
        } catch (JMSException e) {
            ledger.redeliver(consumed);
            JMSException failed = new JMSException("commit failed while sending: " + e.getMessage()
                    + "; consumed messages will be delivered again", e.getErrorCode());
            failed.initCause(e);
            throw failed;
        }
        settlement.deleteNow(consumed);
    }

    /** Rollback, or close of a session with a transaction open (spec 6.2.9): sends dropped, consumed messages delivered again. */
    void rollback() {
        sends.awaitAsyncSends();
        sends.dropTransactionSends();
        ledger.redeliver(ledger.takeAll());
    }
}
