package io.jmsaws.selector;

import io.jmsaws.message.JmsAwsMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectorTest {
    private static final Map<String, Object> VALUES = new HashMap<>();

    static {
        VALUES.put("color", "red");
        VALUES.put("size", 10);
        VALUES.put("weight", 2.5);
        VALUES.put("big", 10_000_000_000L);
        VALUES.put("flag", true);
        VALUES.put("path", "a_b%c");
    }

    private static Boolean eval(String selector) throws InvalidSelectorException {
        Selector s = Selector.parse(selector);
        Object result = Parser.parse(selector).evaluate(VALUES::get);
        assertThat(s.matches(VALUES::get)).isEqualTo(Boolean.TRUE.equals(result));
        return (Boolean) result;
    }

    @Test
    void comparisonsAndArithmetic() throws Exception {
        assertThat(eval("color = 'red'")).isTrue();
        assertThat(eval("color <> 'red'")).isFalse();
        assertThat(eval("size > 5 AND size <= 10")).isTrue();
        assertThat(eval("size * 2 + 1 = 21")).isTrue();
        assertThat(eval("size / 4 = 2")).isTrue(); // integer division
        assertThat(eval("size / 4.0 = 2.5")).isTrue();
        assertThat(eval("weight BETWEEN 2 AND 3")).isTrue();
        assertThat(eval("weight NOT BETWEEN 2 AND 3")).isFalse();
        assertThat(eval("-size < 0")).isTrue();
        assertThat(eval("big > 2147483647")).isTrue();
        assertThat(eval("size = 10.0")).isTrue();
        assertThat(eval("1e1 = size")).isTrue();
        assertThat(eval("flag")).isTrue();
        assertThat(eval("flag = TRUE")).isTrue();
        assertThat(eval("NOT flag")).isFalse();
        assertThat(eval("(size > 1 OR color = 'blue') AND NOT (color = 'green')")).isTrue();
    }

    @Test
    void stringsInAndLike() throws Exception {
        assertThat(eval("color IN ('red', 'blue')")).isTrue();
        assertThat(eval("color NOT IN ('red', 'blue')")).isFalse();
        assertThat(eval("color LIKE 'r%'")).isTrue();
        assertThat(eval("color LIKE 'r_d'")).isTrue();
        assertThat(eval("color LIKE '_'")).isFalse();
        assertThat(eval("path LIKE 'a\\_b\\%c' ESCAPE '\\'")).isTrue();
        assertThat(eval("path LIKE 'a!_b%' ESCAPE '!'")).isTrue();
        assertThat(eval("path LIKE 'a!_x%' ESCAPE '!'")).isFalse();
        assertThat(eval("'it''s' = 'it''s'")).isTrue();
    }

    @Test
    void unknownFollowsThreeValuedLogic() throws Exception {
        assertThat(eval("missing = 1")).isNull();
        assertThat(eval("missing IS NULL")).isTrue();
        assertThat(eval("color IS NOT NULL")).isTrue();
        assertThat(eval("NOT (missing = 1)")).isNull();
        assertThat(eval("missing = 1 AND size = 10")).isNull();
        assertThat(eval("missing = 1 AND size = 11")).isFalse();
        assertThat(eval("missing = 1 OR size = 10")).isTrue();
        assertThat(eval("missing = 1 OR size = 11")).isNull();
        assertThat(eval("missing + 1 > 0")).isNull();
        assertThat(eval("missing IN ('a')")).isNull();
        assertThat(eval("missing LIKE 'a%'")).isNull();
        assertThat(eval("missing BETWEEN 1 AND 2")).isNull();
        // unlike types are never equal
        assertThat(eval("color = 1")).isFalse();
        assertThat(eval("size = '10'")).isFalse();
    }

    @Test
    void headerFields() throws Exception {
        JmsAwsMessage m = new JmsAwsMessage();
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(7);
        m.setJMSType("order");
        m.setJMSCorrelationID("c-1");
        m.setJMSMessageID("ID:42");
        m.setJMSTimestamp(1000);
        assertThat(Selector.parse("JMSDeliveryMode = 'NON_PERSISTENT' AND JMSPriority > 5 AND JMSType = 'order' "
                + "AND JMSCorrelationID = 'c-1' AND JMSMessageID = 'ID:42' AND JMSTimestamp = 1000").matches(m)).isTrue();
        assertThat(Selector.parse("JMSDeliveryMode = 'PERSISTENT'").matches(m)).isFalse();
    }

    @Test
    void blankSelectsEverything() throws Exception {
        assertThat(Selector.parse(null)).isNull();
        assertThat(Selector.parse("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"color =", "= 'red'", "color = 'red", "size >> 1", "NULL = 1", "TRUE = size AND", "color IN ()",
            "color IN (1, 2)", "color LIKE 5", "size BETWEEN 1", "1 = 'a'", "'a' < 'b'", "5", "size + 'a' = 1", "a LIKE 'x' ESCAPE 'ab'",
            "(color = 'red'", "color = 'red')", "1color = 1", "color = 'red' AND", "NOT", "size IS 5", "@x = 1", "x = 0x"})
    void syntaxErrorsAreInvalidSelectorExceptions(String selector) {
        assertThatThrownBy(() -> Selector.parse(selector)).isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("invalid message selector");
    }
}
