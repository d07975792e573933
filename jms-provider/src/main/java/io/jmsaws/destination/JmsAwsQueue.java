package io.jmsaws.destination;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Queue;

/**
 * A JMS Queue: an SQS queue of the same name (with the configured prefix). It may carry creation
 * options ({@link QueueOptions}); they do not change its identity: two Queue objects of one name
 * are the same queue.
 */
public class JmsAwsQueue extends JmsAwsDestination implements Queue {
    private static final long serialVersionUID = 1L;

    private final QueueOptions options;

    public JmsAwsQueue(String name) {
        this(name, QueueOptions.NONE);
    }

    public JmsAwsQueue(String name, QueueOptions options) {
        super(name);
        this.options = options;
    }

    /** A queue from {@code name} or {@code name?option=value&…}. */
    public static JmsAwsQueue parse(String nameWithOptions) throws InvalidDestinationException {
        String name = QueueOptions.nameOf(nameWithOptions);
        return new JmsAwsQueue(name, QueueOptions.parse(nameWithOptions, name.endsWith(".fifo")));
    }

    public QueueOptions options() {
        return options;
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
