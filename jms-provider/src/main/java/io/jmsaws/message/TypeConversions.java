package io.jmsaws.message;

import jakarta.jms.MessageFormatException;

/**
 * The JMS value conversion table (spec 3.5.4 for properties, 3.11.3 for Map and Stream bodies).
 * A value may be read as its own type, a wider type of the same kind, or a String; a String may
 * be read as any primitive through its {@code valueOf}. Everything else is a MessageFormatException.
 * A null value read as a primitive behaves like {@code valueOf(null)} (false for boolean,
 * NumberFormatException for numbers), as the spec requires.
 */
public final class TypeConversions {
    private TypeConversions() {
    }

    public static boolean toBoolean(Object v) throws MessageFormatException {
        if (v instanceof Boolean b) return b;
        if (v == null || v instanceof String) return Boolean.valueOf((String) v);
        throw cannot(v, "boolean");
    }

    public static byte toByte(Object v) throws MessageFormatException {
        if (v instanceof Byte b) return b;
        if (v == null || v instanceof String) return Byte.valueOf((String) v);
        throw cannot(v, "byte");
    }

    public static short toShort(Object v) throws MessageFormatException {
        if (v instanceof Short s) return s;
        if (v instanceof Byte b) return b;
        if (v == null || v instanceof String) return Short.valueOf((String) v);
        throw cannot(v, "short");
    }

    public static char toChar(Object v) throws MessageFormatException {
        if (v instanceof Character c) return c;
        if (v == null) throw new NullPointerException("a null value cannot be read as char");
        throw cannot(v, "char");
    }

    public static int toInt(Object v) throws MessageFormatException {
        if (v instanceof Integer i) return i;
        if (v instanceof Short s) return s;
        if (v instanceof Byte b) return b;
        if (v == null || v instanceof String) return Integer.valueOf((String) v);
        throw cannot(v, "int");
    }

    public static long toLong(Object v) throws MessageFormatException {
        if (v instanceof Long l) return l;
        if (v instanceof Integer i) return i;
        if (v instanceof Short s) return s;
        if (v instanceof Byte b) return b;
        if (v == null || v instanceof String) return Long.valueOf((String) v);
        throw cannot(v, "long");
    }

    public static float toFloat(Object v) throws MessageFormatException {
        if (v instanceof Float f) return f;
        if (v == null) throw new NullPointerException("a null value cannot be read as float");
        if (v instanceof String s) return Float.valueOf(s);
        throw cannot(v, "float");
    }

    public static double toDouble(Object v) throws MessageFormatException {
        if (v instanceof Double d) return d;
        if (v instanceof Float f) return f;
        if (v == null) throw new NullPointerException("a null value cannot be read as double");
        if (v instanceof String s) return Double.valueOf(s);
        throw cannot(v, "double");
    }

    public static String toStringValue(Object v) throws MessageFormatException {
        if (v instanceof byte[]) throw cannot(v, "String");
        return v == null ? null : v.toString();
    }

    public static byte[] toBytes(Object v) throws MessageFormatException {
        if (v == null) return null;
        if (v instanceof byte[] b) return b;
        throw cannot(v, "byte[]");
    }

    /** Property values: the boxed primitives and String only (spec 3.5.5). */
    public static boolean isValidPropertyValue(Object v) {
        return v == null || v instanceof Boolean || v instanceof Byte || v instanceof Short || v instanceof Integer
                || v instanceof Long || v instanceof Float || v instanceof Double || v instanceof String;
    }

    /** Map and Stream values: property values plus Character and byte[]. */
    public static boolean isValidBodyValue(Object v) {
        return isValidPropertyValue(v) || v instanceof Character || v instanceof byte[];
    }

    private static MessageFormatException cannot(Object v, String target) {
        return new MessageFormatException("a value of type " + v.getClass().getSimpleName() + " cannot be read as " + target);
    }
}
