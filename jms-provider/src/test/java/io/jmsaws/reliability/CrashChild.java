package io.jmsaws.reliability;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The process {@link CrashTest} kills with SIGKILL: it takes messages and holds them — unacknowledged
 * ({@code hold}) or inside an uncommitted transaction that also sent some ({@code transact}) — then
 * says READY and waits to die.
 * <p>Arguments: mode, connection URL, input queue, count, output queue (transact only).
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int count = Integer.parseInt(args[3]);
        Connection c = new JmsAwsConnectionFactory(args[1]).createConnection();
        c.start();
        Session s = c.createSession(mode.equals("transact") ? Session.SESSION_TRANSACTED : Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(s.createQueue(args[2]));
        MessageProducer out = mode.equals("transact") ? s.createProducer(s.createQueue(args[4])) : null;
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Message m = consumer.receive(30_000);
            if (m == null) throw new IllegalStateException("only " + i + " messages arrived");
            ids.append(' ').append(m.getStringProperty("n"));
            if (out != null) out.send(s.createTextMessage("sent by the doomed transaction"));
        }
        System.out.println("READY" + ids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // killed here: no acknowledge, no commit, no close
    }
}
