package io.jmsaws.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's chromium driven through Debian's chromedriver (Selenium Manager's downloads cannot work
 * here). Without them the browser tests are skipped — except under {@code CI=true}, where a missing
 * browser fails the build (.ci/run installs both).
 */
final class HeadlessChromium {
    private static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String problem = "no " + BROWSER + " or " + DRIVER + ": apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException("CI=true and " + problem);
            Assumptions.abort(problem);
        }
        Path profile = Files.createTempDirectory("jms-aws-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                // this machine's network is closed: no background connections, no update checks
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1360,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
