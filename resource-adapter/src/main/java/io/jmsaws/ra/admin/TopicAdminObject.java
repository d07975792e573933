package io.jmsaws.ra.admin;

import jakarta.jms.Topic;
import jakarta.resource.Referenceable;

import javax.naming.Reference;
import java.io.Serializable;
import java.util.Objects;

/** A topic (an SNS topic of that {@code Name}) bound in the server's JNDI by the administrator. */
public class TopicAdminObject implements Topic, Referenceable, Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private Reference reference;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    @Override public String getTopicName() { return name; }

    @Override public void setReference(Reference reference) { this.reference = reference; }
    @Override public Reference getReference() { return reference; }

    @Override public boolean equals(Object o) { return o instanceof TopicAdminObject t && Objects.equals(t.name, name); }
    @Override public int hashCode() { return Objects.hashCode(name); }
    @Override public String toString() { return "topic " + name; }
}
