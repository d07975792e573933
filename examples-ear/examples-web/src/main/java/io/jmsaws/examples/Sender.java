package io.jmsaws.examples;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;

import java.util.Map;

/**
 * Sends through the resource adapter's pooled ConnectionFactory. Each method runs in a JTA
 * transaction (container-managed): the messages go out only when it commits.
 */
@Stateless
public class Sender {
    /**
     * A standard resource reference (declared by the annotation below), mapped to the server's name for the adapter's
     * pooled ConnectionFactory by jboss-web.xml (WildFly) and glassfish-web.xml (Payara, GlassFish).
     */
    public static final String CONNECTION_FACTORY = "jms/ConnectionFactory";

    @Resource(name = CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource
    private SessionContext context;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private ReceivedLog log;

    /** Sends {@code texts} to a queue or topic with the given string properties, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void send(String destination, boolean topic, Map<String, String> properties, String... texts) {
        try (JMSContext jms = connectionFactory.createContext()) {
            Destination d = topic ? jms.createTopic(destination) : jms.createQueue(destination);
            JMSProducer producer = jms.createProducer();
            properties.forEach(producer::setProperty);
            for (String text : texts) producer.send(d, text);
        }
    }

    /** Sends one message and then rolls the transaction back when asked: nothing must arrive then. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendAndMaybeRollBack(String queue, String text, boolean rollBack) {
        // what the page shows is what the transaction did, known only once it has ended
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override public void beforeCompletion() { }
            @Override public void afterCompletion(int status) {
                log.recordSend(queue, text, status == Status.STATUS_COMMITTED ? "sent (committed)" : "rolled back: nothing sent");
            }
        });
        send(queue, false, Map.of(), text);
        if (rollBack) context.setRollbackOnly();
    }
}
