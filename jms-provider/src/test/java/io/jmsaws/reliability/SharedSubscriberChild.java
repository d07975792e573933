package io.jmsaws.reliability;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The second JVM of {@link SharedSubscriptionAcrossJvmsTest}, round after round: says READY, opens
 * a shared consumer when told "GO round" (at the moment the parent opens its own), says SUBSCRIBED,
 * prints every message it receives as "GOT text" until nothing came for 3 s, closes, says DONE.
 * <p>Arguments: connection URL, topic, subscription name.
 */
public final class SharedSubscriberChild {
    private SharedSubscriberChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = new JmsAwsConnectionFactory(args[0]).createConnection()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            // warm up (class loading, first requests), so that the subscribe after GO is as quick as the parent's
            s.createSharedConsumer(s.createTopic(args[1]), args[2] + "-warm-up").close();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String round; ; ) {
                System.out.println("READY");
                System.out.flush();
                if ((round = in.readLine()) == null || !round.startsWith("GO ")) return;
                MessageConsumer consumer = s.createSharedConsumer(s.createTopic(args[1]), args[2] + "-" + round.substring(3));
                System.out.println("SUBSCRIBED");
                System.out.flush();
                for (Message m; (m = consumer.receive(3_000)) != null; ) System.out.println("GOT " + ((TextMessage) m).getText());
                consumer.close();
                System.out.println("DONE");
                System.out.flush();
            }
        }
    }
}
