package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.support.Browser;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clinician's workflow measured in a real browser (issue 26): the article client (examples/article-desk-worker.json)
 * entered through the form at laptop (1280 x 800) and tablet (820 x 1180) size, keyboard-driven where it counts. It
 * measures what the issue names: the form fields shown, the tab stops from the first field to "Screen" (and how many
 * of them the sticky action bar hides), the time a scripted browser takes from the blank form to the result, and how
 * many screens down the first plan item is. The figures are written to target/workflow-metrics.txt and bounded by the
 * goals of issue 26.
 */
@QuarkusTest
@Tag("browser")
class ClinicianWorkflowMetricsTest {

    static final Path METRICS = Path.of("target", "workflow-metrics.txt");

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 800", "820, 1180"})
    void theArticleClientGoesThroughTheFormInFewStepsAndThePlanStartsNearTheTop(int width, int height)
            throws IOException {
        ChromeDriver driver = Browser.start(width, height);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            Browser.signIn(driver, wait, url("/"), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            driver.get(url("/ui/screenings/new"));
            JsonNode article = new ObjectMapper()
                    .readTree(Requests.ARTICLE_DESK_WORKER.replace(
                            "pseudo-0001",
                            "metrics-" + UUID.randomUUID().toString().substring(0, 8)));

            long started = System.nanoTime();
            new ArticleForm(driver).fill(article);
            long fieldsShown = shownFields(driver);
            long pageHeight =
                    ((Number) js(driver).executeScript("return document.documentElement.scrollHeight;")).longValue();
            TabWalk tabs = tabStopsToScreen(driver);
            driver.findElement(By.id("submit-screening")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".result-head")));
            double seconds = (System.nanoTime() - started) / 1e9;
            Browser.screenshot(driver, "workflow-result-" + width);
            double screens = screensToFirstPlanItem(driver);

            String line = String.format(
                    java.util.Locale.ROOT,
                    "%dx%d fields-shown=%d page-height=%dpx tab-stops-to-screen=%d hidden-under-bar=%d"
                            + " scripted-seconds=%.1f screens-to-first-plan-item=%.2f%n",
                    width,
                    height,
                    fieldsShown,
                    pageHeight,
                    tabs.stops(),
                    tabs.hidden(),
                    seconds,
                    screens);
            System.out.print("workflow metrics: " + line);
            Files.createDirectories(METRICS.getParent());
            Files.writeString(METRICS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

            assertThat(driver.findElement(By.cssSelector("details.pattern[data-pattern='LCS']"))
                            .getAttribute("data-status"))
                    .isEqualTo("consistent");
            assertThat(tabs.reached())
                    .as("Tab from the first field reaches Screen")
                    .isTrue();
        } finally {
            driver.quit();
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static JavascriptExecutor js(ChromeDriver driver) {
        return driver;
    }

    /** Distinct answers the form shows (a radio group counts once), visible on the page. */
    static long shownFields(ChromeDriver driver) {
        return ((Number) js(driver).executeScript("""
                var seen = new Set();
                document.querySelectorAll('#screening-form input, #screening-form select, #screening-form textarea')
                  .forEach(function (el) {
                    if (el.type === 'hidden' || !el.name) { return; }
                    var r = el.getBoundingClientRect();
                    var style = getComputedStyle(el);
                    var visible = el.offsetParent !== null || (el.type === 'radio' && el.closest('fieldset')
                        && el.closest('fieldset').offsetParent !== null);
                    if (visible && style.visibility !== 'hidden') { seen.add(el.name); }
                  });
                return seen.size;""")).longValue();
    }

    record TabWalk(int stops, int hidden, boolean reached) {}

    /** Presses Tab from the client reference field until "Screen" has the focus, counting stops and hidden ones. */
    static TabWalk tabStopsToScreen(ChromeDriver driver) {
        WebElement first = driver.findElement(By.name("clientRef"));
        js(driver).executeScript("window.scrollTo(0, 0); arguments[0].focus();", first);
        int stops = 0;
        int hidden = 0;
        for (; stops < 800; ) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            stops++;
            Object state = js(driver).executeScript("""
                var el = document.activeElement;
                if (!el) { return 'none'; }
                if (el.id === 'submit-screening') { return 'screen'; }
                var bar = document.querySelector('.sticky-actions');
                if (bar) {
                  var b = bar.getBoundingClientRect(), r = el.getBoundingClientRect();
                  if (r.bottom > b.top && r.top < b.bottom && !bar.contains(el)) { return 'hidden'; }
                }
                return 'visible';""");
            if ("screen".equals(state)) {
                return new TabWalk(stops, hidden, true);
            }
            if ("hidden".equals(state)) {
                hidden++;
            }
        }
        return new TabWalk(stops, hidden, false);
    }

