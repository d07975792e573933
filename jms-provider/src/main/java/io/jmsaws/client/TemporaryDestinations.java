package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsTemporaryQueue;
import io.jmsaws.destination.JmsAwsTemporaryTopic;
import io.jmsaws.provider.Provider;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's temporary queues and topics: made with a unique name, consumed only by the
 * connection that made them, deleted by it or when it closes (spec 6.2.11). Should the process
 * die first, the provider's sweep removes them.
 */
final class TemporaryDestinations implements JmsAwsTemporaryQueue.Owner, JmsAwsTemporaryTopic.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDestinations.class);

    private final JmsAwsConnection connection;
    private final Provider provider;
    private final Set<JmsAwsTemporaryQueue> queues = ConcurrentHashMap.newKeySet();
    private final Set<JmsAwsTemporaryTopic> topics = ConcurrentHashMap.newKeySet();

    TemporaryDestinations(JmsAwsConnection connection, Provider provider) {
        this.connection = connection;
        this.provider = provider;
    }

    /** A fresh name for a temporary queue or topic (the provider's sweep finds orphaned queues by its prefix). */
    private static String temporaryName() {
        return "jmsaws-tmp-" + UUID.randomUUID().toString().replace("-", "");
    }

    JmsAwsTemporaryQueue createQueue() throws JMSException {
        JmsAwsTemporaryQueue q = new JmsAwsTemporaryQueue(temporaryName(), this);
        provider.createTemporaryQueue(q);
        queues.add(q);
        return q;
    }

    JmsAwsTemporaryTopic createTopic() throws JMSException {
        JmsAwsTemporaryTopic t = new JmsAwsTemporaryTopic(temporaryName(), this);
        provider.createTemporaryTopic(t);
        topics.add(t);
        return t;
    }

    @Override
    public boolean owns(JmsAwsTemporaryQueue queue) {
        return queues.contains(queue);
    }

    @Override
    public boolean owns(JmsAwsTemporaryTopic topic) {
        return topics.contains(topic);
    }

    @Override
    public void deleteTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException {
        connection.checkOpen();
        checkNoConsumers(queue);
        if (queues.remove(queue)) provider.deleteTemporaryQueue(queue);
    }

    @Override
    public void deleteTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException {
        connection.checkOpen();
        checkNoConsumers(topic);
        if (topics.remove(topic)) deleteTopic(topic);
    }

    /** Deleting a temporary destination that still has consumers is an error (spec 6.2.11). */
    private void checkNoConsumers(JmsAwsDestination destination) throws IllegalStateException {
        if (connection.hasConsumerOn(destination)) {
            throw new IllegalStateException("temporary destination " + destination + " still has consumers; close them before deleting it");
        }
    }

    private void deleteTopic(JmsAwsTemporaryTopic topic) {
        try {
            provider.deleteTemporaryTopic(topic);
        } catch (JMSException | RuntimeException e) {
            LOG.warn("could not delete temporary topic {}: {}", topic, e.getMessage());
        }
    }

    /** The connection closes: every temporary destination goes with it. */
    void deleteAll() {
        for (JmsAwsTemporaryQueue q : queues) {
            try {
                provider.deleteTemporaryQueue(q);
            } catch (JMSException e) {
                LOG.warn("could not delete temporary queue {}: {}", q, e.getMessage());
            }
        }
        queues.clear();
        for (JmsAwsTemporaryTopic t : topics) deleteTopic(t);
        topics.clear();
    }
}
