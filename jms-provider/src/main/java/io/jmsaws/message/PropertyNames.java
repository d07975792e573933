package io.jmsaws.message;


/**
 * What a message property may be called: "property names must obey the rules for a message
 * selector identifier" (Jakarta Messaging 3.1, 3.5.1) — a Java identifier — so that a property can
 * be named in a selector. The selector's reserved words (NULL, TRUE, AND…) are let through: the
 * JORAM conformance suite sets a property named "true", and such a name breaks no selector that
 * does not use it.
 */
public final class PropertyNames {
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
    }
}
