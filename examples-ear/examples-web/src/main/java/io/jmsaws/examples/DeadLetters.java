package io.jmsaws.examples;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What lies in a dead-letter queue, by a JMS QueueBrowser through the adapter's ConnectionFactory:
 * the page shows which messages ended there (the operator console can then redrive them).
 */
@Stateless
public class DeadLetters {
    /** One dead letter: its text and JMSMessageID. */
    public record Letter(String messageId, String text) { }

    @Resource(name = Sender.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Letter> browse(String queue) {
        List<Letter> out = new ArrayList<>();
        try (JMSContext jms = connectionFactory.createContext(); QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                Message m = (Message) o;
                out.add(new Letter(m.getJMSMessageID(), m instanceof TextMessage t ? t.getText() : m.getClass().getSimpleName()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
        return out;
    }
}
