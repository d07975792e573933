package io.jmsaws.examples.spring;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as `exec:java` runs it: every order processed once, the failed one redelivered, and what Actuator reports. */
class OrderServiceApplicationTest {

    @Test
    void theServiceProcessesEveryOrderAndReportsItsHealthAndMeters() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            OrderServiceApplication.main(new String[] {"--jmsaws.url=embedded://order-service-test"});
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        original.println(printed);
        assertThat(printed).contains("health jmsaws: UP")
                .contains("jmsaws.messages.sent{destination=orders} = 5")
                .contains("jmsaws.messages.acknowledged{destination=orders} = 5");
        // at least the five and the redelivery of #3 (a message a consumer read ahead and gave back unseen counts too)
        assertThat(count(printed, "received")).isGreaterThanOrEqualTo(6);
        assertThat(count(printed, "redelivered")).isGreaterThanOrEqualTo(1);
    }

    private static long count(String printed, String meter) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jmsaws\\.messages\\." + meter + "\\{destination=orders} = (\\d+)")
                .matcher(printed);
        assertThat(m.find()).as(meter + " printed").isTrue();
        return Long.parseLong(m.group(1));
    }
}
