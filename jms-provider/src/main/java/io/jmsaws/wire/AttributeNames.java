package io.jmsaws.wire;

/**
 * JMS property names ⇄ SQS message attribute names. SQS allows only {@code A-Za-z0-9_-.} (no
 * leading, trailing or double period, no {@code AWS.}/{@code Amazon.} prefix); JMS allows any Java
 * identifier. Every other character, and {@code -} and {@code .} themselves, is written as
 * {@code -XXXX} (its UTF-16 code unit in hex), so the mapping is reversible and a name made only
 * of letters, digits and underscores (nearly all of them) is unchanged on the wire.
 */
public final class AttributeNames {
    private AttributeNames() {
    }

    public static String encode(String jmsName) {
        StringBuilder sb = null;
        for (int i = 0; i < jmsName.length(); i++) {
            char c = jmsName.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            if (plain) {
                if (sb != null) sb.append(c);
            } else {
                if (sb == null) sb = new StringBuilder(jmsName.length() + 8).append(jmsName, 0, i);
                sb.append('-').append(String.format("%04X", (int) c));
            }
        }
        return sb == null ? jmsName : sb.toString();
    }

    /** Reverses {@link #encode}; a name that is not in that form (a plain SQS producer's) is kept as it is. */
    public static String decode(String attributeName) {
        if (attributeName.indexOf('-') < 0) return attributeName;
        StringBuilder sb = new StringBuilder(attributeName.length());
        for (int i = 0; i < attributeName.length(); i++) {
            char c = attributeName.charAt(i);
            if (c != '-') {
                sb.append(c);
                continue;
            }
            if (i + 5 > attributeName.length()) return attributeName;
            try {
                sb.append((char) Integer.parseInt(attributeName.substring(i + 1, i + 5), 16));
            } catch (NumberFormatException e) {
                return attributeName;
            }
            i += 4;
        }
        return sb.toString();
    }
}
