package io.couriermq.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through the system's chromedriver (Debian {@code chromium} and
 * {@code chromium-driver}), with a fresh profile under target/. Tests are skipped, with the reason, on
 * a machine without them. Screenshots go to target/console-screenshots/.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private HeadlessChromium(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Starts the browser, or skips the calling test when Chromium or chromedriver is not installed. */
    static HeadlessChromium startOrSkip(String baseUrl) {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "skipped: " + CHROMIUM + " is missing (install Debian's chromium package)");
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "skipped: " + CHROMEDRIVER + " is missing (install Debian's chromium-driver package)");
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--window-size=1400,1000",
                            "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(driver, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a console path ("/console/topics?...") and waits for the page's heading. */
    HeadlessChromium open(String path) {
        driver.get(baseUrl + path);
        waitFor(By.tagName("h1"));
        return this;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    java.util.List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.apply(driver));
    }

    /** Clicks and waits for the next page (its heading) to load. */
    void clickAndLoad(By by) {
        WebElement old = driver.findElement(By.tagName("h1"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(old));
        waitFor(By.tagName("h1"));
    }

    /**
     * Whether the old page's element has left the document. While the next page replaces it, Chromium may
     * answer "does not belong to the document" as an unknown error instead of a stale element reference.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Submits a form through its button, confirms on the confirm page, and waits for the result page. */
    void submitAndConfirm(By button) {
        clickAndLoad(button);
        if (!driver.findElements(By.id("confirm")).isEmpty()) {
            clickAndLoad(By.id("confirm"));
        }
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Writes target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
