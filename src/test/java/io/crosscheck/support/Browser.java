package io.crosscheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the UI tests: Debian's headless Chromium driven by Debian's chromedriver
 * ({@code apt-get install chromium chromium-driver}); nothing is downloaded for it. Screenshots go to
 * {@code target/screenshots/}. axe-core comes from the npm registry (a pinned version, checked against
 * the registry's published sha512) and is injected into the page under test. Where Chromium or chromedriver
 * is missing the browser tests are skipped (a JUnit assumption), unless the environment variable {@code CI}
 * is set: CI must run them, so there a missing browser fails ({@link #assumeAvailable()}).
 */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String AXE_VERSION = "4.10.3";
    static final String AXE_INTEGRITY =
            "sha512-Xm7bpRXnDSX2YE2YFfBk2FnF0ep6tmG7xPh8iHee8MIcrgq762Nkce856dYtJYLkuIoYZvGfTs/PbZhideTcEg==";

    private Browser() {}

    /**
     * Skips the calling test when Chromium or chromedriver is missing, with a message naming what to install; in CI
     * (environment variable {@code CI} set, other than {@code false}) a missing browser fails instead. Call it from
     * {@code @BeforeEach} (or the test): an assumption failing in {@code @BeforeAll} skips the class without reporting
     * a single test as skipped.
     */
    public static void assumeAvailable() {
        if (!missing()) {
            return;
        }
        String missing =
                "The browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver ("
                        + driver() + ", " + binary() + ")";
        if (inCi()) {
            throw new IllegalStateException(missing + "; CI is set, so the browser tests must run");
        }
        String skipped = missing + "; skipped outside CI (set CI=true to make this a failure)";
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println("[browser tests skipped] " + skipped);
        }
        Assumptions.abort(skipped);
    }

    private static volatile boolean skipAnnounced;

    /** Whether Chromium or chromedriver is missing ({@code -Dcrosscheck.chromium}, {@code -Dcrosscheck.chromedriver}; Debian's paths by default). */
    public static boolean missing() {
        return !Files.isExecutable(Path.of(driver())) || !Files.isExecutable(Path.of(binary()));
    }

    /** Whether this is a CI run: the environment variable {@code CI} is set (and not {@code false}), as .ci/run sets it. */
    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    private static String driver() {
        return System.getProperty("crosscheck.chromedriver", "/usr/bin/chromedriver");
    }

    private static String binary() {
        return System.getProperty("crosscheck.chromium", "/usr/bin/chromium");
    }

    /** Headless Chromium at the given window width (1280 desktop, 820 tablet portrait); skips without a browser ({@link #assumeAvailable()}). */
    public static ChromeDriver start(int width, int height) {
        assumeAvailable();
        String driver = driver();
        String binary = binary();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /** Signs in through the login form that any page redirects to, and waits until it has left the login page. */
    public static void signIn(
            ChromeDriver driver,
            org.openqa.selenium.support.ui.WebDriverWait wait,
            String home,
            String user,
            String password) {
        driver.get(home);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/ui/login"));
        driver.findElement(org.openqa.selenium.By.id("j_username")).sendKeys(user);
        driver.findElement(org.openqa.selenium.By.id("j_password")).sendKeys(password, org.openqa.selenium.Keys.ENTER);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.not(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/ui/login")));
    }

    /**
     * Saves a screenshot of the whole page as target/screenshots/{name}.png, then gives the window back its size (a
     * measurement taken after it sees the same viewport as before).
     */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = driver.executeScript("return document.documentElement.scrollHeight");
            org.openqa.selenium.Dimension before = driver.manage().window().getSize();
            int width = before.getWidth();
            long h = Math.min(((Number) height).longValue() + 120, 6000);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, (int) h));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One axe-core violation: rule, impact and how many nodes. */
    public record Violation(String id, String impact, String help, int nodes, String firstTarget) {
        @Override
        public String toString() {
            return id + " (" + impact + ", " + nodes + " node(s), e.g. " + firstTarget + "): " + help;
        }
    }

    /** Runs axe-core (WCAG 2.1 A/AA rules) on the current page; returns every violation. */
    @SuppressWarnings("unchecked")
    public static List<Violation> axe(WebDriver driver) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object raw = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.length, target: v.nodes.length ? String(v.nodes[0].target) : ''}; })); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
        if (raw instanceof String s) {
            throw new IllegalStateException(s);
        }
        List<Violation> out = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> v = (Map<String, Object>) o;
            out.add(new Violation(
                    (String) v.get("id"),
                    (String) v.get("impact"),
                    (String) v.get("help"),
                    ((Number) v.get("nodes")).intValue(),
                    (String) v.get("target")));
        }
        return out;
    }

    /** Serious and critical violations only: the ones a screen must not have. */
    public static List<Violation> serious(List<Violation> all) {
        return all.stream()
                .filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact()))
                .toList();
    }

    private static String axeSource;

    /** axe.min.js from the npm registry's tarball, cached under target/, verified against the published integrity. */
    static synchronized String axeSource() {
        if (axeSource != null) {
            return axeSource;
        }
        try {
            Path cached = Path.of("target", "axe-core-" + AXE_VERSION + ".tgz");
            if (!Files.exists(cached)) {
                HttpResponse<byte[]> r = HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create("https://registry.npmjs.org/axe-core/-/axe-core-"
                                                + AXE_VERSION + ".tgz"))
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(
                            "axe-core download from the npm registry answered " + r.statusCode());
                }
                Files.createDirectories(cached.getParent());
                Files.write(cached, r.body());
            }
            byte[] tgz = Files.readAllBytes(cached);
            String integrity = "sha512-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-512").digest(tgz));
            if (!integrity.equals(AXE_INTEGRITY)) {
                Files.delete(cached);
                throw new IllegalStateException(
                        "axe-core tarball does not match the npm registry's integrity " + AXE_INTEGRITY);
            }
            axeSource = untar(tgz, "package/axe.min.js");
            return axeSource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file out of the npm tarball (a gzipped tar). */
    static String untar(byte[] tgz, String wanted) throws IOException {
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new GZIPInputStream(new java.io.ByteArrayInputStream(tgz)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(wanted)) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException(wanted + " not found in the axe-core tarball");
    }
}
