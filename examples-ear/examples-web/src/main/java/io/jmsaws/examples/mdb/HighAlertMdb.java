package io.jmsaws.examples.mdb;

import io.jmsaws.examples.ReceivedLog;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A selector on a topic subscription: only alerts with severity 'high' reach this MDB. The selector
 * is also an SNS filter policy, so the others never reach its queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "alerts"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "severity = 'high'")
})
public class HighAlertMdb implements MessageListener {
    @EJB
    private ReceivedLog log;

    @Override
    public void onMessage(Message message) {
        log.record("alerts (severity = 'high')", message);
    }
}
