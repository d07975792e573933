package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Watches the dead-letter queue of "risky". */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "risky-dlq"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class DeadLetterMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        log.record("risky-dlq", message);
    }
}
