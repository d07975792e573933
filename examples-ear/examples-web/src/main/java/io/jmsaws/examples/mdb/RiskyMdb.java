package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * A queue with a dead-letter queue: a message whose text contains "poison" makes onMessage throw;
 * the container rolls back, SQS redelivers, and after 3 receives the message moves to "risky-dlq".
 * The queue's options in its name create it with that RedrivePolicy. Once the page's "fix the
 * bug" switch is on, poison is processed too: redrive the dead letters from the operator console
 * and they are delivered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "risky?deadLetterQueue=risky-dlq&maxReceiveCount=3"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class RiskyMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage t && t.getText().contains("poison") && !log.poisonFixed()) {
                IllegalStateException failure = new IllegalStateException("cannot process " + t.getText());
                log.record("risky", message, "failed: " + failure.getMessage());
                throw failure;
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        log.record("risky", message);
    }
}
