package io.jmsaws.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Undeploying the EAR and the RAR (as README's Payara section says: {@code --cascade=true}) leaves no
 * thread of jms-aws, its embedded backend or the SDK in the server, within Payara's 30 s for an
 * adapter to stop. Runs after ExamplesOnGlassFishFamilyTest (surefire runs the classes alphabetically).
 */
@ExtendWith(GlassFishDomain.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UndeployOnGlassFishFamilyTest {
    private static final Pattern OUR_THREADS = Pattern.compile("\"(jms-aws[^\"]*|aws-java-sdk[^\"]*|sdk-async-response[^\"]*)\"");
    /** A thread of the server's own pools still running our code: an MDB session's Work that never returned. */
    private static final Pattern OUR_FRAMES = Pattern.compile("\tat (io\\.jmsaws\\.|software\\.amazon\\.awssdk\\.)");

    @Test
    @Order(1)
    void undeployingLeavesNoThreadOfOursBehind() throws Exception {
        assertThat(ourThreads()).as("threads while deployed").isNotEmpty();
        GlassFishDomain.asadmin(true, "undeploy", "jms-aws-examples");
        GlassFishDomain.asadmin(true, "undeploy", "--cascade=true", "jms-aws");
        GlassFishDomain.undeployed();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(ourThreads()).as("threads after undeploy").isEmpty());
    }

    /** Thread names in the server JVM, by jcmd on the pid the server writes. */
    private static List<String> ourThreads() throws Exception {
        Path pidFile = GlassFishDomain.domainDir().resolve("config/pid");
        String pid = Files.readString(pidFile).trim();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), pid, "Thread.print").redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump).as("a thread dump of the server").contains("Full thread dump");
        Matcher m = OUR_THREADS.matcher(dump);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) names.add(m.group(1));
        for (String thread : dump.split("\n\n")) { // one block per thread: its name line, then its frames
            if (OUR_FRAMES.matcher(thread).find()) names.add(thread.lines().findFirst().orElse("?") + " (running jms-aws or SDK code)");
        }
        return names;
    }
}
