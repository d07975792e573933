package io.jmsaws.it.large;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Receives large messages (their bodies in S3) and reports each one's size and first line to the
 * "audit" queue, in its own container-managed transaction, through the pooled ConnectionFactory.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "large")
})
public class LargeMessageMdb implements MessageListener {
    @Resource(lookup = "java:/jms/aws/ConnectionFactory") // a test deployment for WildFly: its name there
    private ConnectionFactory connectionFactory;

    @Override
    public void onMessage(Message message) {
        try (JMSContext jms = connectionFactory.createContext()) {
            String text = ((TextMessage) message).getText();
            String firstLine = text.substring(0, text.indexOf('\n'));
            jms.createProducer().send(jms.createQueue("audit"), "large " + firstLine + " " + text.length() + " characters");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
