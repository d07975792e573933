package io.jmsaws.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a selector into tokens: literals, identifiers, keywords and operators. */
final class Tokenizer {
    enum Kind { STRING, EXACT, APPROX, IDENT, KEYWORD, OP, END }

    /** The magnitude of Long.MIN_VALUE: a valid exact literal after a unary minus only (its token value is this string). */
    static final String LONG_MIN_MAGNITUDE = "9223372036854775808";

    record Token(Kind kind, String text, Object value, int position) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }
    }

    static final Set<String> KEYWORDS = Set.of("NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE", "NULL", "TRUE", "FALSE");

    private Tokenizer() {
    }

    static List<Token> tokenize(String s) throws InvalidSelectorException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= s.length()) throw error(s, start, "unterminated string literal");
                    char d = s.charAt(i++);
                    if (d == '\'') {
                        if (i < s.length() && s.charAt(i) == '\'') {
                            sb.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(d);
                    }
                }
                out.add(new Token(Kind.STRING, sb.toString(), sb.toString(), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                i = number(s, i, out);
                if (i < s.length() && Character.isJavaIdentifierStart(s.charAt(i))) throw error(s, start, "malformed number");
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
                String word = s.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                out.add(KEYWORDS.contains(upper) ? new Token(Kind.KEYWORD, upper, null, start) : new Token(Kind.IDENT, word, null, start));
            } else {
                int start = i;
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                    out.add(new Token(Kind.OP, two, null, start));
                    i += 2;
                } else if ("=<>+-*/(),".indexOf(c) >= 0) {
                    out.add(new Token(Kind.OP, String.valueOf(c), null, start));
                    i++;
                } else {
                    throw error(s, start, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.END, "", null, s.length()));
        return out;
    }

    /** Exact (long) or approximate (double) numeric literal, with Java's suffixes and hex/octal forms. */
    private static int number(String s, int i, List<Token> out) throws InvalidSelectorException {
        int start = i;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            i += 2;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) i++;
            String hex = s.substring(start + 2, i);
            if (hex.isEmpty() || hex.length() > 16) throw error(s, start, "malformed hexadecimal number");
            if (i < s.length() && (s.charAt(i) == 'l' || s.charAt(i) == 'L')) i++;
            out.add(new Token(Kind.EXACT, s.substring(start, i), Long.parseUnsignedLong(hex, 16), start));
            return i;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        boolean approx = false;
        if (i < s.length() && s.charAt(i) == '.') {
            approx = true;
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            approx = true;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int digits = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (digits == i) throw error(s, start, "malformed exponent");
        }
        String text = s.substring(start, i);
        if (i < s.length() && "fFdD".indexOf(s.charAt(i)) >= 0) {
            approx = true;
            i++;
        } else if (!approx && i < s.length() && (s.charAt(i) == 'l' || s.charAt(i) == 'L')) {
            i++;
        }
        try {
            if (approx) {
                out.add(new Token(Kind.APPROX, text, Double.parseDouble(text), start));
            } else {
                boolean octal = text.length() > 1 && text.startsWith("0");
                // 9223372036854775808 only exists negated (Long.MIN_VALUE): the parser checks that a minus stands before it
                Object value = text.equals(LONG_MIN_MAGNITUDE) ? LONG_MIN_MAGNITUDE : Long.parseLong(text, octal ? 8 : 10);
                out.add(new Token(Kind.EXACT, text, value, start));
            }
        } catch (NumberFormatException e) {
            throw error(s, start, "malformed number '" + text + "'");
        }
        return i;
    }

    static InvalidSelectorException error(String selector, int position, String what) {
        return new InvalidSelectorException("invalid message selector \"" + selector + "\" at position " + position + ": " + what);
    }
}
