package io.jmsaws.it.bad;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** An MDB whose activation is wrong: it must fail its deployment with a message naming maxSession. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "never-used"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "0")
})
public class ZeroSessionsMdb implements MessageListener {
    @Override
    public void onMessage(Message message) {
        throw new AssertionError("must never be activated");
    }
}
