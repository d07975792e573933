package io.jmsaws.destination;

import jakarta.jms.Queue;

/** A JMS Queue: an SQS queue of the same name (with the configured prefix). */
public class JmsAwsQueue extends JmsAwsDestination implements Queue {
    private static final long serialVersionUID = 1L;

    public JmsAwsQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public boolean isTopic() {
        return false;
    }

    @Override
    public String toString() {
        return "queue://" + name();
    }
}
