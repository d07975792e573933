package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Rolls back its container-managed transaction on a message's first delivery (without throwing):
 * the message comes back, redelivered, after a 500 ms redelivery delay, and then succeeds.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "retry-once"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "500"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class RetryOnceMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            if (!message.getJMSRedelivered()) {
                log.record("retry-once (rolled back)", message, "rolled back");
                context.setRollbackOnly();
                return;
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        log.record("retry-once", message);
    }
}
