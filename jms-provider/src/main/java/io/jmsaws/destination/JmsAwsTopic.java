package io.jmsaws.destination;

import jakarta.jms.Topic;

/** A JMS Topic: an SNS topic of the same name (with the configured prefix). */
public class JmsAwsTopic extends JmsAwsDestination implements Topic {
    private static final long serialVersionUID = 1L;

    public JmsAwsTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public boolean isTopic() {
        return true;
    }

    @Override
    public String toString() {
        return "topic://" + name();
    }
}
