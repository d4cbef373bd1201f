package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.e2e.FmsClient.BookingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The booking page at {@code /} in a real Chromium against the whole system: search, open a trip, book two seats by
 * clicking and see them become the visitor's and then booked, see another client's booking appear without a reload,
 * cancel, and hold and pay. Screenshots go to {@code e2e/target/screenshots/}. Needs
 * Debian's {@code chromium} and {@code chromium-driver} (or {@code FMS_CHROMIUM} and {@code FMS_CHROMEDRIVER}
 * naming a browser and its driver); without them the tests are reported skipped, saying so.
 */
@ExtendWith(FmsStack.class)
class BookingPageBrowserIT {

    private static final Path CHROMIUM = Path.of(env("FMS_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("FMS_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A search the API refuses (400): the page must show the problem. */
    private static final String BAD_SEARCH = "/api/v1/trips?origin=L1";

    private ChromeDriver browser;
    private WebDriverWait wait;
    private String testName;
    private int shot;

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium: install Debian's chromium and chromium-driver (apt-get install chromium"
                        + " chromium-driver), or set FMS_CHROMIUM and FMS_CHROMEDRIVER; looked for " + CHROMIUM
                        + " and " + CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
        testName = test.getTestMethod().map(method -> method.getName()).orElse("test");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void booksTwoSeatsByClickingSeesOthersBookingsLiveAndCancels(RunningFms fms) {
        FmsClient client = fms.client();
        URI base = fms.service(FmsStack.API).baseUri();
        String tripId = client.createTrip(5, "ABCD");
        String departureDate =
                client.trip(tripId).path("departureTime").asString().substring(0, 10);

        browser.get(base.resolve("/").toString());
        assertThat(browser.getTitle()).contains("FMS");
        markPage();

        // A bad search shows the problem's title and detail.
        type("origin", "L1");
        click(By.id("search-button"));
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertThat(problem.getText()).contains("Invalid request");
        screenshot("problem");

        browser.findElement(By.id("origin")).clear();
        type("origin", "lhr");
        type("destination", "JFK");
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('date').value = arguments[0]", departureDate);
        click(By.id("search-button"));
        click(By.cssSelector("[data-trip-id='" + tripId + "']"));
        awaitLive();
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        screenshot("trip-opened");

        // Seats by mouse, and one by keyboard: 1A, then arrow right and Enter for 1B.
        click(By.id("seat-2A"));
        browser.findElement(By.id("seat-1A")).sendKeys(Keys.ARROW_RIGHT);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(seat("1B").getAttribute("data-state")).isEqualTo("selected");
        click(By.id("seat-1B"));
        assertThat(seat("1B").getAttribute("data-state")).isEqualTo("available");
        click(By.id("seat-2B"));
        assertThat(seat("2A").getAttribute("data-state")).isEqualTo("selected");
        assertThat(seat("2B").getAttribute("aria-pressed")).isEqualTo("true");
        type("passenger-1", "Ada Lovelace");
        type("passenger-2", "Charles Babbage");
        type("email", "ada@example.com");
        click(By.id("book-button"));

        wait.until(driver -> "true".equals(seat("2A").getAttribute("data-mine")));
        assertThat(seat("2B").getAttribute("data-mine")).isEqualTo("true");
        wait.until(driver -> "booked".equals(seat("2A").getAttribute("data-state"))
                && "booked".equals(seat("2B").getAttribute("data-state")));
        wait.until(ExpectedConditions.textToBe(By.id("booking-status"), "CONFIRMED"));
        assertThat(seat("2A").getAttribute("aria-label")).isEqualTo("Seat 2A, yours (booked)");
        assertThat(browser.findElement(By.id("booking-seats")).getText()).isEqualTo("2A, 2B");
        screenshot("booked");

        // Someone else books 4D through the API: it turns booked on this page without a reload.
        String other = client.bookAccepted(BookingRequest.of(tripId, List.of("Grace Hopper"), List.of("4D")), null);
        assertThat(client.longPoll(other, 20).status()).isEqualTo("CONFIRMED");
        wait.until(driver -> "booked".equals(seat("4D").getAttribute("data-state")));
        assertThat(seat("4D").getAttribute("data-mine")).isEqualTo("false");
        assertThat(seat("4D").getAttribute("aria-label")).isEqualTo("Seat 4D, booked");
        assertThat(seat("4D").getText()).isEqualTo("✕");
        assertPageNotReloaded();
        screenshot("other-booking-live");

        click(By.id("cancel-button"));
        wait.until(ExpectedConditions.textToBe(By.id("booking-status"), "CANCELLED"));
        wait.until(driver -> "available".equals(seat("2A").getAttribute("data-state"))
                && "false".equals(seat("2A").getAttribute("data-mine")));
        screenshot("cancelled");

        // Phone-sized: the page fits the width (the cabin scrolls inside its box if it must).
        browser.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow on a phone")
                .isLessThanOrEqualTo(0);
        screenshot("phone");

        assertNoConsoleErrors(BAD_SEARCH);
    }

    @Test
    void holdsThenPays(RunningFms fms) {
        FmsClient client = fms.client();
        URI base = fms.service(FmsStack.API).baseUri();
        String tripId = client.createTrip(3, "AB");

        browser.get(base.resolve("/?trip=" + tripId).toString());
        markPage();
        awaitLive();
        click(By.id("seat-3A"));
        type("passenger-1", "Ada Lovelace");
        click(By.id("hold"));
        WebElement seconds = browser.findElement(By.id("hold-seconds"));
        seconds.clear();
        seconds.sendKeys("120");
        click(By.id("book-button"));

        wait.until(ExpectedConditions.textToBe(By.id("booking-status"), "HELD"));
        wait.until(driver -> "held".equals(seat("3A").getAttribute("data-state")));
        assertThat(seat("3A").getAttribute("data-mine")).isEqualTo("true");
        assertThat(browser.findElement(By.id("booking-hold")).getText()).contains("pay within");
        screenshot("held");

        click(By.id("pay-button"));
        wait.until(ExpectedConditions.textToBe(By.id("booking-status"), "CONFIRMED"));
        wait.until(driver -> "booked".equals(seat("3A").getAttribute("data-state")));
        assertThat(browser.findElement(By.id("pay-button")).isDisplayed()).isFalse();
        assertPageNotReloaded();
        screenshot("paid");
        assertNoConsoleErrors(null);
    }

    private void awaitLive() {
        wait.until(driver -> "up".equals(driver.findElement(By.id("live")).getAttribute("data-state")));
    }

    private WebElement seat(String label) {
        return browser.findElement(By.id("seat-" + label));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(String id, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).sendKeys(text);
    }

    /** Sets a marker that a reload would wipe. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.fmsTestMarker = 'still the same page'");
    }

    private void assertPageNotReloaded() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.fmsTestMarker"))
                .isEqualTo("still the same page");
    }

    /**
     * Nothing at warning level or above in the browser's console, but Chromium's own line for the one answer the test
     * provoked: it logs every non-2xx answer to fetch as an error, whatever the page does with it.
     */
    private void assertNoConsoleErrors(String provokedRequest) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            boolean provoked = provokedRequest != null
                    && entry.getMessage()
                            .contains(provokedRequest + " - Failed to load resource: the server responded"
                                    + " with a status of 400");
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() && !provoked) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertThat(errors).as("browser console").isEmpty();
    }

    private void screenshot(String name) {
        Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shot, name));
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
