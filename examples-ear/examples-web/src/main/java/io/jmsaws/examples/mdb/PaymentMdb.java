package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Payments from a FIFO queue: each customer is a message group (JMSXGroupID), processed in order
 * even with three sessions at once; different customers go in parallel.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "payments.fifo"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "3")
})
public class PaymentMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        log.record("payments (FIFO)", message);
        try {
            Thread.sleep(20); // makes out-of-order processing visible if groups were not kept to one session
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
