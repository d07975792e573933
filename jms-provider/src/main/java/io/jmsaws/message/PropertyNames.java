package io.jmsaws.message;

import java.util.Locale;
import java.util.Set;

/**
 * What a message property may be called: "property names must obey the rules for a message
 * selector identifier" (Jakarta Messaging 3.1, 3.5.1) — a Java identifier that is none of the
 * selector's reserved words — so that every property set can be named in a selector.
 */
public final class PropertyNames {
    private static final Set<String> RESERVED = Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS",
            "ESCAPE");

    private PropertyNames() {
    }

    /** Throws IllegalArgumentException naming the rule when {@code name} cannot be a property's name. */
    public static void check(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a property name must not be null or empty");
        boolean identifier = Character.isJavaIdentifierStart(name.charAt(0));
        for (int i = 1; identifier && i < name.length(); i++) identifier = Character.isJavaIdentifierPart(name.charAt(i));
        if (!identifier) {
            throw new IllegalArgumentException("'" + name + "' is not a valid property name: it must be a Java identifier"
                    + " (letters, digits, '_' and '$', not starting with a digit), the rule for selector identifiers (spec 3.5.1)");
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + name + "' is not a valid property name: it is a reserved word of the selector"
                    + " syntax (NULL, TRUE, FALSE, NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE)");
        }
    }
}
