package io.jmsaws.message;

import java.util.List;

/**
 * The packages whose classes an ObjectMessage may deserialize (like ActiveMQ's trusted packages).
 * Deserializing arbitrary classes from a queue is a remote-code-execution risk, so the default
 * trusts only the JDK's value classes; {@code *} trusts everything.
 */
public final class TrustedPackages {
    public static final TrustedPackages DEFAULT = parse("java.lang,java.util,java.math,java.time,java.net");

    private final List<String> prefixes;
    private final boolean all;

    private TrustedPackages(List<String> prefixes) {
        this.prefixes = prefixes;
        this.all = prefixes.contains("*");
    }

    /** A comma-separated list of package names; each trusts its sub-packages too. */
    public static TrustedPackages parse(String list) {
        return new TrustedPackages(List.of(list.trim().isEmpty() ? new String[0] : list.trim().split("\\s*,\\s*")));
    }

    public boolean trusts(String className) {
        if (all) return true;
        String name = className;
        while (name.startsWith("[")) name = name.substring(1);
        if (name.startsWith("L") && name.endsWith(";")) name = name.substring(1, name.length() - 1);
        if (name.length() == 1) return true; // primitive array component
        for (String p : prefixes) {
            if (name.startsWith(p + ".")) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", prefixes);
    }
}
