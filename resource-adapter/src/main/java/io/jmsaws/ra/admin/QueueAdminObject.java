package io.jmsaws.ra.admin;

import jakarta.jms.Queue;
import jakarta.resource.Referenceable;

import javax.naming.Reference;
import java.io.Serializable;
import java.util.Objects;

/**
 * A queue bound in the server's JNDI by the administrator: its {@code Name} and, optionally, the
 * creation options the provider applies when it creates the queue
 * ({@code deadLetterQueue=orders-dlq&maxReceiveCount=5}, see the README's queue options).
 */
public class QueueAdminObject implements Queue, Referenceable, Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private String options = "";
    private Reference reference;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOptions() { return options; }
    public void setOptions(String options) { this.options = options == null ? "" : options.trim(); }

    /** The name the provider reads: {@code name?options}. */
    @Override
    public String getQueueName() {
        return options.isEmpty() ? name : name + "?" + options;
    }

    @Override public void setReference(Reference reference) { this.reference = reference; }
    @Override public Reference getReference() { return reference; }

    @Override public boolean equals(Object o) { return o instanceof QueueAdminObject q && Objects.equals(q.name, name) && q.options.equals(options); }
    @Override public int hashCode() { return Objects.hash(name, options); }
    @Override public String toString() { return "queue " + getQueueName(); }
}
