package io.jmsaws.embedded;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SNS subscription filter policy on message attributes: keys are ANDed, the values of a key are
 * ORed; a value is an exact string or number, or {"prefix"}, {"anything-but"}, {"numeric"},
 * {"exists"}; "$or" takes alternative policies. SNS's limits are checked when it is set: at most
 * 5 keys and 150 combinations, numbers within ±10⁹ with at most 5 decimals.
 */
final class FilterPolicy {
    private final List<Map<String, JsonNode>> alternatives = new ArrayList<>();

    private FilterPolicy() {
    }

    static FilterPolicy parse(String json) {
        FilterPolicy p = new FilterPolicy();
        JsonNode root;
        try {
            root = JsonNode.parser().parse(json);
        } catch (RuntimeException e) {
            throw SnsErrors.invalidParameter("FilterPolicy: failed to parse JSON: " + e.getMessage());
        }
        if (!root.isObject()) throw SnsErrors.invalidParameter("FilterPolicy: a JSON object is needed");
        p.collect(root.asObject(), Map.of());
        int combinations = 0;
        for (Map<String, JsonNode> alt : p.alternatives) {
            if (alt.size() > 5) throw SnsErrors.invalidParameter("FilterPolicy: Filter policy can not have more than 5 keys");
            int c = 1;
            for (JsonNode values : alt.values()) c *= values.isArray() ? values.asArray().size() : 1;
            combinations += c;
        }
        if (combinations > 150) throw SnsErrors.invalidParameter("FilterPolicy: Filter policy is too complex (" + combinations + " combinations, at most 150)");
        return p;
    }

    private void collect(Map<String, JsonNode> object, Map<String, JsonNode> inherited) {
        Map<String, JsonNode> mine = new java.util.LinkedHashMap<>(inherited);
        List<JsonNode> ors = null;
        for (Map.Entry<String, JsonNode> e : object.entrySet()) {
            if (e.getKey().equals("$or")) {
                ors = e.getValue().asArray();
            } else {
                checkRules(e.getKey(), e.getValue());
                mine.put(e.getKey(), e.getValue());
            }
        }
        if (ors == null) {
            alternatives.add(mine);
        } else {
            for (JsonNode alt : ors) collect(alt.asObject(), mine);
        }
    }

    private static void checkRules(String key, JsonNode values) {
        if (!values.isArray()) throw SnsErrors.invalidParameter("FilterPolicy: Match value for " + key + " must be an array");
        for (JsonNode v : values.asArray()) {
            if (v.isNumber()) checkNumber(v.asNumber());
            if (v.isObject()) {
                v.asObject().forEach((op, arg) -> {
                    if (op.equals("numeric")) {
                        for (JsonNode n : arg.asArray()) if (n.isNumber()) checkNumber(n.asNumber());
                    } else if (!op.equals("prefix") && !op.equals("anything-but") && !op.equals("exists")) {
                        throw SnsErrors.invalidParameter("FilterPolicy: Unrecognized match type " + op);
                    }
                });
            }
        }
    }

    private static void checkNumber(String n) {
        BigDecimal d = new BigDecimal(n);
        if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0 || Math.max(0, d.stripTrailingZeros().scale()) > 5) {
            throw SnsErrors.invalidParameter("FilterPolicy: Match value must be between -1.0E9 and 1.0E9 with at most 5 decimals: " + n);
        }
    }

    /** Whether a message with these attributes (name → [type, value]) passes. */
    boolean matches(Map<String, String[]> attributes) {
        for (Map<String, JsonNode> alt : alternatives) {
            boolean all = true;
            for (Map.Entry<String, JsonNode> rule : alt.entrySet()) {
                if (!matchesKey(attributes.get(rule.getKey()), rule.getValue().asArray())) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    private static boolean matchesKey(String[] attribute, List<JsonNode> rules) {
        for (JsonNode rule : rules) if (matchesRule(attribute, rule)) return true;
        return false;
    }

    private static boolean matchesRule(String[] attr, JsonNode rule) {
        if (rule.isObject()) {
            Map.Entry<String, JsonNode> op = rule.asObject().entrySet().iterator().next();
            JsonNode arg = op.getValue();
            switch (op.getKey()) {
                case "exists":
                    return arg.asBoolean() == (attr != null);
                case "prefix":
                    return attr != null && attr[0].startsWith("String") && attr[1].startsWith(arg.asString());
                case "anything-but": {
                    if (attr == null) return false;
                    List<JsonNode> excluded = arg.isArray() ? arg.asArray() : List.of(arg);
                    for (JsonNode x : excluded) if (equalsValue(attr, x)) return false;
                    return true;
                }
                case "numeric": {
                    if (attr == null || !attr[0].startsWith("Number")) return false;
                    BigDecimal v = new BigDecimal(attr[1]);
                    List<JsonNode> conds = arg.asArray();
                    for (int i = 0; i + 1 < conds.size(); i += 2) {
                        int c = v.compareTo(new BigDecimal(conds.get(i + 1).asNumber()));
                        boolean ok = switch (conds.get(i).asString()) {
                            case "=" -> c == 0;
                            case ">" -> c > 0;
                            case ">=" -> c >= 0;
                            case "<" -> c < 0;
                            case "<=" -> c <= 0;
                            default -> false;
                        };
                        if (!ok) return false;
                    }
                    return true;
                }
                default:
                    return false;
            }
        }
        return attr != null && equalsValue(attr, rule);
    }

    private static boolean equalsValue(String[] attr, JsonNode value) {
        if (value.isNumber()) {
            return attr[0].startsWith("Number") && new BigDecimal(attr[1]).compareTo(new BigDecimal(value.asNumber())) == 0;
        }
        return value.isString() && attr[0].startsWith("String") && attr[1].equals(value.asString());
    }
}
