package io.jmsaws.destination;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Topic;

/**
 * A JMS Topic: an SNS topic of the same name (with the configured prefix). The name may carry
 * creation options ({@link TopicOptions}); they do not change its identity.
 */
public class JmsAwsTopic extends JmsAwsDestination implements Topic {
    private static final long serialVersionUID = 1L;

    private final TopicOptions options;

    public JmsAwsTopic(String name) {
        this(name, TopicOptions.NONE);
    }

    public JmsAwsTopic(String name, TopicOptions options) {
        super(name);
        this.options = options;
    }

    /** A topic from {@code name} or {@code name?maxMessageSize=…}. */
    public static JmsAwsTopic parse(String nameWithOptions) throws InvalidDestinationException {
        int q = nameWithOptions.indexOf('?');
        return new JmsAwsTopic(q < 0 ? nameWithOptions : nameWithOptions.substring(0, q), TopicOptions.parse(nameWithOptions));
    }

    public TopicOptions options() {
        return options == null ? TopicOptions.NONE : options; // null after deserializing an older form
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
