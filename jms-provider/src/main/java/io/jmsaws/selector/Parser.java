package io.jmsaws.selector;

import io.jmsaws.selector.Tokenizer.Kind;
import io.jmsaws.selector.Tokenizer.Token;
import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the JMS selector grammar (Jakarta Messaging 3.1, section 3.8.1):
 * OR, AND, NOT; comparisons; [NOT] BETWEEN, [NOT] IN, [NOT] LIKE … [ESCAPE], IS [NOT] NULL;
 * + - * / with unary signs; literals, identifiers and parentheses. Type checks the spec makes
 * syntactic (a boolean where a value is needed, a number compared with a string literal) are
 * reported here as InvalidSelectorException.
 */
final class Parser {
    private final String source;
    private final List<Token> tokens;
    private int pos;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Expression parse(String selector) throws InvalidSelectorException {
        Parser p = new Parser(selector, Tokenizer.tokenize(selector));
        Expression e = p.orExpr();
        if (p.peek().kind() != Kind.END) throw p.error("unexpected '" + p.peek().text() + "'");
        if (Operators.isValue(e) && !(e instanceof Operators.Identifier)) throw p.error("the selector is a value, not a condition");
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(Kind k, String text) {
        if (peek().is(k, text)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Kind k, String text) throws InvalidSelectorException {
        if (!accept(k, text)) throw error("expected '" + text + "' but found '" + peek().text() + "'");
    }

    private InvalidSelectorException error(String what) {
        return Tokenizer.error(source, peek().position(), what);
    }

    private Expression orExpr() throws InvalidSelectorException {
        Expression left = andExpr();
        while (accept(Kind.KEYWORD, "OR")) left = new Operators.Or(condition(left), condition(andExpr()));
        return left;
    }

    private Expression andExpr() throws InvalidSelectorException {
        Expression left = notExpr();
        while (accept(Kind.KEYWORD, "AND")) left = new Operators.And(condition(left), condition(notExpr()));
        return left;
    }

    private Expression notExpr() throws InvalidSelectorException {
        if (accept(Kind.KEYWORD, "NOT")) return new Operators.Not(condition(notExpr()));
        return predicate();
    }

    /** A boolean operand: a condition, or an identifier (a boolean property). */
    private Expression condition(Expression e) throws InvalidSelectorException {
        if (Operators.isValue(e) && !(e instanceof Operators.Identifier) && !(e instanceof Operators.Literal l && l.value() instanceof Boolean)) {
            throw error("a condition is needed here, not a value");
        }
        return e;
    }

    private Expression value(Expression e) throws InvalidSelectorException {
        if (!Operators.isValue(e)) throw error("a value is needed here, not a condition");
        return e;
    }

    private Expression predicate() throws InvalidSelectorException {
        Expression left = arithmetic();
        boolean not = false;
        if (peek().is(Kind.KEYWORD, "NOT")) {
            Token after = tokens.get(pos + 1);
            if (after.is(Kind.KEYWORD, "BETWEEN") || after.is(Kind.KEYWORD, "IN") || after.is(Kind.KEYWORD, "LIKE")) {
                pos++;
                not = true;
            }
        }
        if (accept(Kind.KEYWORD, "BETWEEN")) {
            Expression low = value(arithmetic());
            expect(Kind.KEYWORD, "AND");
            Expression high = value(arithmetic());
            Operators.checkComparable(value(left), low, this::error);
            Operators.checkComparable(left, high, this::error);
            // arithmetic-expr BETWEEN arithmetic-expr AND arithmetic-expr (spec 3.8.1.2): no strings, no booleans
            Operators.checkArithmetic(List.of(left, low, high), "BETWEEN", this::error);
            // "age NOT BETWEEN 15 AND 19 is equivalent to age < 15 OR age > 19" (spec 3.8.1.2): not NOT(BETWEEN), which a value
            // of another type would turn from false into true
            if (not) return new Operators.Or(new Operators.Comparison("<", left, low), new Operators.Comparison(">", left, high));
            return new Operators.Between(left, low, high);
        }
        if (accept(Kind.KEYWORD, "IN")) {
            if (!(left instanceof Operators.Identifier)) throw error("IN needs a property name on its left");
            expect(Kind.OP, "(");
            List<String> values = new ArrayList<>();
            do {
                Token t = next();
                if (t.kind() != Kind.STRING) throw error("IN takes string literals");
                values.add((String) t.value());
            } while (accept(Kind.OP, ","));
            expect(Kind.OP, ")");
            Expression in = new Operators.In(left, values);
            return not ? new Operators.Not(in) : in;
        }
        if (accept(Kind.KEYWORD, "LIKE")) {
            if (!(left instanceof Operators.Identifier)) throw error("LIKE needs a property name on its left");
            Token pattern = next();
            if (pattern.kind() != Kind.STRING) throw error("LIKE takes a string literal pattern");
            Character escape = null;
            if (accept(Kind.KEYWORD, "ESCAPE")) {
                Token e = next();
                if (e.kind() != Kind.STRING || ((String) e.value()).length() != 1) throw error("ESCAPE takes a one-character string");
                escape = ((String) e.value()).charAt(0);
            }
            Expression like = new Operators.Like(left, likePattern((String) pattern.value(), escape), (String) pattern.value(), escape);
            return not ? new Operators.Not(like) : like;
        }
        if (not) throw error("expected BETWEEN, IN or LIKE after NOT");
        if (accept(Kind.KEYWORD, "IS")) {
            if (!(left instanceof Operators.Identifier)) throw error("IS NULL needs a property name on its left");
            boolean isNot = accept(Kind.KEYWORD, "NOT");
            expect(Kind.KEYWORD, "NULL");
            Expression isNull = new Operators.IsNull(left);
            return isNot ? new Operators.Not(isNull) : isNull;
        }
        Token op = peek();
        if (op.kind() == Kind.OP && List.of("=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
            pos++;
            Expression right = arithmetic();
            Operators.checkComparable(left, right, this::error);
            if (!op.text().equals("=") && !op.text().equals("<>")) {
                Operators.checkOrdered(left, right, this::error);
            }
            return new Operators.Comparison(op.text(), left, right);
        }
        return left;
    }

    private Expression arithmetic() throws InvalidSelectorException {
        Expression left = term();
        while (peek().is(Kind.OP, "+") || peek().is(Kind.OP, "-")) {
            String op = next().text();
            left = new Operators.Arithmetic(op, numeric(left), numeric(term()));
        }
        return left;
    }

    private Expression term() throws InvalidSelectorException {
        Expression left = unary();
        while (peek().is(Kind.OP, "*") || peek().is(Kind.OP, "/")) {
            String op = next().text();
            left = new Operators.Arithmetic(op, numeric(left), numeric(unary()));
        }
        return left;
    }

    private Expression unary() throws InvalidSelectorException {
        if (accept(Kind.OP, "-")) {
            Token t = peek();
            if (t.kind() == Kind.EXACT && Tokenizer.LONG_MIN_MAGNITUDE.equals(t.value())) {
                pos++;
                return new Operators.Literal(Long.MIN_VALUE); // -9223372036854775808: the one literal whose magnitude is no long
            }
            return new Operators.Negate(numeric(unary()));
        }
        if (accept(Kind.OP, "+")) return numeric(unary());
        return primary();
    }

    private Expression numeric(Expression e) throws InvalidSelectorException {
        if (e instanceof Operators.Literal l && !(l.value() instanceof Number)) throw error("arithmetic needs numbers");
        return value(e);
    }

    private Expression primary() throws InvalidSelectorException {
        Token t = next();
        switch (t.kind()) {
            case STRING, EXACT, APPROX -> {
                if (Tokenizer.LONG_MIN_MAGNITUDE.equals(t.value()) && t.kind() == Kind.EXACT) {
                    pos--;
                    throw error("exact numeric literal " + t.text() + " is out of range (a long is at most 9223372036854775807)");
                }
                return new Operators.Literal(t.value());
            }
            case IDENT -> {
                return new Operators.Identifier(t.text());
            }
            case KEYWORD -> {
                if (t.text().equals("TRUE")) return new Operators.Literal(Boolean.TRUE);
                if (t.text().equals("FALSE")) return new Operators.Literal(Boolean.FALSE);
                pos--;
                throw error("'" + t.text() + "' is a reserved word, not a value");
            }
            case OP -> {
                if (t.text().equals("(")) {
                    Expression inner = orExpr();
                    expect(Kind.OP, ")");
                    return new Operators.Group(inner);
                }
                pos--;
                throw error("unexpected '" + t.text() + "'");
            }
            default -> {
                pos--;
                throw error("the selector ends too early");
            }
        }
    }

    /** LIKE pattern → regular expression: _ is one character, % any number, the escape character quotes. */
    private Pattern likePattern(String pattern, Character escape) throws InvalidSelectorException {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (++i >= pattern.length()) throw error("the LIKE pattern ends with its escape character");
                re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
