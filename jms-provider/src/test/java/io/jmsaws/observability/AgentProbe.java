package io.jmsaws.observability;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Run in a JVM with the OpenTelemetry Java agent attached: sends a message with 12 properties and
 * a correlation id through jms-aws and receives it, printing what arrived (OpenTelemetryAgentTest
 * reads the output).
 */
public final class AgentProbe {
    private AgentProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = new JmsAwsConnectionFactory(args[0]).createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = s.createQueue(args[1]);
            TextMessage m = s.createTextMessage("traced");
            m.setJMSCorrelationID("corr-42");
            for (int i = 1; i <= 12; i++) m.setStringProperty("p" + i, "v" + i);
            s.createProducer(q).send(m);
            Message got = s.createConsumer(q).receive(10_000);
            if (got == null) {
                System.out.println("PROBE nothing received");
                return;
            }
            int properties = 0;
            for (int i = 1; i <= 12; i++) if (("v" + i).equals(got.getStringProperty("p" + i))) properties++;
            System.out.println("PROBE text=" + ((TextMessage) got).getText() + " properties=" + properties
                    + " correlation=" + got.getJMSCorrelationID() + " traceparent=" + (got.getStringProperty("traceparent") != null));
        }
    }
}
