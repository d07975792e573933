package io.jmsaws.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The selector's operators, with SQL's three-valued logic (null = unknown). */
final class Operators {
    private Operators() {
    }

    // ------------------------------------------------------------------------------------ values

    record Literal(Object value) implements Expression {
        public Object evaluate(Selector.Values v) {
            return value;
        }
    }

    record Identifier(String name) implements Expression {
        public Object evaluate(Selector.Values v) {
            return v.get(name);
        }
    }

    record Group(Expression inner) implements Expression {
        public Object evaluate(Selector.Values v) {
            return inner.evaluate(v);
        }
    }

    record Negate(Expression operand) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object x = operand.evaluate(v);
            if (x instanceof Double || x instanceof Float) return -((Number) x).doubleValue();
            if (x instanceof Number n) return -n.longValue();
            return null;
        }
    }

    record Arithmetic(String op, Expression left, Expression right) implements Expression {
        public Object evaluate(Selector.Values v) {
            if (!(left.evaluate(v) instanceof Number a) || !(right.evaluate(v) instanceof Number b)) return null;
            if (isIntegral(a) && isIntegral(b)) {
                long x = a.longValue(), y = b.longValue();
                return switch (op) {
                    case "+" -> x + y;
                    case "-" -> x - y;
                    case "*" -> x * y;
                    default -> y == 0 ? null : x / y;
                };
            }
            double x = a.doubleValue(), y = b.doubleValue();
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                default -> x / y;
            };
        }
    }

    // ------------------------------------------------------------------------------------ conditions

    record Comparison(String op, Expression left, Expression right) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object a = left.evaluate(v);
            Object b = right.evaluate(v);
            if (a == null || b == null) return null;
            if (a instanceof Number x && b instanceof Number y) {
                int c = isIntegral(x) && isIntegral(y) ? Long.compare(x.longValue(), y.longValue()) : Double.compare(x.doubleValue(), y.doubleValue());
                if (!isIntegral(x) || !isIntegral(y)) {
                    // Double.compare orders -0.0/0.0 and NaN; SQL comparison does not
                    double dx = x.doubleValue(), dy = y.doubleValue();
                    if (Double.isNaN(dx) || Double.isNaN(dy)) return op.equals("<>");
                    c = dx < dy ? -1 : dx > dy ? 1 : 0;
                }
                return switch (op) {
                    case "=" -> c == 0;
                    case "<>" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            boolean sameKind = (a instanceof String && b instanceof String) || (a instanceof Boolean && b instanceof Boolean);
            if (!sameKind) return false; // values of unlike types are never equal (spec 3.8.1.2)
            return switch (op) {
                case "=" -> a.equals(b);
                case "<>" -> !a.equals(b);
                default -> false; // strings and booleans compare only with = and <>
            };
        }
    }

    record Between(Expression value, Expression low, Expression high) implements Expression {
        public Object evaluate(Selector.Values v) {
            return and(new Comparison(">=", value, low).evaluate(v), new Comparison("<=", value, high).evaluate(v));
        }
    }

    record In(Expression value, List<String> values) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object x = value.evaluate(v);
            if (!(x instanceof String s)) return null;
            return values.contains(s);
        }
    }

    record Like(Expression value, Pattern pattern, String raw, Character escape) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object x = value.evaluate(v);
            if (!(x instanceof String s)) return null;
            return pattern.matcher(s).matches();
        }
    }

    record IsNull(Expression value) implements Expression {
        public Object evaluate(Selector.Values v) {
            return value.evaluate(v) == null;
        }
    }

    record Not(Expression operand) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object x = operand.evaluate(v);
            return x instanceof Boolean b ? !b : null;
        }
    }

    record And(Expression left, Expression right) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object a = left.evaluate(v);
            if (Boolean.FALSE.equals(a)) return false;
            return and(a, right.evaluate(v));
        }
    }

    record Or(Expression left, Expression right) implements Expression {
        public Object evaluate(Selector.Values v) {
            Object a = left.evaluate(v);
            if (Boolean.TRUE.equals(a)) return true;
            Object b = right.evaluate(v);
            if (Boolean.TRUE.equals(b)) return true;
            return a instanceof Boolean && b instanceof Boolean ? false : null;
        }
    }

    static Object and(Object a, Object b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) return false;
        return a instanceof Boolean && b instanceof Boolean ? true : null;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    // ------------------------------------------------------------------------------------ static checks

    /** Whether an expression is a value (operand of comparisons and arithmetic) rather than a condition. */
    static boolean isValue(Expression e) {
        if (e instanceof Group g) return isValue(g.inner());
        return e instanceof Literal || e instanceof Identifier || e instanceof Arithmetic || e instanceof Negate;
    }

    /** The type an expression is known to have before any message is seen, or null. */
    private static Class<?> staticType(Expression e) {
        if (e instanceof Group g) return staticType(g.inner());
        if (e instanceof Literal l) return l.value() instanceof Number ? Number.class : l.value().getClass();
        if (e instanceof Arithmetic || e instanceof Negate) return Number.class;
        if (e instanceof Identifier) return null;
        return Boolean.class;
    }

    static void checkComparable(Expression a, Expression b, Function<String, InvalidSelectorException> error) throws InvalidSelectorException {
        Class<?> x = staticType(a), y = staticType(b);
        if (x != null && y != null && x != y) {
            throw error.apply("cannot compare a " + x.getSimpleName() + " with a " + y.getSimpleName());
        }
    }

    /** Operands the grammar makes arithmetic: a string or boolean literal (or condition) there is invalid. */
    static void checkArithmetic(List<Expression> operands, String operator, Function<String, InvalidSelectorException> error)
            throws InvalidSelectorException {
        for (Expression e : operands) {
            Class<?> t = staticType(e);
            if (t != null && t != Number.class) throw error.apply(operator + " takes arithmetic operands, not a " + t.getSimpleName());
        }
    }

    static void checkOrdered(Expression a, Expression b, Function<String, InvalidSelectorException> error) throws InvalidSelectorException {
        for (Expression e : List.of(a, b)) {
            Class<?> t = staticType(e);
            if (t == String.class || t == Boolean.class) throw error.apply("strings and booleans compare only with = and <>");
        }
    }
}
