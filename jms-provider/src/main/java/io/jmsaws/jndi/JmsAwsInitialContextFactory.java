package io.jmsaws.jndi;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;

import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

/**
 * JNDI in the ActiveMQ/Qpid style, from the environment (a {@code jndi.properties} on the class
 * path, or the Hashtable given to {@code new InitialContext(env)}):
 * <pre>
 * java.naming.factory.initial = io.jmsaws.jndi.JmsAwsInitialContextFactory
 * connectionFactory.orders = aws://?region=eu-west-1      (or Qpid's lowercase connectionfactory.)
 * queue.orders = orders                                     (JNDI name = SQS queue name)
 * topic.prices = prices
 * </pre>
 * {@code ConnectionFactory} is always bound, unless an entry gives it another URL: to
 * {@code java.naming.provider.url}, or to the embedded backend. {@code dynamicQueues/NAME} and
 * {@code dynamicTopics/NAME} look up destinations that have no entry.
 */
public class JmsAwsInitialContextFactory implements InitialContextFactory {
    static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    static final String QPID_CONNECTION_FACTORY_PREFIX = "connectionfactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Object> bindings = new HashMap<>();
        for (Map.Entry<?, ?> e : environment.entrySet()) {
            String key = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            try {
                if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                    bindings.put(key.substring(CONNECTION_FACTORY_PREFIX.length()), new JmsAwsConnectionFactory(value));
                } else if (key.startsWith(QPID_CONNECTION_FACTORY_PREFIX)) {
                    bindings.put(key.substring(QPID_CONNECTION_FACTORY_PREFIX.length()), new JmsAwsConnectionFactory(value));
                } else if (key.startsWith(QUEUE_PREFIX)) {
                    bindings.put(key.substring(QUEUE_PREFIX.length()), JmsAwsQueue.parse(value));
                } else if (key.startsWith(TOPIC_PREFIX)) {
                    bindings.put(key.substring(TOPIC_PREFIX.length()), JmsAwsTopic.parse(value));
                }
            } catch (IllegalArgumentException | jakarta.jms.JMSException ex) {
                NamingException ne = new NamingException("JNDI entry '" + key + "': " + ex.getMessage());
                ne.setRootCause(ex);
                throw ne;
            }
        }
        if (!bindings.containsKey("ConnectionFactory")) {
            Object url = environment.get(Context.PROVIDER_URL);
            try {
                bindings.put("ConnectionFactory", new JmsAwsConnectionFactory(url == null ? null : url.toString()));
            } catch (IllegalArgumentException ex) {
                NamingException ne = new NamingException(Context.PROVIDER_URL + ": " + ex.getMessage());
                ne.setRootCause(ex);
                throw ne;
            }
        }
        return new MapContext(bindings, environment);
    }
}
