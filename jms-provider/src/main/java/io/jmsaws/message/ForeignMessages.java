package io.jmsaws.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.util.Enumeration;

/** Copies a message made by another JMS provider into ours, so it can be sent (spec 3.12). */
public final class ForeignMessages {
    private ForeignMessages() {
    }

    public static JmsAwsMessage copy(Message foreign) throws JMSException {
        JmsAwsMessage m;
        if (foreign instanceof TextMessage t) {
            m = new JmsAwsTextMessage(t.getText());
        } else if (foreign instanceof BytesMessage b) {
            JmsAwsBytesMessage copy = new JmsAwsBytesMessage();
            b.reset();
            byte[] body = new byte[(int) b.getBodyLength()];
            b.readBytes(body);
            copy.writeBytes(body);
            m = copy;
        } else if (foreign instanceof MapMessage map) {
            JmsAwsMapMessage copy = new JmsAwsMapMessage();
            for (Enumeration<?> e = map.getMapNames(); e.hasMoreElements(); ) {
                String name = (String) e.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            m = copy;
        } else if (foreign instanceof ObjectMessage o) {
            JmsAwsObjectMessage copy = new JmsAwsObjectMessage();
            copy.setObject(o.getObject());
            m = copy;
        } else if (foreign instanceof StreamMessage s) {
            JmsAwsStreamMessage copy = new JmsAwsStreamMessage();
            s.reset();
            while (true) {
                try {
                    copy.writeObject(s.readObject());
                } catch (jakarta.jms.MessageEOFException end) {
                    break;
                }
            }
            m = copy;
        } else {
            m = new JmsAwsMessage();
        }
        m.setJMSMessageID(foreign.getJMSMessageID());
        m.setJMSTimestamp(foreign.getJMSTimestamp());
        m.setJMSCorrelationID(foreign.getJMSCorrelationID());
        m.setJMSReplyTo(foreign.getJMSReplyTo());
        m.setJMSDestination(foreign.getJMSDestination());
        m.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        m.setJMSType(foreign.getJMSType());
        m.setJMSExpiration(foreign.getJMSExpiration());
        m.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        m.setJMSPriority(foreign.getJMSPriority());
        for (Enumeration<?> e = foreign.getPropertyNames(); e.hasMoreElements(); ) {
            String name = (String) e.nextElement();
            m.setObjectProperty(name, foreign.getObjectProperty(name));
        }
        return m;
    }
}
