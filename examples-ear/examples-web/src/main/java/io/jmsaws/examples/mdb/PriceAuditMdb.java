package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A durable subscription to the SNS topic "prices": it keeps what is published while the application is down. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "prices"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "price-audit"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "jms-aws-examples")
})
public class PriceAuditMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        log.record("price-audit (durable)", message);
    }
}
