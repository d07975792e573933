package io.jmsaws.destination;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A real SNS topic with a unique name, deleted when its connection closes; only that connection may subscribe. */
public class JmsAwsTemporaryTopic extends JmsAwsTopic implements TemporaryTopic {
    private static final long serialVersionUID = 1L;

    /** What deleting means; set by the connection that created the topic. */
    public interface Owner {
        void deleteTemporaryTopic(JmsAwsTemporaryTopic topic) throws JMSException;

        boolean owns(JmsAwsTemporaryTopic topic);
    }

    private final transient Owner owner;

    public JmsAwsTemporaryTopic(String name, Owner owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null || !owner.owns(this)) {
            throw new jakarta.jms.IllegalStateException("only the connection that created " + this + " can delete it");
        }
        owner.deleteTemporaryTopic(this);
    }
}
