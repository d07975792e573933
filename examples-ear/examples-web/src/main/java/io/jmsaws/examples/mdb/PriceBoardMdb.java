package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A shared subscription to "prices": its two sessions (and any other server's) split the messages. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "prices"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "price-board"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class PriceBoardMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        log.record("price-board (shared)", message);
    }
}
