package io.jmsaws.config;

import io.jmsaws.message.TrustedPackages;

import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider's configuration: where the queues are (embedded or AWS) and the options. Immutable;
 * made from a connection URL ({@code embedded://}, {@code embedded://NAME}, {@code aws://?region=…})
 * and changed only by making a new one with {@link #with}.
 */
public final class JmsAwsConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Backend { EMBEDDED, AWS }

    private final Backend backend;
    private final String embeddedName;
    private final Map<Option, String> options;

    private JmsAwsConfig(Backend backend, String embeddedName, Map<Option, String> options) {
        this.backend = backend;
        this.embeddedName = embeddedName;
        this.options = Collections.unmodifiableMap(new EnumMap<>(options));
    }

    public static JmsAwsConfig defaults() {
        return new JmsAwsConfig(Backend.EMBEDDED, "default", new EnumMap<>(Option.class));
    }

    /**
     * Parses a connection URL. Malformed URLs, unknown schemes, unknown options and bad values are
     * IllegalArgumentExceptions whose message names what was wrong.
     */
    public static JmsAwsConfig parse(String url) {
        if (url == null || url.isBlank()) return defaults();
        String u = url.trim();
        int sep = u.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("malformed connection URL '" + redact(u)
                    + "'; expected embedded://[NAME][?options] or aws://?region=…[&options]");
        }
        String scheme = u.substring(0, sep);
        String rest = u.substring(sep + 3);
        int q = rest.indexOf('?');
        String authority = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        if (authority.endsWith("/")) authority = authority.substring(0, authority.length() - 1);
        if (authority.contains("/")) {
            throw new IllegalArgumentException("connection URL '" + redact(u) + "' has a path after '" + scheme
                    + "://'; options go after '?'");
        }
        Backend backend;
        String name = "default";
        if ("embedded".equalsIgnoreCase(scheme)) {
            backend = Backend.EMBEDDED;
            if (!authority.isEmpty()) {
                if (!authority.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException("connection URL '" + redact(u) + "': embedded instance name '" + authority
                            + "' may only use letters, digits, '_', '-' and '.'");
                }
                name = authority;
            }
        } else if ("aws".equalsIgnoreCase(scheme)) {
            backend = Backend.AWS;
            if (!authority.isEmpty()) {
                throw new IllegalArgumentException("connection URL '" + redact(u) + "': aws:// takes no host; give the region and "
                        + "endpoint as options, e.g. aws://?region=eu-west-1&endpoint=http://127.0.0.1:9324");
            }
        } else {
            throw new IllegalArgumentException("connection URL '" + redact(u) + "' has scheme '" + scheme
                    + "'; expected embedded:// or aws://");
        }
        Map<Option, String> options = new EnumMap<>(Option.class);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("connection URL '" + redact(u) + "': option '" + pair + "' has no value");
                Option o = Option.byKey(decode(pair.substring(0, eq)));
                String value = decode(pair.substring(eq + 1));
                o.validate(value);
                options.put(o, value);
            }
        }
        return new JmsAwsConfig(backend, name, options);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A URL with the secret options' values masked, for messages and logs. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(secretAccessKey|users|password)=[^&]*", "$1=****");
    }

    public JmsAwsConfig with(Option option, String value) {
        Map<Option, String> copy = new EnumMap<>(Option.class);
        copy.putAll(options);
        if (value == null) {
            copy.remove(option);
        } else {
            option.validate(value);
            copy.put(option, value);
        }
        return new JmsAwsConfig(backend, embeddedName, copy);
    }

    public Backend backend() {
        return backend;
    }

    public String embeddedName() {
        return embeddedName;
    }

    public String get(Option o) {
        return options.getOrDefault(o, o.defaultValue());
    }

    public boolean isSet(Option o) {
        return options.containsKey(o);
    }

    public int getInt(Option o) {
        return Integer.parseInt(get(o).trim());
    }

    public boolean getBoolean(Option o) {
        return Boolean.parseBoolean(get(o).trim());
    }

    public TrustedPackages trustedPackages() {
        return TrustedPackages.parse(get(Option.TRUSTED_PACKAGES));
    }

    /** The embedded backend's users (name → password); empty when no users are configured. */
    public Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        String v = options.get(Option.USERS);
        if (v != null) {
            for (String pair : v.split(",")) {
                int colon = pair.indexOf(':');
                users.put(pair.substring(0, colon).trim(), pair.substring(colon + 1));
            }
        }
        return users;
    }

    /** The URL form, secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(backend == Backend.EMBEDDED ? "embedded://" + embeddedName : "aws://");
        char sep = '?';
        for (Map.Entry<Option, String> e : options.entrySet()) {
            sb.append(sep).append(e.getKey().key()).append('=').append(e.getKey().isSecret() ? "****" : e.getValue());
            sep = '&';
        }
        return sb.toString();
    }
}
