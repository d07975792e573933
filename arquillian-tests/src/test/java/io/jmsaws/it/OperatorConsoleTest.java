package io.jmsaws.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator console in a real headless browser, against the examples' dead letters: sign in,
 * see risky-dlq fill, peek (decoded as JMS), redrive a chosen message after the "fix", purge with
 * the name typed; and what a stranger or a forged POST gets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup({JmsAwsForMdbs.class, ConsoleOn.class})
class OperatorConsoleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static ChromeDriver browser;
    private final ExamplesClient app = new ExamplesClient(Deployments.EXAMPLES_URL);
    private String id;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "examples", order = 2, testable = false)
    static EnterpriseArchive examples() {
        return Deployments.examplesEar();
    }

    @Deployment(name = "console", order = 3, testable = false)
    static WebArchive console() {
        return Deployments.operatorConsole();
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void unique() {
        id = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void breakPoisonAgain() {
        app.fixPoison(false);
    }

    /**
     * Waits, retrying a condition that met an element the page has just replaced: the console
     * renders its tables afresh at each refresh, so a row found a moment ago may be gone.
     */
    private org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting() {
        return new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Opens the console, signing in on the login form when the server asks for it. */
    private void openConsole() {
        browser.get(Deployments.CONSOLE_URL);
        if (!browser.findElements(By.id("j_username")).isEmpty()) {
            browser.findElement(By.id("j_username")).sendKeys(ConsoleUser.NAME);
            browser.findElement(By.id("j_password")).sendKeys(ConsoleUser.PASSWORD);
            browser.findElement(By.id("sign-in")).click();
        }
        waiting().until(ExpectedConditions.textToBe(By.id("user"), ConsoleUser.NAME));
    }

    private WebElement queueRow(String queue) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queues tr[data-queue='" + queue + "']")));
    }

    private WebElement rowOf(String text) {
        return browser.findElement(By.xpath("//table[@id='messages']//tr[td[contains(., 'poison " + text + "')]]"));
    }

    private void screenshot(String name) throws Exception {
        browser.manage().window().setSize(new Dimension(1360, 1400)); // the queues and the peeked messages in one picture
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anOperatorSeesTheDeadLetterPeeksAtItAndRedrivesItOnceTheBugIsFixed() throws Exception {
        app.sendToQueue("risky", "poison " + id);
        await().atMost(PATIENCE).until(() -> app.deadLetters().contains("poison " + id));

        openConsole();
        WebElement dlq = queueRow("risky-dlq");
        assertThat(dlq.getText()).contains("DLQ").contains("holds the dead letters of risky");
        assertThat(queueRow("risky").getText()).contains("→ risky-dlq at receive count 3");

        dlq.findElement(By.cssSelector("button.peek")).click();
        WebElement message = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='messages']//tr[td[contains(., 'poison " + id + "')]]")));
        assertThat(message.getText()).contains("TextMessage");
        int receives = Integer.parseInt(message.findElement(By.cssSelector("td.receives")).getText());
        assertThat(browser.findElement(By.id("peek-note")).getText()).contains("raises every shown message's receive count by one");
        waiting().until(ExpectedConditions.textMatches(By.cssSelector("#queues tr[data-queue='risky-dlq'] button.peek"),
                java.util.regex.Pattern.compile("Peek \\(\\d+×\\)")));
        // a peek is a receive: the next one shows each message received once more, and the console counts its peeks
        dlq = queueRow("risky-dlq");
        dlq.findElement(By.cssSelector("button.peek")).click();
        waiting().until(d -> rowOf(id).findElement(By.cssSelector("td.receives")).getText().equals(Integer.toString(receives + 1)));
        waiting().until(ExpectedConditions.textMatches(By.cssSelector("#queues tr[data-queue='risky-dlq'] button.peek"),
                java.util.regex.Pattern.compile("Peek \\(2×\\)")));
        message = rowOf(id);
        screenshot("console-dead-letters.png");

        // the bug is fixed; the operator sends the message back where it came from
        app.fixPoison(true);
        message.findElement(By.cssSelector("input.select")).click();
        browser.findElement(By.id("redrive-selected")).click();
        waiting().until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("Moved 1 message\\(s\\) from risky-dlq")));
        await().atMost(PATIENCE).until(() -> app.received("risky", "poison " + id).stream().anyMatch(r -> r.outcome().equals("delivered")));
        assertThat(app.deadLetters()).doesNotContain("poison " + id);

        browser.get(Deployments.EXAMPLES_URL);
        waiting().until(ExpectedConditions.textMatches(By.id("received"), java.util.regex.Pattern.compile("failed: cannot process poison " + id)));
        screenshot("examples-outcomes.png");
    }

    @Test
    void purgeAsksForTheQueueNameAndSqsOncePerMinuteRuleIsShown() throws Exception {
        String queue = "scratch-" + id;
        app.send(queue, "queue", "to be purged " + id, 3, Map.of());
        openConsole();
        WebElement row = queueRow(queue);
        row.findElement(By.cssSelector("button.purge")).click();
        WebElement go = browser.findElement(By.id("purge-go"));
        assertThat(go.isEnabled()).isFalse();
        browser.findElement(By.id("purge-confirm")).sendKeys(queue);
        assertThat(go.isEnabled()).isTrue();
        go.click();
        waiting().until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("Purge of " + queue + " started")));
        waiting().until(d -> {
            browser.findElement(By.id("refresh")).click(); // SQS takes up to 60 s to purge: ask again until it is done
            return queueRow(queue).findElement(By.cssSelector("td.visible")).getText().equals("0");
        });

        queueRow(queue).findElement(By.cssSelector("button.purge")).click();
        browser.findElement(By.id("purge-confirm")).sendKeys(queue);
        browser.findElement(By.id("purge-go")).click();
        waiting().until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("one PurgeQueue per queue every 60 seconds")));
    }

    @Test
    void strangersGetTheLoginFormAndAPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "api/queues")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).contains("j_security_check").doesNotContain("\"queues\"");

        openConsole();
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String token : new String[] {null, "forged"}) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "api/purge"))
                    .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("queue=risky-dlq&confirm=risky-dlq"));
            if (token != null) forged.header("X-CSRF-Token", token);
            HttpResponse<String> refused = http.send(forged.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("POST with token %s", token).isEqualTo(403);
            assertThat(refused.body()).contains("X-CSRF-Token");
        }
        HttpResponse<String> peek = http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "api/peek"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queue=risky")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(peek.statusCode()).as("a peek raises receive counts: it needs the token too").isEqualTo(403);
        // the same session may read: the cookie alone is enough for GETs, which change nothing
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "api/queues"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"name\":\"risky\"");
        assertThat(read.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void aSignedInUserWithoutTheOperatorRoleIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + ConsoleUser.VISITOR + "&j_password=" + ConsoleUser.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(403);
        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(URI.create(Deployments.CONSOLE_URL + "api/queues")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queues.statusCode()).isEqualTo(403);
        assertThat(queues.body()).doesNotContain("\"queues\"");
    }
}