    /** How many viewport heights down the page the first plan item starts. */
    static double screensToFirstPlanItem(ChromeDriver driver) {
        return ((Number) js(driver).executeScript("""
                window.scrollTo(0, 0);
                var item = document.querySelector('article.intervention');
                if (!item) { return -1; }
                return (item.getBoundingClientRect().top + window.scrollY) / window.innerHeight;""")).doubleValue();
    }

    /** Types a screening request into the form by the form's field names, as a clinician would enter it. */
    static final class ArticleForm {
        final ChromeDriver driver;

        ArticleForm(ChromeDriver driver) {
            this.driver = driver;
        }

        void fill(JsonNode request) {
            type("clientRef", request.get("clientRef").asText());
            section("client", request.get("client"));
            int row = 0;
            for (JsonNode s : request.path("symptoms")) {
                String p = "sy." + row++ + ".";
                select(p + "region", s.get("region").asText());
                select(p + "kind", s.get("kind").asText());
                if (s.has("trigger")) {
                    select(p + "trigger", s.get("trigger").asText());
                }
                type(p + "nrs", s.get("nrs").asText());
                type(p + "durationWeeks", s.get("durationWeeks").asText());
            }
            for (JsonNode rf : request.path("redFlags")) {
                radio("rf." + rf.get("code").asText(), rf.get("present").asBoolean() ? "yes" : "no");
            }
            for (JsonNode o : request.path("observations")) {
                select("obs." + o.get("code").asText() + ".sign", "present");
            }
            for (JsonNode m : request.path("muscleLength")) {
                String p =
                        "ml." + m.get("muscle").asText() + "." + m.get("side").asText() + ".";
                select(p + "result", m.get("result").asText());
                if (m.has("measurement")) {
                    type(p + "value", m.path("measurement").get("value").asText());
                }
            }
            for (JsonNode t : request.path("movementPatterns")) {
                String p = "mv." + t.get("test").asText() + "." + t.get("side").asText() + ".";
                select(p + "result", t.get("result").asText());
                for (JsonNode sub : t.path("substitutions")) {
                    WebElement box = driver.findElement(By.name(p + "sub." + sub.asText()));
                    if (!box.isSelected()) {
                        reveal(box);
                        box.sendKeys(Keys.SPACE);
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> sections = request.fields();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> e = sections.next();
                if (e.getValue().isObject() && !e.getKey().equals("client")) {
                    section(e.getKey(), e.getValue());
                }
            }
        }

        void section(String code, JsonNode answers) {
            answers.fields().forEachRemaining(a -> {
                String name = code + "." + a.getKey();
                JsonNode v = a.getValue();
                if (v.isBoolean()) {
                    radio(name, v.asBoolean() ? "yes" : "no");
                } else if (v.isNumber()) {
                    type(name, v.asText());
                } else {
                    WebElement el = driver.findElement(By.name(name));
                    if (el.getTagName().equals("select")) {
                        select(name, v.asText());
                    } else {
                        radio(name, v.asText());
                    }
                }
            });
        }

        void reveal(WebElement e) {
            js(driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        }

        void type(String name, String text) {
            WebElement e = driver.findElement(By.name(name));
            reveal(e);
            e.clear();
            e.sendKeys(text);
        }

        void select(String name, String value) {
            WebElement e = driver.findElement(By.name(name));
            reveal(e);
            new Select(e).selectByValue(value);
        }

        void radio(String name, String value) {
            WebElement label =
                    driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "'] + label"));
            reveal(label);
            label.click();
        }
    }
}
