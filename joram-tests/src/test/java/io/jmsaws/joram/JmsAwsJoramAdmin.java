package io.jmsaws.joram;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import io.jmsaws.jndi.MapContext;
import org.objectweb.jtests.jms.admin.Admin;

import javax.naming.Context;
import java.util.Hashtable;
import java.util.Map;

/**
 * JORAM's administration hook: binds factories and destinations of one embedded instance into a
 * JNDI context shared by all tests, and really purges a queue when a test deletes it, so that no
 * test sees another's leftovers.
 */
public class JmsAwsJoramAdmin implements Admin {
    private static final String INSTANCE = "joram";
    private static final String URL = "embedded://" + INSTANCE;
    private static final MapContext CONTEXT = new MapContext(Map.of(), new Hashtable<>());

    private final EmbeddedSqsAsyncClient sqs = new EmbeddedSqsAsyncClient(EmbeddedSqs.instance(INSTANCE));

    @Override
    public String getName() {
        return "jms-aws";
    }

    @Override
    public Context createContext() {
        return CONTEXT;
    }

    @Override public void createConnectionFactory(String name) { CONTEXT.rebind(name, new JmsAwsConnectionFactory(URL)); }
    @Override public void createQueueConnectionFactory(String name) { createConnectionFactory(name); }
    @Override public void createTopicConnectionFactory(String name) { createConnectionFactory(name); }
    @Override public void createQueue(String name) { CONTEXT.rebind(name, new JmsAwsQueue(name)); }
    @Override public void createTopic(String name) { CONTEXT.rebind(name, new JmsAwsTopic(name)); }

    @Override
    public void deleteQueue(String name) {
        CONTEXT.unbind(name);
        sqs.getQueueUrl(b -> b.queueName(name))
                .thenCompose(r -> sqs.purgeQueue(b -> b.queueUrl(r.queueUrl())))
                .handle((r, e) -> null) // a queue no test used does not exist: nothing to purge
                .join();
    }

    @Override public void deleteTopic(String name) { CONTEXT.unbind(name); }
    @Override public void deleteConnectionFactory(String name) { CONTEXT.unbind(name); }
    @Override public void deleteQueueConnectionFactory(String name) { CONTEXT.unbind(name); }
    @Override public void deleteTopicConnectionFactory(String name) { CONTEXT.unbind(name); }
    @Override public void startServer() { }
    @Override public void stopServer() { }
    @Override public void start() { }
    @Override public void stop() { }
}
