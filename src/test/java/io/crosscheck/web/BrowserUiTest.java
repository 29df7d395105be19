package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The physiotherapist's pages in a real browser (Debian's headless Chromium): sign in, fill the
 * screening form, read the result, open an explanation, check the body diagram and run axe-core on
 * every screen. Screenshots are kept in target/screenshots/. A heavy suite: run once (the H2 leg).
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserUiTest {

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        if (Browser.missing()) {
            return; // every test is then skipped, or in CI failed, by browserPresent()
        }
        driver = Browser.start(1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        signIn();
    }

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    void signIn() {
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/ui/login"));
        assertNoSeriousAccessibilityViolation("login");
        driver.findElement(By.id("j_username")).sendKeys(TestUsers.ADMIN);
        driver.findElement(By.id("j_password")).sendKeys(TestUsers.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aClinicianScreensAClientWithBothPatternsAndTheResultExplainsItself() {
        newScreening();
        type("clientRef", "browser-both-1");
        // keyboard: from the age field, Tab reaches the sex select; arrow keys choose
        WebElement age = driver.findElement(By.name("client.age"));
        age.sendKeys("34", Keys.TAB);
        driver.switchTo().activeElement().sendKeys("Female");
        assertThat(new Select(driver.findElement(By.name("client.sex")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Female");
        answerEveryRedFlagNo();
        select("sy.0.region", "neck");
        select("sy.0.kind", "pain");
        select("sy.0.trigger", "sitting");
        type("sy.0.nrs", "3");
        type("sy.0.durationWeeks", "12");
        type("sy.0.settleMinutes", "20");
        // the low back hurts too: the form then shows the lower-crossed tests beside the upper-crossed ones
        driver.findElement(By.cssSelector("[data-add-symptom]")).click();
        select("sy.1.region", "low_back");
        select("sy.1.kind", "pain");
        type("lifestyle.sittingHoursPerDay", "9");
        type("obs.craniovertebral_angle.value", "44");
        // the threshold the rules use is shown beside the field, read from the reference data
        assertThat(driver.findElement(
                                By.cssSelector("#sec-posture tr:has([name='obs.craniovertebral_angle.value']) .hint"))
                        .getText())
                .contains("< 50 deg");
        select("obs.rounded_shoulders.sign", "bilateral");
        select("obs.anterior_pelvic_tilt.sign", "present");
        select("ml.upper_trapezius.right.result", "short");
        select("ml.upper_trapezius.left.result", "short");
        select("ml.pectoralis_minor.right.result", "short");
        select("ml.levator_scapulae.left.result", "short");
        select("ml.iliopsoas.left.result", "short");
        type("ml.iliopsoas.left.value", "12");
        select("ml.erector_spinae.right.result", "short");
        select("ml.erector_spinae.left.result", "short");
        check("mv.cervical_flexion.both.sub.chin_poke");
        check("mv.prone_hip_extension.left.sub.gluteus_maximus_delayed");
        select("mv.trunk_curl_up.both.result", "abnormal");
        assertThat(driver.findElement(By.id("redflag-banner")).isDisplayed()).isFalse();
        assertNoSeriousAccessibilityViolation("form");
        Browser.screenshot(driver, "01-screening-form");

        submitExpectingResult();

        assertThat(pattern("UCS").getAttribute("data-status")).isEqualTo("consistent");
        assertThat(pattern("LCS").getAttribute("data-status")).isEqualTo("consistent");
        assertThat(driver.findElements(By.id("referral"))).isEmpty();
        // the body diagram marks exactly the muscles the findings name, on their side
        assertThat(state("front", "pectoralis_minor", "right")).isEqualTo("tight");
        assertThat(state("front", "pectoralis_minor", "left")).isEqualTo("none");
        assertThat(state("back", "levator_scapulae", "left")).isEqualTo("tight");
        assertThat(state("back", "levator_scapulae", "right")).isEqualTo("none");
        assertThat(state("back", "upper_trapezius", "right")).isEqualTo("tight");
        assertThat(state("front", "iliopsoas", "left")).isEqualTo("tight");
        assertThat(state("front", "iliopsoas", "right")).isEqualTo("none");
        assertThat(state("back", "gluteus_maximus", "left")).isEqualTo("weak");
        assertThat(state("back", "gluteus_maximus", "right")).isEqualTo("none");
        assertThat(state("front", "deep_neck_flexors", "right")).isEqualTo("weak");
        assertThat(driver.findElements(By.cssSelector("svg.body-diagram line.cross[data-pattern='UCS']")))
                .hasSize(2);
        assertThat(driver.findElements(By.cssSelector("svg.body-diagram line.cross[data-pattern='LCS']")))
                .hasSize(2);
        // every marked muscle is a finding of the result, and every muscle finding is marked
        List<String> marked = driver.findElements(By.cssSelector(".mark-list li")).stream()
                .map(li -> li.getAttribute("data-muscle") + "/" + li.getAttribute("data-side"))
                .toList();
        assertThat(marked)
                .contains("pectoralis_minor/right", "levator_scapulae/left", "iliopsoas/left", "gluteus_maximus/left")
                .doesNotContain("pectoralis_minor/left", "iliopsoas/right");

        // open an explanation: the derivation comes down to the request fields as sent
        WebElement lcs = pattern("LCS");
        WebElement why = lcs.findElement(By.cssSelector(".derivation-link details.why > summary"));
        why.click();
        WebElement tree = wait.until(
                ExpectedConditions.presenceOfNestedElementLocatedBy(lcs, By.cssSelector(".derivation ul.tree")));
        assertThat(tree.findElements(By.cssSelector("a.rule-id")).stream().map(WebElement::getText))
                .anyMatch(id -> id.matches("LCS-\\d{3}"))
                .contains("PAT-001");
        assertThat(tree.findElements(By.cssSelector("code.pointer")).stream().map(WebElement::getText))
                .anyMatch(p -> p.startsWith("/muscleLength/"));
        assertThat(driver.findElements(By.cssSelector("article.intervention"))).isNotEmpty();
        assertNoSeriousAccessibilityViolation("result");
        Browser.screenshot(driver, "02-result-both-patterns");

        driver.get(driver.getCurrentUrl() + "/report");
        assertThat(driver.findElement(By.id("report-title")).getText()).contains("report");
        assertNoSeriousAccessibilityViolation("report");
        Browser.screenshot(driver, "05-printable-report");
        driver.navigate().back();
        driver.get(driver.getCurrentUrl().replace("/report", "") + "/sheet");
        assertThat(driver.findElements(By.cssSelector(".sheet-item"))).isNotEmpty();
        assertNoSeriousAccessibilityViolation("take-home sheet");
        Browser.screenshot(driver, "06-take-home-sheet");
    }

    @Test
    void aRedFlagShowsTheReferralBeforeSubmittingAndNoExerciseAfter() {
        newScreening();
        type("clientRef", "browser-redflag-1");
        type("client.age", "52");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "pain");
        assertThat(driver.findElement(By.id("redflag-banner")).isDisplayed()).isFalse();
        answer("saddle_anaesthesia", "yes");
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("redflag-banner")));
        assertThat(banner.getText()).contains("Referral needed").contains("cauda equina");
        Browser.screenshot(driver, "03-form-red-flag-before-submit");
        // a supporting-only answer on its own does not refer
        answer("saddle_anaesthesia", "");
        answer("pain_multiple_sites", "yes");
        assertThat(driver.findElement(By.id("redflag-banner")).isDisplayed()).isFalse();
        answer("pain_multiple_sites", "");
        answer("saddle_anaesthesia", "yes");
        select("ml.iliopsoas.left.result", "short");
        driver.findElement(By.id("submit-screening")).click();
        WebElement referral = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral")));
        assertThat(referral.getText()).contains("cauda equina").containsIgnoringCase("today");
        // no exercise is shown: every plan item is the referral itself
        List<WebElement> items = driver.findElements(By.cssSelector("article.intervention"));
        assertThat(items)
                .isNotEmpty()
                .allSatisfy(
                        i -> assertThat(i.findElement(By.cssSelector(".chip")).getText())
                                .isEqualTo("referral"));
        assertThat(driver.findElements(By.cssSelector("details.pattern .badge")))
                .allSatisfy(b -> assertThat(b.getText()).isEqualToIgnoringCase("not assessed"));
        assertNoSeriousAccessibilityViolation("result with a red flag");
        Browser.screenshot(driver, "04-result-red-flag");
        driver.get(driver.getCurrentUrl() + "/sheet");
        assertThat(driver.findElements(By.cssSelector(".sheet-item"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#sheet-referral .what-to-do"))
                        .getText())
                .as("an emergency is an emergency on paper too")
                .isEqualTo("Go to an emergency department now.");
    }

    @Test
    void aValueTheApiRefusesComesBackNextToItsFieldAndNothingIsStored() {
        newScreening();
        type("clientRef", "browser-invalid-1");
        type("client.age", "40");
        type("obs.craniovertebral_angle.value", "forty");
        driver.findElement(By.id("submit-screening")).click();
        // not a number: the API's 400 names the field, shown beside it
        WebElement cvaError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#f-obs-craniovertebral_angle-value-err")));
        assertThat(cvaError.getText()).isNotBlank();
        assertThat(driver.findElement(By.name("obs.craniovertebral_angle.value"))
                        .getAttribute("value"))
                .isEqualTo("forty");
        // out of range: the API's 422 message, beside its field
        type("obs.craniovertebral_angle.value", "48");
        type("client.age", "200");
        driver.findElement(By.id("submit-screening")).click();
        WebElement ageError =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#f-client-age-err")));
        assertThat(ageError.getText()).isNotBlank();
        assertThat(driver.findElement(By.name("client.age")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.name("client.age")).getAttribute("value"))
                .isEqualTo("200");
        assertThat(driver.findElement(By.id("field-errors")).getText()).contains("not saved");
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/admin/clients/browser-invalid-1/export")
                .then()
                .statusCode(200)
                .body("screenings.size()", org.hamcrest.Matchers.is(0));
        Browser.screenshot(driver, "07-form-with-api-errors");
    }

    @Test
    void theResultReadsAtTabletWidthWithoutSidewaysScrolling() {
        newScreening();
        type("clientRef", "browser-tablet-1");
        type("client.age", "40");
        select("ml.hamstrings.left.result", "short");
        submitExpectingResult();
        // red-flag screen not asked at all: the result says so first, with the questions as a form
        assertThat(driver.findElement(By.id("screen-incomplete")).getText()).contains("incomplete");
        ChromeDriver tablet = Browser.start(820, 1180);
        try {
            tablet.get(url("/ui/login"));
            tablet.findElement(By.id("j_username")).sendKeys(TestUsers.ADMIN);
            tablet.findElement(By.id("j_password")).sendKeys(TestUsers.ADMIN_PASSWORD, Keys.ENTER);
            new WebDriverWait(tablet, Duration.ofSeconds(20))
                    .until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
            for (String page : List.of(driver.getCurrentUrl(), url("/ui/screenings/new"))) {
                tablet.get(page);
                Object overflow =
                        tablet.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue())
                        .as("sideways overflow at 820 px on " + page)
                        .isLessThanOrEqualTo(0);
            }
            Browser.screenshot(tablet, "08-form-tablet");
        } finally {
            tablet.quit();
        }
    }

    @Test
    void anAuthorReadsARuleWithItsDocAndWatchesAReplayReachItsImpactTable() throws Exception {
        var admin = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String serving = admin.get("/api/v1/knowledge-base")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        // a second stored version (the shipped rules with a comment added), then the shipped one put back
        java.nio.file.Path rules =
                io.crosscheck.support.Candidates.copyOfRules(java.nio.file.Files.createTempDirectory("browser-kb"));
        java.nio.file.Files.writeString(
                rules.resolve("reference/patterns.yaml"), "# browser test\n", java.nio.file.StandardOpenOption.APPEND);
        String candidate = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType("application/zip")
                .body(TestUsers.zip(rules, java.nio.file.Path.of("kb-docs")))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/reload?version=" + serving)
                .then()
                .statusCode(200);

        driver.get(url("/ui/kb"));
        assertThat(driver.findElements(By.cssSelector("tr[data-rule]"))).hasSizeGreaterThan(20);
        assertNoSeriousAccessibilityViolation("knowledge base");
        Browser.screenshot(driver, "09-knowledge-base");

        driver.findElement(By.cssSelector("tr[data-rule='LCS-010'] a")).click();
        wait.until(ExpectedConditions.urlContains("/ui/kb/rules/LCS-010"));
        assertThat(driver.findElement(By.cssSelector(".kb-doc")).getText()).contains("LCS-010");
        assertThat(driver.findElement(By.cssSelector("pre.drl")).getText())
                .contains("rule")
                .contains("end");
        assertThat(driver.findElements(By.cssSelector("#sc-title + ul li"))).isNotEmpty();
        assertNoSeriousAccessibilityViolation("rule");
        Browser.screenshot(driver, "10-rule-page");

        // at least one stored screening of the clinic to replay
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType("application/json")
                .body("{\"clientRef\": \"browser-replay-1\", \"client\": {\"age\": 30}}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        driver.get(url("/ui/kb"));
        new Select(driver.findElement(By.id("candidate"))).selectByValue(candidate);
        driver.findElement(By.cssSelector("form[action='/ui/kb/replays'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.urlContains("/ui/kb/replays/"));
        // htmx swaps the progress element while it is polled: a stale element is read again, not an error
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d ->
                        "done".equals(d.findElement(By.id("replay-progress")).getAttribute("data-state")));
        WebElement impact = driver.findElement(By.cssSelector("table.impact"));
        assertThat(impact.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        int evaluated = Integer.parseInt(
                impact.findElement(By.cssSelector("tbody tr td")).getText());
        assertThat(evaluated).isPositive();
        assertNoSeriousAccessibilityViolation("replay");
        Browser.screenshot(driver, "11-replay-impact");
    }

    @Test
    void theHistoryChartPlotsTheStoredValuesWithTheThresholdWhereTheRulesPutIt() {
        String ref = "browser-history-1";
        double[] cva = {42, 46.5, 51};
        for (double v : cva) {
            given().auth()
                    .preemptive()
                    .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                    .contentType("application/json")
                    .body(
                            "{\"clientRef\": \"" + ref + "\", \"client\": {\"age\": 45}, \"observations\": [{\"code\": "
                                    + "\"craniovertebral_angle\", \"measurement\": {\"value\": " + v
                                    + ", \"unit\": \"deg\"}}],"
                                    + " \"muscleLength\": [{\"muscle\": \"upper_trapezius\", \"side\": \"right\", \"result\": \"short\"}]}")
                    .post("/api/v1/screenings")
                    .then()
                    .statusCode(201);
        }
        List<Float> stored = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/clients/" + ref + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("series.find { it.code == 'craniovertebral_angle' }.points.value");
        assertThat(stored).containsExactly(42f, 46.5f, 51f);

        driver.get(url("/ui/clients?q=browser-history"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-client='" + ref + "']"));
        assertThat(row.getText()).contains("3");
        assertNoSeriousAccessibilityViolation("clients");
        Browser.screenshot(driver, "12-clients");
        row.findElement(By.cssSelector("a")).click();
        wait.until(ExpectedConditions.urlContains("/ui/clients/" + ref));

        WebElement chart = driver.findElement(By.cssSelector("svg.chart[data-code='craniovertebral_angle']"));
        double v0 = attr(chart, "data-v0");
        double y0 = attr(chart, "data-y0");
        double v1 = attr(chart, "data-v1");
        double y1 = attr(chart, "data-y1");
        List<WebElement> points = chart.findElements(By.cssSelector("circle.point"));
        assertThat(points).hasSize(3);
        double lastX = -1;
        for (int i = 0; i < points.size(); i++) {
            WebElement p = points.get(i);
            assertThat(attr(p, "data-value")).isEqualTo(cva[i]);
            double expectedY = y0 + (cva[i] - v0) * (y1 - y0) / (v1 - v0);
            assertThat(attr(p, "cy"))
                    .as("y of the point for %s deg", cva[i])
                    .isCloseTo(expectedY, org.assertj.core.data.Offset.offset(0.02));
            assertThat(attr(p, "cx")).isGreaterThan(lastX);
            lastX = attr(p, "cx");
        }
        // the rules' forward-head threshold (CVA below 50 deg), from the reference data, drawn at 50
        WebElement threshold = chart.findElement(By.cssSelector("line.threshold[data-threshold='cva_forward_head']"));
        assertThat(attr(threshold, "data-value")).isEqualTo(50.0);
        assertThat(attr(threshold, "y1"))
                .isCloseTo(y0 + (50 - v0) * (y1 - y0) / (v1 - v0), org.assertj.core.data.Offset.offset(0.02));
        // a value above the line is drawn above it (smaller y), those below it below
        assertThat(attr(points.get(2), "cy")).isLessThan(attr(threshold, "y1"));
        assertThat(attr(points.get(0), "cy")).isGreaterThan(attr(threshold, "y1"));
        assertThat(driver.findElements(By.cssSelector("svg.status-bands rect[data-pattern='UCS']")))
                .hasSize(3);
        assertNoSeriousAccessibilityViolation("client history");
        Browser.screenshot(driver, "13-client-history");
    }

    @Test
    void anAmendmentKeepsTheOriginalAndADisagreementReachesTheRulesAuthors() {
        String id = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType("application/json")
                .body("{\"clientRef\": \"browser-amend-1\", \"client\": {\"age\": 38}, \"observations\": [{\"code\": "
                        + "\"craniovertebral_angle\", \"measurement\": {\"value\": 44, \"unit\": \"deg\"}}]}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        driver.get(url("/ui/screenings/" + id + "/amend"));
        assertThat(driver.findElement(By.name("clientRef")).getAttribute("value"))
                .isEqualTo("browser-amend-1");
        assertThat(driver.findElement(By.name("obs.craniovertebral_angle.value"))
                        .getAttribute("value"))
                .isEqualTo("44");
        type("obs.craniovertebral_angle.value", "47");
        driver.findElement(By.id("submit-screening")).click();
        // the reason is required: the API's message comes back beside it
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sec-amend .error")));
        driver.findElement(By.id("f-reason")).sendKeys("CVA re-measured with the client standing");
        submitExpectingResult();
        assertThat(driver.findElement(By.id("versions")).getText())
                .contains("Version 2 of 2")
                .contains("re-measured");
        String amended = driver.getCurrentUrl();
        assertThat(amended).doesNotContain(id);
        driver.get(url("/ui/screenings/" + id));
        assertThat(driver.findElement(By.id("versions")).getText())
                .contains("Version 1 of 2")
                .contains("A newer version exists");

        driver.get(amended);
        new Select(driver.findElement(By.id("d-conclusion"))).selectByIndex(0);
        driver.findElement(By.id("d-expected")).sendKeys("upper-crossed partial: the CVA is borderline");
        driver.findElement(By.cssSelector("form[action$='/disagreements'] button"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        String rule = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/knowledge-base/disagreements")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].ruleId");
        driver.get(url("/ui/kb/rules/" + rule));
        assertThat(driver.findElement(By.id("clinician-notes")).getText()).contains("the CVA is borderline");
    }

    static double attr(WebElement e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void theHealthScreenAsksAFollowUpOnlyAfterAYesAndAHeartWarningSignRefersWithWhatToDoFirst() {
        newScreening();
        type("clientRef", "browser-health-1");
        type("client.age", "34");
        select("client.sex", "female");
        answerEveryRedFlagNo();
        // never pre-filled "no": every health-screen yes/no question starts on "not asked"
        assertThat(driver.findElements(By.cssSelector("#sec-health fieldset.radios input[value='']:checked")))
                .hasSameSizeAs(driver.findElements(By.cssSelector("#sec-health fieldset.radios")));
        assertThat(driver.findElement(By.cssSelector("#hs-cardiovascular .hs-asked-of"))
                        .getText())
                .contains("everyone");
        WebElement weeks = driver.findElement(By.cssSelector(".hs-question[data-question='pregnancy.pregnancyWeeks']"));
        assertThat(weeks.isDisplayed())
                .as("a follow-up is hidden until its parent is yes")
                .isFalse();
        healthAnswer("pregnancy.pregnant", "yes");
        assertThat(weeks.isDisplayed()).isTrue();
        type("pregnancy.pregnancyWeeks", "20");
        healthAnswer("pregnancy.pregnant", "no");
        assertThat(weeks.isDisplayed()).isFalse();
        healthAnswer("cardiovascular.exertionalChestPain", "yes");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "pain");
        assertNoSeriousAccessibilityViolation("form with the health screen");
        Browser.screenshot(driver, "14-form-health-screen");

        submitExpectingResult();

        assertThat(driver.findElement(By.cssSelector("#referral [data-referral='cardiovascular']"))
                        .getText())
                .startsWith("For prompt cardiac assessment");
        assertThat(driver.findElement(By.id("health-screen")).getAttribute("data-status"))
                .isEqualTo("positive");
        assertThat(driver.findElement(By.cssSelector("#health-screen .considerations"))
                        .getText())
                .isNotBlank();
        assertThat(driver.findElement(By.cssSelector(".result-head")).getText())
                .as("while a referral is pending the headline leads with it")
                .contains("Refer (urgent) for prompt cardiac assessment");
        assertNoSeriousAccessibilityViolation("result with a health-screen referral");
        Browser.screenshot(driver, "15-result-health-referral");
        driver.get(driver.getCurrentUrl() + "/sheet");
        assertThat(driver.findElement(By.cssSelector("#sheet-referral .what-to-do"))
                        .getText())
                .startsWith("See a doctor urgently");
        Browser.screenshot(driver, "16-sheet-health-referral");
    }

    @Test
    void aResultWithTheHealthScreenNotAskedMarksThePlanItemsThatDependOnIt() {
        newScreening();
        type("clientRef", "browser-health-2");
        type("client.age", "34");
        answerEveryRedFlagNo();
        select("sy.0.region", "low_back");
        select("sy.0.kind", "tightness");
        select("obs.anterior_pelvic_tilt.sign", "present");
        select("ml.iliopsoas.left.result", "short");
        select("ml.iliopsoas.right.result", "short");
        check("mv.prone_hip_extension.left.sub.gluteus_maximus_delayed");

        submitExpectingResult();

        assertThat(driver.findElement(By.id("health-screen")).getAttribute("data-status"))
                .isEqualTo("incomplete");
        assertThat(driver.findElement(By.cssSelector(".result-head")).getText())
                .as("the headline names both screens")
                .contains("Red-flag screen complete and negative")
                .contains("Health screen incomplete")
                .contains("provisional");
        assertThat(driver.findElements(By.cssSelector("#health-screen .unanswered li[data-domain]")))
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("article.intervention.depends .depends-on")))
                .isNotEmpty();
        assertNoSeriousAccessibilityViolation("result with the health screen not asked");
        Browser.screenshot(driver, "17-result-health-screen-not-asked");
    }

    void healthAnswer(String name, String value) {
        WebElement label = driver.findElement(
                By.cssSelector("fieldset.radios[data-name='" + name + "'] input[value='" + value + "'] + label"));
        // out from under the sticky submit bar
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
    }

    /** A blank form: a draft left in this tab by an earlier test is cleared first (confirmed when the form asks). */
    void newScreening() {
        driver.get(url("/ui/screenings/new"));
        driver.findElement(By.cssSelector("[data-clear-draft]")).click();
        for (WebElement confirm : driver.findElements(By.cssSelector("[data-confirm-clear]"))) {
            if (confirm.isDisplayed()) {
                confirm.click();
            }
        }
    }

    void submitExpectingResult() {
        driver.findElement(By.id("submit-screening")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".result-head")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no result page after submitting; the page said: "
                            + driver.findElement(By.tagName("main"))
                                    .getText()
                                    .lines()
                                    .limit(3)
                                    .toList() + " errors: "
                            + driver.findElements(By.cssSelector("[aria-invalid='true'], .has-error")).stream()
                                    .map(x -> x.getAttribute("name") + x.getAttribute("data-name") + ": " + x.getText())
                                    .toList()
                            + driver.findElements(By.cssSelector(".error")).stream()
                                    .map(WebElement::getText)
                                    .toList(),
                    e);
        }
    }

    void answerEveryRedFlagNo() {
        for (WebElement b : driver.findElements(By.cssSelector("[data-all-no]"))) {
            b.sendKeys(Keys.ENTER);
        }
        assertThat(driver.findElements(By.cssSelector("fieldset.rf input[value='no']:checked"))
                        .size())
                .isEqualTo(driver.findElements(By.cssSelector("fieldset.rf")).size());
    }

    void answer(String redFlag, String value) {
        WebElement label = driver.findElement(
                By.cssSelector("fieldset.rf[data-name='rf." + redFlag + "'] input[value='" + value + "'] + label"));
        // out from under the sticky bar (Selenium scrolls a target only just into view)
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
        label.click();
    }

    WebElement pattern(String code) {
        return driver.findElement(By.cssSelector("details.pattern[data-pattern='" + code + "']"));
    }

    String state(String view, String muscle, String side) {
        return driver.findElement(By.id("m-" + view + "-" + muscle + "-" + side))
                .getAttribute("data-state");
    }

    void type(String name, String text) {
        WebElement e = driver.findElement(By.name(name));
        e.clear();
        e.sendKeys(text);
    }

    void select(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
    }

    void check(String name) {
        WebElement box = driver.findElement(By.name(name));
        if (!box.isSelected()) {
            box.sendKeys(Keys.SPACE);
        }
    }

    void assertNoSeriousAccessibilityViolation(String screen) {
        List<Browser.Violation> serious = Browser.serious(Browser.axe(driver));
        assertThat(serious)
                .as("axe-core serious/critical violations on the " + screen + " screen")
                .isEmpty();
    }
}
