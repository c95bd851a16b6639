package org.o2c.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (CI installs both with apt). Both paths
 * are given explicitly, so Selenium Manager is skipped and nothing is ever downloaded. Every browser
 * gets a fresh profile, English as its language, and a watcher that records CSP violations and
 * script errors of every page it opens.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getProperty("o2c.test.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("o2c.test.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String WATCHER = """
            window.__o2cProblems = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__o2cProblems.push('CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')'));
            window.addEventListener('error', e => window.__o2cProblems.push('script error: ' + e.message));
            """;

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop browser whose window (and so viewport, headless) is {@code width} × {@code height} CSS pixels. */
    public static Chromium desktop(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A phone: a {@code width} × {@code height} CSS pixel touch screen at three device pixels per CSS
     * pixel that honours the viewport meta tag. (A headless window is never narrower than 500 pixels,
     * so the phone is emulated.)
     */
    public static Chromium phone(int width, int height) {
        return start(width, height, true);
    }

    private static Chromium start(int width, int height, boolean phone) {
        for (Path p : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver)");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("o2c-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--lang=en-US", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 3.0, "mobile", true, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCHER));
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 20 s; conditions are polled, never slept on. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // htmx swaps elements in place: one found a moment ago may be gone when it is read; look again.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** CSP violations and script errors of the page shown now. */
    @SuppressWarnings("unchecked")
    public List<String> pageProblems() {
        Object problems = ((JavascriptExecutor) driver).executeScript("return window.__o2cProblems || [];");
        return (List<String>) problems;
    }

    /** The whole page, also below the fold, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a left-over temp profile is harmless
        }
    }
}
