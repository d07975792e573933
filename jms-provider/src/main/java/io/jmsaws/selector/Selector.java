package io.jmsaws.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A JMS message selector, parsed once and evaluated against each message with the spec's exact
 * semantics. Header fields are JMSDeliveryMode ('PERSISTENT' / 'NON_PERSISTENT'), JMSPriority,
 * JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType; every other identifier is a property
 * (a missing one is null, "unknown").
 */
public final class Selector {
    /** Where identifiers get their values. */
    @FunctionalInterface
    public interface Values {
        Object get(String identifier);
    }

    private final String text;
    private final Expression expression;

    private Selector(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /** The selector, or null when the text is null or blank (which selects every message). */
    public static Selector parse(String text) throws InvalidSelectorException {
        if (text == null || text.isBlank()) return null;
        return new Selector(text, Parser.parse(text));
    }

    public String text() {
        return text;
    }

    Expression expression() {
        return expression;
    }

    public boolean matches(Values values) {
        return Boolean.TRUE.equals(expression.evaluate(values));
    }

    public boolean matches(Message m) {
        return matches(name -> valueOf(m, name));
    }

    private static Object valueOf(Message m, String name) {
        try {
            return switch (name) {
                case "JMSDeliveryMode" -> m.getJMSDeliveryMode() == DeliveryMode.PERSISTENT ? "PERSISTENT" : "NON_PERSISTENT";
                case "JMSPriority" -> m.getJMSPriority();
                case "JMSMessageID" -> m.getJMSMessageID();
                case "JMSTimestamp" -> m.getJMSTimestamp();
                case "JMSCorrelationID" -> m.getJMSCorrelationID();
                case "JMSType" -> m.getJMSType();
                default -> m.getObjectProperty(name);
            };
        } catch (JMSException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
