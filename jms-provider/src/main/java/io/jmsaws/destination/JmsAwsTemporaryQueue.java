package io.jmsaws.destination;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A real SQS queue with a unique name, deleted when its connection closes. Only the connection
 * that created it may consume from it.
 */
public class JmsAwsTemporaryQueue extends JmsAwsQueue implements TemporaryQueue {
    private static final long serialVersionUID = 1L;

    /** What deleting means; set by the connection that created the queue. */
    public interface Owner {
        void deleteTemporaryQueue(JmsAwsTemporaryQueue queue) throws JMSException;

        boolean owns(JmsAwsTemporaryQueue queue);
    }

    private final transient Owner owner;

    public JmsAwsTemporaryQueue(String name, Owner owner) {
        super(name);
        this.owner = owner;
    }

    public Owner owner() {
        return owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null || !owner.owns(this)) {
            throw new jakarta.jms.IllegalStateException("only the connection that created " + this + " can delete it");
        }
        owner.deleteTemporaryQueue(this);
    }
}
