package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The result as a physiotherapist reads it in a real browser (issue 26, points 4 and 5): the summary comes first and
 * the first plan item is on the first screen at desktop and tablet width; an amendment shows which fields changed and
 * the report says it was amended; the times agree between the timeline and the result; amending a superseded version
 * says why nothing was saved; a disagreement is confirmed where the clinician is looking and then shown on the result
 * and the report; the report prints on one A4 page for the article client and for a red-flag client. axe-core on every
 * page; screenshots and PDFs in target/screenshots/.
 */
@QuarkusTest
@Tag("browser")
class ResultFirstBrowserTest {

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void theSummaryComesFirstAndTheFirstPlanItemIsOnTheFirstScreenAtDesktopAndTabletWidth() throws IOException {
        String id = screen(article(client("first")));
        for (int[] size : new int[][] {{1280, 900}, {820, 1180}}) {
            start(size[0], size[1]);
            driver.get(url("/ui/screenings/" + id));
            WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));

            assertThat(summary.findElements(By.cssSelector("ol.first-actions li")))
                    .extracting(e -> e.getAttribute("data-first"))
                    .containsExactly("hip_flexor_stretch", "glute_activation", "education_reassurance");
            assertThat(summary.findElement(By.cssSelector("li[data-first='hip_flexor_stretch']"))
                            .getText())
                    .contains("because short one-joint hip flexors (iliopsoas) (right)");
            assertThat(summary.getText())
                    .contains("No referral: the red-flag screen is complete and negative")
                    .contains("Ask or test next");
            assertThat(summary.findElements(By.cssSelector("ul.next-steps li[data-next='test']")))
                    .isNotEmpty();
            List<WebElement> items = driver.findElements(By.cssSelector("ol.plan-items article[data-intervention]"));
            assertThat(items)
                    .extracting(e -> e.getAttribute("data-intervention"))
                    .hasSize(9)
                    .doesNotHaveDuplicates()
                    .startsWith("hip_flexor_stretch", "glute_activation", "education_reassurance");
            Map<String, Object> m = measure();
            assertThat(((Number) m.get("summaryTop")).doubleValue())
                    .as("the summary is above the plan and the patterns")
                    .isLessThan(((Number) m.get("firstItemTop")).doubleValue())
                    .isLessThan(((Number) m.get("patternsTop")).doubleValue());
            assertThat(((Number) m.get("firstItemTop")).doubleValue())
                    .as("first plan item on the first screen at %d px: %s", size[0], m)
                    .isLessThan(((Number) m.get("innerHeight")).doubleValue() - 60);
            WebElement lcs = driver.findElement(By.cssSelector("details[data-pattern='LCS']"));
            assertThat(lcs.findElements(By.cssSelector("ul.findings > li")))
                    .as("as many lines as the distinct findings the pattern counted")
                    .hasSize(3);
            assertThat(lcs.getText()).contains("3 distinct findings").contains("Findings that count (3)");
            assertThat(Browser.serious(Browser.axe(driver)))
                    .as("axe-core on the result at %d px", size[0])
                    .isEmpty();
            viewport("result-first-screen-" + size[0]);
            Browser.screenshot(driver, "result-first-" + size[0]);
            record("result at " + size[0] + " px: " + m);
        }
    }

    @Test
    void anAmendmentShowsWhichFieldsChangedAndTheReportSaysItWasAmendedWithTheTimelinesTime() throws IOException {
        String client = client("amend");
        String first = screen(article(client));
        String second = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Right Thomas test repeated; sitting time corrected\", \"request\": "
                        + article(client)
                                .replace(
                                        "\"side\": \"right\", \"result\": \"short\"",
                                        "\"side\": \"right\", \"result\": \"normal\"")
                                .replace("\"sittingHoursPerDay\": 9", "\"sittingHoursPerDay\": 5")
                        + "}")
                .post("/api/v1/screenings/" + first + "/amendments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        start(1280, 900);

        driver.get(url("/ui/screenings/" + second));
        WebElement changes = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("changes")));
        assertThat(driver.findElement(By.id("versions")).getText())
                .contains("Version 2 of 2")
                .contains("Right Thomas test repeated");
        assertThat(changes.findElements(By.cssSelector("tbody tr")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row)
                        .contains("Muscle length: One-joint hip flexors (iliopsoas), right")
                        .contains("short, 9 deg")
                        .contains("normal, 9 deg"))
                .anySatisfy(row -> assertThat(row)
                        .containsIgnoringCase("sitting")
                        .contains("9 h/day")
                        .contains("5 h/day"));
        String resultTime = driver.findElement(By.cssSelector(".result-head .crumbs"))
                .getText()
                .replaceAll(".*Screening of (.+?) · .*", "$1");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on version 2's result")
                .isEmpty();
        Browser.screenshot(driver, "result-version-diff");

        driver.get(url("/ui/clients/" + client));
        WebElement entry = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-screening='" + second + "'] a")));
        assertThat(entry.getText())
                .as("the timeline and the result give the same time, in the clinic's zone")
                .isEqualTo(resultTime)
                .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} (GMT|BST)");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the client's timeline")
                .isEmpty();

        driver.get(url("/ui/screenings/" + second + "/report"));
        WebElement version =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-report='version']")));
        assertThat(version.getText()).startsWith("2 of 2, amended").contains("Right Thomas test repeated");
        assertThat(driver.findElement(By.cssSelector("[data-report='changes']")).getText())
                .contains("short, 9 deg → normal, 9 deg");
        assertThat(driver.findElement(By.cssSelector("[data-report='clinician']"))
                        .getText())
                .isEqualTo(TestUsers.ADMIN);
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the amended report")
                .isEmpty();
        try (PDDocument doc = Loader.loadPDF(printToPdf("report-amended"))) {
            assertThat(doc.getNumberOfPages())
                    .as("the amended report, with what changed, on one A4 page")
                    .isEqualTo(1);
        }
    }

    @Test
    void amendingAVersionAmendedMeanwhileSaysSoAndKeepsWhatWasTyped() {
        String client = client("conflict");
        String first = screen(article(client));
        start(1280, 900);
        driver.get(url("/ui/screenings/" + first + "/amend"));
        WebElement reason = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-reason")));
        // another clinician amends version 1 meanwhile
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"Age corrected\", \"request\": " + article(client) + "}")
                .post("/api/v1/screenings/" + first + "/amendments")
                .then()
                .statusCode(201);
        reason.sendKeys("Thomas test repeated");
        WebElement submit = driver.findElement(By.id("submit-screening"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(message.getText())
                .contains("The screening was not saved")
                .contains("version 2 (“Age corrected”) is now the newest")
                .contains("your changes were not saved");
        assertThat(driver.findElement(By.id("f-reason")).getAttribute("value")).isEqualTo("Thomas test repeated");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the refused amendment")
                .isEmpty();
        Browser.screenshot(driver, "amend-superseded-409");

        driver.get(url("/ui/screenings/" + first));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".head-actions")))
                        .getText())
                .as("version 1's page offers to amend the newest version instead")
                .contains("Amend the newest version (2)");
    }

    @Test
    void aDisagreementIsConfirmedWhereTheClinicianIsLookingAndThenShownOnTheResultAndTheReport() throws IOException {
        String id = screen(article(client("disagree")));
        start(1280, 900);
        driver.get(url("/ui/screenings/" + id));
        WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("d-conclusion")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        new Select(select).selectByVisibleText("Pattern: lower-crossed syndrome (consistent)");
        driver.findElement(By.id("d-expected")).sendKeys("partial: the tilt alone is a normal variant");
        driver.findElement(By.cssSelector("form[action$='/disagreements'] button"))
                .click();

        WebElement noted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("disagreement-noted")));
        Map<String, Object> box = box(noted);
        assertThat(((Number) box.get("top")).doubleValue())
                .as("the confirmation is on screen: %s", box)
                .isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("bottom")).doubleValue())
                .isLessThanOrEqualTo(((Number) box.get("innerHeight")).doubleValue());
        assertThat(driver.findElements(By.cssSelector("#disagreements li[data-disagreement]")))
                .singleElement()
                .satisfies(li -> assertThat(li.getText())
                        .contains("Pattern: lower-crossed syndrome (consistent)")
                        .contains("partial: the tilt alone is a normal variant"));
        assertThat(driver.findElement(By.id("summary")).getText()).contains("1 disagreement recorded");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the result with the disagreement")
                .isEmpty();
        viewport("result-disagreement-noted");

        driver.get(url("/ui/screenings/" + id + "/report"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("[data-report='disagreements']")))
                        .getText())
                .contains("partial: the tilt alone is a normal variant");
    }

    @Test
    void theReportPrintsOnOneA4PageForTheArticleClientAndForARedFlagClient() throws IOException {
        String article = screen(article(client("report")));
        String redFlag = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS.replace("pseudo-0001", client("report-rf")));
        start(1280, 900);
        for (Map.Entry<String, String> e :
                Map.of("article", article, "red-flag", redFlag).entrySet()) {
            driver.get(url("/ui/screenings/" + e.getValue() + "/report"));
            WebElement screens =
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-report='screens']")));
            assertThat(screens.getText())
                    .contains(
                            e.getKey().equals("article")
                                    ? "Red-flag screen complete and negative"
                                    : "Refer (emergency) to exclude cauda equina syndrome")
                    .contains("Health screen complete");
            assertThat(driver.findElement(By.cssSelector("[data-report='measured']"))
                            .getText())
                    .contains("Muscle length: One-joint hip flexors (iliopsoas), left: short, 12 deg");
            assertThat(driver.findElement(By.cssSelector("[data-report='symptoms']"))
                            .getText())
                    .contains("Low back");
            assertThat(driver.findElement(By.cssSelector("[data-report='clinician']"))
                            .getText())
                    .isEqualTo(TestUsers.ADMIN);
            assertThat(Browser.serious(Browser.axe(driver)))
                    .as("axe-core on the %s report", e.getKey())
                    .isEmpty();
            Browser.screenshot(driver, "report-" + e.getKey());
            byte[] bytes = printToPdf("report-" + e.getKey());
            try (PDDocument doc = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(doc.getNumberOfPages())
                        .as("the %s report on one A4 page", e.getKey())
                        .isEqualTo(1);
                assertThat(text.split("Screening heuristics, not a diagnosis", -1))
                        .as("the disclaimer once")
                        .hasSize(2);
                record("report " + e.getKey() + ": " + doc.getNumberOfPages() + " page(s)");
            }
        }
    }

    private Map<String, Object> measure() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>)
                driver.executeScript(
                        "function top(s) { var e = document.querySelector(s); return e ? e.getBoundingClientRect().top + window.scrollY : -1; }"
                                + "var plan = document.querySelector('section.plan');"
                                + "return {summaryTop: top('#summary'), firstItemTop: top('ol.plan-items article.intervention'),"
                                + " patternsTop: top('section.patterns'), innerHeight: window.innerHeight,"
                                + " pageHeight: document.documentElement.scrollHeight,"
                                + " items: document.querySelectorAll('ol.plan-items article.intervention').length,"
                                + " planWords: plan.innerText.split(/\\s+/).filter(Boolean).length,"
                                + " mainWords: document.querySelector('main').innerText.split(/\\s+/).filter(Boolean).length,"
                                + " screensToFirstItem: Math.round(100 * top('ol.plan-items article.intervention') / window.innerHeight) / 100};");
        return m;
    }

    /** The page printed by Chromium on A4 (its print stylesheet), saved as target/screenshots/{name}.pdf. */
    private byte[] printToPdf(String name) throws IOException {
        Map<String, Object> pdf = driver.executeCdpCommand(
                "Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve(name + ".pdf"), bytes);
        return bytes;
    }

    /** What the clinician sees without scrolling, as target/screenshots/{name}.png. */
    private void viewport(String name) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private Map<String, Object> box(WebElement e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                        + " return {top: r.top, bottom: r.bottom, innerHeight: window.innerHeight};",
                e);
        return m;
    }

    private void start(int width, int height) {
        stopBrowser();
        driver = Browser.start(width, height);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.signIn(driver, wait, url("/"), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private static String client(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String article(String client) {
        try {
            return Files.readString(Path.of("examples/article-desk-worker.json"))
                    .replace("pseudo-0001", client);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String screen(String body) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Appends a measurement to target/screenshots/result-measurements.txt (quoted in docs/web-ui.md). */
    private static void record(String line) throws IOException {
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(
                Browser.SCREENSHOTS.resolve("result-measurements.txt"),
                line + System.lineSeparator(),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
