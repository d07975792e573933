package io.jmsaws.destination;

import jakarta.jms.Destination;

import java.io.Serializable;
import java.util.Objects;

/** A queue or topic by its JMS name; the physical SQS/SNS name adds the configured prefix. */
public abstract class JmsAwsDestination implements Destination, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;

    protected JmsAwsDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public boolean isFifo() {
        return name.endsWith(".fifo");
    }

    public abstract boolean isTopic();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JmsAwsDestination) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }
}
