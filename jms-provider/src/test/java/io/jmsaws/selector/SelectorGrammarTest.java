package io.jmsaws.selector;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The selector grammar at its edges (Jakarta Messaging 3.1, 3.8.1), table by table: exact numeric
 * literals at their limits, approximate literals, LIKE with and without ESCAPE, and the type rules
 * between literals that the parser enforces when the selector is created. Identifiers have no
 * static type: a mismatch found at run time makes the selector false (unknown), never an error.
 */
class SelectorGrammarTest {
    private static final Map<String, Object> VALUES = new HashMap<>();

    static {
        VALUES.put("min", Long.MIN_VALUE);
        VALUES.put("max", Long.MAX_VALUE);
        VALUES.put("i", 7);
        VALUES.put("d", 1500.0);
        VALUES.put("small", 0.0015);
        VALUES.put("s", "a_b");
        VALUES.put("pct", "100%");
        VALUES.put("yes", true);
    }

    private static boolean matches(String selector) throws InvalidSelectorException {
        return Selector.parse(selector).matches(VALUES::get);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // exact numeric literals at the limits of a long
            "min = -9223372036854775808 | true",
            "min = -9223372036854775808L | true",
            "min < -9223372036854775807 | true",
            "max = 9223372036854775807 | true",
            "max = 9223372036854775807l | true",
            "i = 07 | true",
            "i = 0x7 | true",
            // approximate literals
            "d = 1.5e3 | true",
            "d = 1.5E+3 | true",
            "d = 1500. | true",
            "small = 1.5e-3 | true",
            "small > .001 | true",
            "d = 1500.0d | true",
            // LIKE, escapes
            "s LIKE 'a_b' | true",
            "s LIKE 'a\\_b' ESCAPE '\\' | true",
            "s LIKE 'ab%' | false",
            "pct LIKE '100!%' ESCAPE '!' | true",
            "pct LIKE '1_0%' | true",
            "s NOT LIKE 'x%' | true",
            // identifiers have no static type: a run-time mismatch is false, never an error
            "s BETWEEN 1 AND 2 | false",
            "s > 1 | false",
            "i = 'seven' | false",
            "yes = 1 | false",
            "s NOT BETWEEN 1 AND 2 | false",
            "yes | true",
    })
    void validSelectorsEvaluateAsTheSpecSays(String selector, boolean expected) throws Exception {
        assertThat(matches(selector)).as(selector).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // out of range: 9223372036854775808 exists only negated
            "i = 9223372036854775808", "i = 9223372036854775808L", "i = 99999999999999999999",
            // BETWEEN is arithmetic only (spec 3.8.1.2)
            "s BETWEEN 'a' AND 'z'", "s NOT BETWEEN 'a' AND 'z'", "i BETWEEN 1 AND 'z'", "'a' BETWEEN 1 AND 2", "i BETWEEN TRUE AND 2",
            // type rules between literals
            "1 = 'a'", "'a' = TRUE", "'a' < 'b'", "TRUE > FALSE", "1 + 'a' = 2", "- 'a' = 1",
            // LIKE, IN and IS NULL need an identifier; LIKE and IN take strings
            "'abc' LIKE 'a%'", "s LIKE 5", "s IN (1)", "5 IS NULL", "s LIKE 'a' ESCAPE ''",
    })
    void invalidSelectorsAreRefusedWhenCreated(String selector) {
        assertThatThrownBy(() -> Selector.parse(selector)).as(selector).isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("invalid message selector");
    }
}
