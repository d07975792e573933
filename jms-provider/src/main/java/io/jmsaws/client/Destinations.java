package io.jmsaws.client;

import io.jmsaws.destination.JmsAwsDestination;
import io.jmsaws.destination.JmsAwsQueue;
import io.jmsaws.destination.JmsAwsTopic;
import io.jmsaws.provider.Provider;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;

/**
 * Destinations as a session accepts them: names checked against the service's rules when the
 * destination is made, and another implementation's named Queue or Topic (an application server's
 * admin object, say) taken by its name.
 */
final class Destinations {
    private final Provider provider;

    Destinations(Provider provider) {
        this.provider = provider;
    }

    /** A queue by its name (with creation options), the name checked against the service's rules. */
    JmsAwsQueue queue(String nameWithOptions) throws JMSException {
        JmsAwsQueue queue = JmsAwsQueue.parse(nameWithOptions);
        provider.checkQueueName(queue.name());
        return queue;
    }

    /** A topic by its name (with creation options), the name checked against the service's rules. */
    JmsAwsTopic topic(String nameWithOptions) throws JMSException {
        JmsAwsTopic topic = JmsAwsTopic.parse(nameWithOptions);
        provider.checkTopicName(topic.name());
        return topic;
    }

    JmsAwsDestination check(Destination d) throws JMSException {
        if (d == null) throw new InvalidDestinationException("the destination must not be null");
        if (d instanceof JmsAwsDestination jd) return jd;
        // a temporary one of another implementation cannot be taken by its name: its queue belongs to a connection of that implementation
        if (d instanceof Queue q && !(d instanceof TemporaryQueue) && q.getQueueName() != null) return queue(q.getQueueName());
        if (d instanceof Topic t && !(d instanceof TemporaryTopic) && t.getTopicName() != null) return topic(t.getTopicName());
        throw new InvalidDestinationException("destination " + d + " (" + d.getClass().getName()
                + ") was not made by jms-aws and is not a named Queue or Topic; create it with Session.createQueue/createTopic");
    }

    JmsAwsQueue checkQueue(Destination d) throws JMSException {
        if (!(check(d) instanceof JmsAwsQueue q)) throw new InvalidDestinationException(d + " is a topic; a queue is needed here");
        return q;
    }

    JmsAwsTopic checkTopic(Topic t) throws JMSException {
        if (!(check(t) instanceof JmsAwsTopic topic)) throw new InvalidDestinationException(t + " is not a topic");
        return topic;
    }
}
