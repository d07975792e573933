package io.jmsaws.selector;

/**
 * A node of a parsed selector. Evaluation follows SQL's three-valued logic: {@code null} is
 * "unknown" (a missing property, a comparison of unlike types, arithmetic on null).
 */
interface Expression {
    Object evaluate(Selector.Values values);
}
