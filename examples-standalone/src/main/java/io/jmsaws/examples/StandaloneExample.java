package io.jmsaws.examples;

import io.jmsaws.embedded.EmbeddedSqs;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import javax.naming.InitialContext;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A plain JMS program: nothing in it is specific to jms-aws except jndi.properties. It runs on the
 * embedded backend (no AWS account, no Docker) and prints what it sends and receives, and what
 * the same traffic would have cost in SQS requests.
 */
public final class StandaloneExample {
    public static void main(String[] args) throws Exception {
        InitialContext jndi = new InitialContext(); // reads jndi.properties
        ConnectionFactory factory = (ConnectionFactory) jndi.lookup("shop");
        Queue orders = (Queue) jndi.lookup("orders");
        Queue invoices = (Queue) jndi.lookup("invoices");

        try (JMSContext context = factory.createContext()) {
            // 1. a listener on the orders queue
            int count = 5;
            CountDownLatch received = new CountDownLatch(count);
            context.createConsumer(orders).setMessageListener(message -> {
                System.out.println("  received  " + describe(message));
                received.countDown();
            });

            // 2. send a few orders, with properties
            System.out.println("Sending " + count + " orders to queue '" + orders.getQueueName() + "':");
            for (int i = 1; i <= count; i++) {
                String body = "order #" + i;
                context.createProducer().setProperty("customer", "customer-" + (i % 2)).setProperty("amount", i * 10.5)
                        .send(orders, body);
                System.out.println("  sent      " + body);
            }
            if (!received.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("not every order arrived");

            // 3. a transaction on a FIFO queue: three invoices of one customer, in order, sent at commit
            try (JMSContext tx = context.createContext(JMSContext.SESSION_TRANSACTED)) {
                System.out.println("Sending 3 invoices to FIFO queue '" + invoices.getQueueName() + "' in one transaction:");
                for (int i = 1; i <= 3; i++) {
                    TextMessage invoice = tx.createTextMessage("invoice " + i + " for customer-1");
                    invoice.setStringProperty("JMSXGroupID", "customer-1");
                    tx.createProducer().send(invoices, invoice);
                }
                tx.commit();
            }
            JMSConsumer invoiceConsumer = context.createConsumer(invoices);
            for (int i = 1; i <= 3; i++) {
                Message m = invoiceConsumer.receive(5_000);
                System.out.println("  received  " + describe(m) + " (group " + m.getStringProperty("JMSXGroupID")
                        + ", SQS sequence " + m.getStringProperty("JMS_SQS_SequenceNumber") + ")");
            }
        }

        Map<EmbeddedSqs.Operation, Long> requests = EmbeddedSqs.instance("example").requestCounts();
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("SQS requests this would have cost: " + total + " " + requests);
        System.out.println("Done: 8 messages sent and received on the embedded backend.");
    }

    private static String describe(Message m) {
        try {
            String text = m instanceof TextMessage t ? t.getText() : m.getClass().getSimpleName();
            return text + (m.propertyExists("customer") ? " [customer=" + m.getStringProperty("customer")
                    + ", amount=" + m.getDoubleProperty("amount") + "]" : "");
        } catch (JMSException e) {
            return m.toString();
        }
    }
}
