package io.jmsaws.ra.inbound;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What an MDB asks for: the ActiveMQ Artemis RA's property names where the concept is the same,
 * so that MDBs move over unchanged, plus ours ({@code maxMessages}, {@code waitTimeSeconds},
 * redelivery). {@link #validate()} names the property that is wrong.
 */
public class JmsAwsActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;
    static final String QUEUE_TYPE = "jakarta.jms.Queue";
    static final String TOPIC_TYPE = "jakarta.jms.Topic";
    /** Deliveries at once when the MDB does not say: one WorkManager thread each. */
    static final int DEFAULT_MAX_SESSION = 4;

    private transient ResourceAdapter resourceAdapter;

    private String destination;
    private String destinationLookup;
    private String destinationType = QUEUE_TYPE;
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private Integer maxSession;
    private Integer maxMessages;
    private Integer waitTimeSeconds;
    private Long redeliveryDelay;
    private Double redeliveryBackoff;
    private Long maxRedeliveryDelay;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        boolean hasName = destination != null && !destination.isBlank();
        boolean hasLookup = destinationLookup != null && !destinationLookup.isBlank();
        if (!hasName && !hasLookup) problem(problems, properties, "destination", "either 'destination' (a queue or topic name) or 'destinationLookup' (a JNDI name) is needed");
        if (hasName && hasLookup) problem(problems, properties, "destinationLookup", "give 'destination' or 'destinationLookup', not both");
        if (!isQueue() && !isTopic()) {
            problem(problems, properties, "destinationType", "'destinationType' must be jakarta.jms.Queue or jakarta.jms.Topic, not '" + destinationType + "'");
        }
        if (!"Auto-acknowledge".equalsIgnoreCase(acknowledgeMode) && !"Dups-ok-acknowledge".equalsIgnoreCase(acknowledgeMode)) {
            problem(problems, properties, "acknowledgeMode", "'acknowledgeMode' must be Auto-acknowledge or Dups-ok-acknowledge, not '" + acknowledgeMode + "'");
        }
        if (!"Durable".equalsIgnoreCase(subscriptionDurability) && !"NonDurable".equalsIgnoreCase(subscriptionDurability)) {
            problem(problems, properties, "subscriptionDurability", "'subscriptionDurability' must be Durable or NonDurable, not '" + subscriptionDurability + "'");
        }
        if (isQueue() && (isDurable() || isShared())) {
            problem(problems, properties, "subscriptionDurability", "'subscriptionDurability=Durable' and 'shareSubscriptions=true' are for topics; the destination is a queue");
        }
        if (isTopic() && (isDurable() || isShared()) && blank(subscriptionName)) {
            problem(problems, properties, "subscriptionName", "a durable or shared subscription needs 'subscriptionName'");
        }
        if (isTopic() && isDurable() && !isShared() && blank(clientId)) {
            problem(problems, properties, "clientId", "an unshared durable subscription needs 'clientId' (or set 'shareSubscriptions=true')");
        }
        if (maxSession != null && (maxSession < 1 || maxSession > 100)) {
            problem(problems, properties, "maxSession", "'maxSession' must be from 1 to 100, not " + maxSession);
        }
        if (maxSession != null && maxSession > 1 && isTopic() && !isShared()) {
            problem(problems, properties, "maxSession", "'maxSession' = " + maxSession + " on an unshared topic subscription would deliver every message "
                    + maxSession + " times; set 'shareSubscriptions=true' or maxSession=1");
        }
        if (maxMessages != null && (maxMessages < 1 || maxMessages > 10)) {
            problem(problems, properties, "maxMessages", "'maxMessages' must be from 1 to 10 (SQS ReceiveMessage's limit), not " + maxMessages);
        }
        if (waitTimeSeconds != null && (waitTimeSeconds < 0 || waitTimeSeconds > 20)) {
            problem(problems, properties, "waitTimeSeconds", "'waitTimeSeconds' must be from 0 to 20 (SQS long polling's limit), not " + waitTimeSeconds);
        }
        if (redeliveryDelay != null && (redeliveryDelay < 0 || redeliveryDelay > 43_200_000L)) {
            problem(problems, properties, "redeliveryDelay", "'redeliveryDelay' must be from 0 to 43200000 ms (SQS's 12-hour visibility limit), not " + redeliveryDelay);
        }
        if (maxRedeliveryDelay != null && (maxRedeliveryDelay < 0 || maxRedeliveryDelay > 43_200_000L)) {
            problem(problems, properties, "maxRedeliveryDelay", "'maxRedeliveryDelay' must be from 0 to 43200000 ms, not " + maxRedeliveryDelay);
        }
        if (redeliveryBackoff != null && (redeliveryBackoff < 1.0 || redeliveryBackoff > 100.0)) {
            problem(problems, properties, "redeliveryBackoff", "'redeliveryBackoff' must be from 1.0 to 100.0, not " + redeliveryBackoff);
        }
        if (!problems.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException("invalid jms-aws activation properties: " + String.join("; ", problems));
            e.setInvalidPropertyDescriptors(descriptors(properties));
            throw e;
        }
    }

    private static void problem(List<String> problems, List<String> properties, String property, String message) {
        problems.add(message);
        properties.add(property);
    }

    private PropertyDescriptor[] descriptors(List<String> properties) {
        List<PropertyDescriptor> out = new ArrayList<>();
        for (String p : properties) {
            try {
                out.add(new PropertyDescriptor(p, JmsAwsActivationSpec.class));
            } catch (java.beans.IntrospectionException e) {
                // the message names it anyway
            }
        }
        return out.toArray(new PropertyDescriptor[0]);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isQueue() {
        return QUEUE_TYPE.equals(destinationType) || "javax.jms.Queue".equals(destinationType) || "Queue".equalsIgnoreCase(destinationType);
    }

    public boolean isTopic() {
        return TOPIC_TYPE.equals(destinationType) || "javax.jms.Topic".equals(destinationType) || "Topic".equalsIgnoreCase(destinationType);
    }

    public boolean isDurable() {
        return "Durable".equalsIgnoreCase(subscriptionDurability);
    }

    public boolean isShared() {
        return Boolean.TRUE.equals(shareSubscriptions);
    }

    /** Concurrent deliveries: as asked, else 4 on queues and shared subscriptions, 1 on an unshared subscription. */
    public int effectiveMaxSession() {
        if (maxSession != null) return maxSession;
        return isTopic() && !isShared() ? 1 : DEFAULT_MAX_SESSION;
    }

    @Override public ResourceAdapter getResourceAdapter() { return resourceAdapter; }
    @Override public void setResourceAdapter(ResourceAdapter ra) { this.resourceAdapter = ra; }

    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public String getDestinationLookup() { return destinationLookup; }
    public void setDestinationLookup(String destinationLookup) { this.destinationLookup = destinationLookup; }
    public String getDestinationType() { return destinationType; }
    public void setDestinationType(String destinationType) { this.destinationType = destinationType; }
    public String getMessageSelector() { return messageSelector; }
    public void setMessageSelector(String messageSelector) { this.messageSelector = messageSelector; }
    public String getAcknowledgeMode() { return acknowledgeMode; }
    public void setAcknowledgeMode(String acknowledgeMode) { this.acknowledgeMode = acknowledgeMode; }
    public String getSubscriptionDurability() { return subscriptionDurability; }
    public void setSubscriptionDurability(String subscriptionDurability) { this.subscriptionDurability = subscriptionDurability; }
    public String getSubscriptionName() { return subscriptionName; }
    public void setSubscriptionName(String subscriptionName) { this.subscriptionName = subscriptionName; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public Boolean getShareSubscriptions() { return shareSubscriptions; }
    public void setShareSubscriptions(Boolean shareSubscriptions) { this.shareSubscriptions = shareSubscriptions; }
    public Integer getMaxSession() { return maxSession; }
    public void setMaxSession(Integer maxSession) { this.maxSession = maxSession; }
    public Integer getMaxMessages() { return maxMessages; }
    public void setMaxMessages(Integer maxMessages) { this.maxMessages = maxMessages; }
    public Integer getWaitTimeSeconds() { return waitTimeSeconds; }
    public void setWaitTimeSeconds(Integer waitTimeSeconds) { this.waitTimeSeconds = waitTimeSeconds; }
    public Long getRedeliveryDelay() { return redeliveryDelay; }
    public void setRedeliveryDelay(Long redeliveryDelay) { this.redeliveryDelay = redeliveryDelay; }
    public Double getRedeliveryBackoff() { return redeliveryBackoff; }
    public void setRedeliveryBackoff(Double redeliveryBackoff) { this.redeliveryBackoff = redeliveryBackoff; }
    public Long getMaxRedeliveryDelay() { return maxRedeliveryDelay; }
    public void setMaxRedeliveryDelay(Long maxRedeliveryDelay) { this.maxRedeliveryDelay = maxRedeliveryDelay; }

    @Override
    public String toString() {
        return "JmsAwsActivationSpec[" + (destination != null ? destination : destinationLookup) + " (" + destinationType + ")"
                + (messageSelector != null ? ", selector " + messageSelector : "")
                + (subscriptionName != null ? ", subscription " + subscriptionName : "") + ", maxSession " + effectiveMaxSession() + "]";
    }
}
