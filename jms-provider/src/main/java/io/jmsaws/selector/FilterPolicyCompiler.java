package io.jmsaws.selector;

import io.jmsaws.limits.SqsLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic subscription's selector → an SNS filter policy, when SNS can decide it exactly, so that
 * messages the selector rejects never reach (or cost) the subscription queue. The consumer still
 * evaluates the selector: the policy only saves traffic.
 *
 * <p>Compiled: {@code =} and {@code <>} with a string or number, {@code < <= > >=} and BETWEEN
 * with numbers within SNS's range (±10⁹, 5 decimals), IN, {@code LIKE 'prefix%'}, IS [NOT] NULL,
 * AND and OR, within SNS's limits (5 keys, 150 combinations). Not compiled (null: everything is
 * delivered and filtered by the consumer): header fields, JMS-reserved properties, NOT, arithmetic,
 * other LIKE patterns, boolean properties, a key tested twice in one AND. Every compiled policy
 * also lets through messages that carry the packed-properties attribute, whose properties SNS
 * cannot see; the codec packs a copy of every number outside SNS's range for the same reason.
 */
public final class FilterPolicyCompiler {
    private static final int MAX_KEYS = 5;
    private static final int MAX_COMBINATIONS = 150;

    /** How a JMS property name is spelled as a message attribute (names SNS cannot carry are encoded). */
    private final java.util.function.UnaryOperator<String> attributeName;
    /** The attribute that carries, packed, the properties SNS cannot see: a message with it passes every policy. */
    private final String packedAttribute;

    public FilterPolicyCompiler(java.util.function.UnaryOperator<String> attributeName, String packedAttribute) {
        this.attributeName = attributeName;
        this.packedAttribute = packedAttribute;
    }

    /** Whether SNS compares this number exactly (within ±10⁹, at most 5 decimals). */
    static boolean snsComparable(Number n) {
        return SqsLimits.snsFilterComparable(n);
    }

    /** The filter policy JSON, or null when the selector cannot be expressed exactly. */
    public String compile(Selector selector) {
        List<Map<String, String>> dnf = dnf(selector.expression());
        if (dnf == null || dnf.isEmpty()) return null;
        int combinations = 1; // the packed-properties alternative
        for (Map<String, String> conjunction : dnf) {
            if (conjunction.size() > MAX_KEYS) return null;
            int c = 1;
            for (String rules : conjunction.values()) c *= rules.split("\u0000", -1).length;
            combinations += c;
        }
        if (combinations > MAX_COMBINATIONS) return null;
        StringBuilder json = new StringBuilder("{\"$or\":[");
        for (Map<String, String> conjunction : dnf) {
            json.append('{');
            String sep = "";
            for (Map.Entry<String, String> e : conjunction.entrySet()) {
                json.append(sep).append(quote(e.getKey())).append(":[").append(e.getValue().replace("\u0000", ",")).append(']');
                sep = ",";
            }
            json.append("},");
        }
        json.append('{').append(quote(packedAttribute)).append(":[{\"exists\":true}]}]}");
        return json.toString();
    }

    /** Disjunctive normal form: alternatives, each attribute name → its rules (joined by NUL); null if not expressible. */
    private List<Map<String, String>> dnf(Expression e) {
        if (e instanceof Operators.Group g) return dnf(g.inner());
        if (e instanceof Operators.Or or) {
            List<Map<String, String>> a = dnf(or.left()), b = dnf(or.right());
            if (a == null || b == null) return null;
            List<Map<String, String>> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        if (e instanceof Operators.And and) {
            List<Map<String, String>> a = dnf(and.left()), b = dnf(and.right());
            if (a == null || b == null) return null;
            List<Map<String, String>> out = new ArrayList<>();
            for (Map<String, String> x : a) {
                for (Map<String, String> y : b) {
                    Map<String, String> merged = new LinkedHashMap<>(x);
                    for (Map.Entry<String, String> entry : y.entrySet()) {
                        if (merged.putIfAbsent(entry.getKey(), entry.getValue()) != null) return null; // one key twice: not exact
                    }
                    out.add(merged);
                }
            }
            return out;
        }
        String[] atom = atom(e);
        if (atom == null) return null;
        Map<String, String> single = new LinkedHashMap<>();
        single.put(atom[0], atom[1]);
        return List.of(single);
    }

    /** One condition on one property: {attribute name, rules}, or null. */
    private String[] atom(Expression e) {
        if (e instanceof Operators.Not not && not.operand() instanceof Operators.IsNull isNull) {
            String key = key(isNull.value());
            return key == null ? null : new String[]{key, "{\"exists\":true}"};
        }
        if (e instanceof Operators.IsNull isNull) {
            String key = key(isNull.value());
            return key == null ? null : new String[]{key, "{\"exists\":false}"};
        }
        if (e instanceof Operators.In in) {
            String key = key(in.value());
            if (key == null) return null;
            return new String[]{key, String.join("\u0000", in.values().stream().map(FilterPolicyCompiler::quote).toList())};
        }
        if (e instanceof Operators.Like like) {
            String key = key(like.value());
            String raw = like.raw();
            if (key == null || like.escape() != null || !raw.endsWith("%")) return null;
            String prefix = raw.substring(0, raw.length() - 1);
            if (prefix.isEmpty() || prefix.contains("%") || prefix.contains("_")) return null;
            return new String[]{key, "{\"prefix\":" + quote(prefix) + "}"};
        }
        if (e instanceof Operators.Between between) {
            String key = key(between.value());
            Number low = number(between.low()), high = number(between.high());
            if (key == null || low == null || high == null) return null;
            return new String[]{key, "{\"numeric\":[\">=\"," + low + ",\"<=\"," + high + "]}"};
        }
        if (e instanceof Operators.Comparison c) {
            String op = c.op();
            Expression ident = c.left(), literal = c.right();
            if (key(ident) == null) {
                ident = c.right();
                literal = c.left();
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
            String key = key(ident);
            if (key == null || !(literal instanceof Operators.Literal lit)) return null;
            if (lit.value() instanceof String s) {
                return switch (op) {
                    case "=" -> new String[]{key, quote(s)};
                    case "<>" -> new String[]{key, "{\"anything-but\":[" + quote(s) + "]}"};
                    default -> null;
                };
            }
            Number n = number(literal);
            if (n == null) return null;
            return switch (op) {
                case "=" -> new String[]{key, "{\"numeric\":[\"=\"," + n + "]}"};
                case "<>" -> new String[]{key, "{\"anything-but\":[" + n + "]}"};
                default -> new String[]{key, "{\"numeric\":[\"" + op + "\"," + n + "]}"};
            };
        }
        return null;
    }

    /** The attribute name of a property identifier, or null for header fields and reserved names. */
    private String key(Expression e) {
        if (e instanceof Operators.Group g) return key(g.inner());
        if (!(e instanceof Operators.Identifier id) || id.name().startsWith("JMS")) return null;
        return attributeName.apply(id.name());
    }

    private static Number number(Expression e) {
        if (e instanceof Operators.Group g) return number(g.inner());
        if (e instanceof Operators.Literal l && l.value() instanceof Number n && snsComparable(n)) return n;
        return null;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
