package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screening form as a physiotherapist meets it (issue 26, point 1), in a real browser (Debian's headless
 * Chromium) at 1280 and 820 px: the form follows the client and the complaint entered first (red-flag domains as the
 * screen scopes them, questions as they apply, the tests of the complaint's pattern, the rest one click away and
 * never sent), the referral banner appears without moving the question under the pointer, every target is at least
 * 44 px at tablet width with nothing scrolling sideways and nothing focused under the sticky bar, one submit shows
 * every mistake in a clinician's words, clearing asks first and can be undone, the tab order is short, and a draft
 * belongs to its user and version and goes with sign-out. Each page is checked by axe-core; screenshots in
 * target/screenshots/.
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormFollowsTheComplaintBrowserTest {

    static final List<String> LOW_BACK_DOMAINS = List.of(
            "cauda_equina", "progressive_neurological_deficit", "malignancy", "infection", "fracture", "inflammatory");

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
        Browser.signIn(driver, wait, url("/"), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aLowBackClientIsAskedTheLumbarRedFlagsAndExaminedForLowerCrossedWithEverythingElseOneClickAway() {
        newScreening();
        String client = "form-scope-" + UUID.randomUUID().toString().substring(0, 8);
        type("clientRef", client);
        // no region yet: every red-flag domain, as the screen counts them for a client without a region
        assertThat(shownDomains())
                .hasSize(driver.findElements(By.cssSelector("fieldset.rf-domain"))
                        .size());

        type("client.age", "34");
        select("client.sex", "female");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "tightness");
        assertThat(shownDomains()).as("red-flags.yaml regions").containsExactlyElementsOf(LOW_BACK_DOMAINS);
        // lower-crossed tests (patterns.yaml LCS regions), no upper-crossed ones; the nerve-root examination counts
        // towards no pattern and stays for everyone
        assertThat(shown("tr[data-observation='anterior_pelvic_tilt']")).isTrue();
        assertThat(shown("tr[data-muscle='iliopsoas']")).isTrue();
        assertThat(shown("div.movement[data-test='prone_hip_extension']")).isTrue();
        assertThat(shown("div.movement[data-test='lower_limb_neurological_exam']"))
                .isTrue();
        assertThat(shown("tr[data-observation='craniovertebral_angle']")).isFalse();
        assertThat(shown("tr[data-muscle='upper_trapezius']")).isFalse();
        assertThat(shown("div.movement[data-test='cervical_flexion']")).isFalse();
        // questions as inputs.yaml applies them: pregnancy at 34, no falls, bone health only after corticosteroids
        assertThat(shown(".hs-question[data-question='pregnancy.pregnant']")).isTrue();
        assertThat(shown("#hs-falls")).isFalse();
        assertThat(shown(".hs-question[data-question='boneHealth.osteoporosis']"))
                .isFalse();
        healthAnswer("boneHealth.longTermCorticosteroids", "yes");
        assertThat(shown(".hs-question[data-question='boneHealth.osteoporosis']"))
                .isTrue();
        healthAnswer("boneHealth.longTermCorticosteroids", "no");
        assertThat(shown(".hs-question[data-question='boneHealth.osteoporosis']"))
                .isFalse();
        assertThat(shown("details.questionnaire[data-questionnaire='sbst']")).isTrue();
        assertThat(shown("details.measure[data-measure='ndi']")).isFalse();
        assertThat(driver.findElement(By.cssSelector("[data-scope-summary]")).getText())
                .isEqualTo("Low back · 34 years · female");
        assertNoSeriousAccessibilityViolation("form scoped to a low-back client");
        driver.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, "form-follows-complaint-1280");

        // one section's other tests, then everything
        WebElement posture = driver.findElement(By.cssSelector("#sec-posture [data-scope-note]"));
        assertThat(posture.getText()).containsPattern("Show \\d+ more");
        click(posture.findElement(By.tagName("label")));
        assertThat(shown("tr[data-observation='craniovertebral_angle']")).isTrue();
        assertThat(shown("tr[data-muscle='upper_trapezius']")).isFalse();
        click(driver.findElement(By.cssSelector("label[for='show-all']")));
        assertThat(shownDomains())
                .hasSize(driver.findElements(By.cssSelector("fieldset.rf-domain"))
                        .size());
        assertThat(shown("tr[data-muscle='upper_trapezius']")).isTrue();
        // a question answered outside the complaint stays in view when everything is folded again
        answer("dizziness", "no");
        click(driver.findElement(By.cssSelector("label[for='show-all']")));
        click(posture.findElement(By.tagName("label")));
        assertThat(shownDomains()).contains("cervical_arterial").doesNotContain("cervical_myelopathy");

        for (String domain : LOW_BACK_DOMAINS) {
            click(driver.findElement(By.cssSelector("fieldset.rf-domain[data-domain='" + domain + "'] [data-all-no]")));
        }
        submitExpectingResult();
        assertThat(driver.findElement(By.cssSelector(".result-head")).getText())
                .as("the screen counts exactly the questions the form asked")
                .contains("Red-flag screen complete and negative");
        List<String> sent = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/admin/clients/" + client + "/export")
                .then()
                .statusCode(200)
                .extract()
                .path("screenings[0].request.redFlags.code");
        assertThat(sent)
                .as("a folded question is never sent, so never a no")
                .contains("dizziness", "saddle_anaesthesia")
                .doesNotContain("diplopia", "clumsy_hands");
    }

    @Test
    void theArticleClientIsEnteredWholeThroughTheScopedFormAtTabletWidthAndStoredAsTheExampleSays() throws Exception {
        driver.manage().window().setSize(new Dimension(820, 1180));
        String client = "form-article-" + UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.JsonNode example = io.crosscheck.support.RuleHarness.JSON.readTree(
                io.crosscheck.support.Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", client));
        Map<String, String> values = new io.crosscheck.web.service.ScreeningForm(
                        new com.fasterxml.jackson.databind.ObjectMapper(),
                        io.crosscheck.web.service.Questionnaires.load(),
                        3)
                .values(io.crosscheck.support.RuleHarness.shipped().knowledgeBase(), example);
        newScreening();
        long started = System.nanoTime();
        // every field in the page's order, as a clinician meets it: nothing needs "Show every section and test"
        List<?> names = (List<?>) driver.executeScript("var seen = [], out = [];"
                + " Array.prototype.forEach.call(document.getElementById('screening-form').elements, function (e) {"
                + " if (e.name && e.type !== 'hidden' && seen.indexOf(e.name) < 0) { seen.push(e.name); out.push(e.name); } });"
                + " return out;");
        int entered = 0;
        for (Object n : names) {
            String name = (String) n;
            String v = values.get(name);
            if (v == null) {
                continue;
            }
            WebElement field = driver.findElement(By.name(name));
            switch (field.getAttribute("type")) {
                case "radio" ->
                    click(driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + v + "'] + label")));
                case "checkbox" ->
                    click(driver.findElement(By.cssSelector("label[for='" + field.getAttribute("id") + "']")));
                default -> {
                    if ("select".equals(field.getTagName())) {
                        select(name, v);
                    } else {
                        type(name, v);
                    }
                }
            }
            entered++;
        }
        assertThat(entered).isEqualTo(values.size());
        submitExpectingResult();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "[form at 820 px] the article client through the form: %d fields, %.1f s scripted%n", entered, seconds);
        com.fasterxml.jackson.databind.JsonNode stored = io.crosscheck.support.RuleHarness.JSON
                .readTree(given().auth()
                        .preemptive()
                        .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                        .get("/api/v1/admin/clients/" + client + "/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("screenings")
                .path(0)
                .path("request");
        example.fieldNames()
                .forEachRemaining(section ->
                        assertThat(sorted(stored.path(section))).as(section).isEqualTo(sorted(example.path(section))));
    }

    /**
     * A JSON value with the entries of its arrays in one order (the form sends right before left), nulls left out and
     * numbers as written (12 and 12.0 alike).
     */
    static String sorted(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            n.forEach(i -> items.add(sorted(i)));
            java.util.Collections.sort(items);
            return items.toString();
        }
        if (n.isObject()) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            n.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    fields.put(f.getKey(), sorted(f.getValue()));
                }
            });
            return fields.toString();
        }
        if (n.isNumber()) {
            return n.asDouble() == Math.rint(n.asDouble()) ? Long.toString(n.asLong()) : Double.toString(n.asDouble());
        }
        return n.toString();
    }

    @Test
    void aYesToARedFlagShowsTheReferralWithoutMovingTheQuestionUnderThePointer() {
        newScreening();
        type("client.age", "52");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "pain");
        WebElement saddle = question("saddle_anaesthesia");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", saddle);
        WebElement nextNo = label("bilateral_leg_symptoms", "no");
        Map<String, Number> before = rect(nextNo);
        Map<String, Number> rowAbove = rect(question("bowel_incontinence"));
        assertThat(driver.findElement(By.id("redflag-banner")).isDisplayed()).isFalse();

        clickAt(rect(label("saddle_anaesthesia", "yes")));
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("redflag-banner")));
        assertThat(banner.getText()).contains("Referral needed").contains("cauda equina");
        assertThat(rect(nextNo).get("y").doubleValue())
                .as("the next question has not moved")
                .isEqualTo(before.get("y").doubleValue());
        assertThat(rect(question("bowel_incontinence")).get("y").doubleValue())
                .isEqualTo(rowAbove.get("y").doubleValue());
        viewport("form-red-flag-banner-1280");

        // the clinician's next click, where "no" for bilateral leg symptoms was before the banner appeared
        clickAt(before);
        assertThat(checked("bilateral_leg_symptoms")).isEqualTo("no");
        assertThat(checked("bowel_incontinence"))
                .as("nothing recorded on another row")
                .isEmpty();
        assertThat(checked("saddle_anaesthesia")).isEqualTo("yes");
        assertThat(driver.findElements(By.cssSelector("fieldset.rf input:checked")).stream()
                        .filter(i -> !i.getAttribute("value").isEmpty())
                        .count())
                .as("two answers, no other")
                .isEqualTo(2);
        // the banner stays in view while the clinician examines further down
        driver.executeScript("document.getElementById('sec-movement').scrollIntoView()");
        assertThat(inViewport(banner)).isTrue();
        assertNoSeriousAccessibilityViolation("form with a red flag");
    }

    @Test
    void atTabletWidthEveryTargetIsAtLeast44PxNothingScrollsSidewaysAndNothingFocusedHidesUnderTheBar() {
        driver.manage().window().setSize(new Dimension(820, 1180));
        newScreening();
        articleClientEntered();
        Map<String, Object> m = metrics();
        System.out.println("[form at 820 px] " + m);
        assertThat(((Number) m.get("smallTargets")).intValue())
                .as("targets under 44 px: %s", m.get("smallExamples"))
                .isZero();
        assertThat(((Number) m.get("sideways")).intValue()).isLessThanOrEqualTo(0);
        assertThat((String) m.get("scrollingTables")).isEmpty();
        TabWalk walk = tabToScreen();
        System.out.println("[form at 820 px] " + walk);
        assertThat(walk.hiddenUnderBar())
                .as("focused under the sticky bar: %s", walk.hidden())
                .isEmpty();
        assertNoSeriousAccessibilityViolation("form at tablet width");
        driver.executeScript("window.scrollTo(0, 0)");
        viewport("form-follows-complaint-820");
        Browser.screenshot(driver, "form-follows-complaint-820-page");
    }

    @Test
    void theArticleClientReachesScreenInFarFewerTabStopsThanWithEverySectionShown() {
        newScreening();
        articleClientEntered();
        Map<String, Object> scoped = metrics();
        TabWalk walk = tabToScreen();
        click(driver.findElement(By.cssSelector("label[for='show-all']")));
        Map<String, Object> everything = metrics();
        TabWalk all = tabToScreen();
        System.out.println("[form at 1280 px] article client: " + walk + ", " + scoped + "; every section shown: " + all
                + ", " + everything);
        assertThat(walk.stops()).isLessThan(all.stops() * 3 / 4);
        assertThat(walk.hiddenUnderBar()).isEmpty();
        assertThat(((Number) scoped.get("fields")).intValue())
                .isLessThan(((Number) everything.get("fields")).intValue());
    }

    @Test
    void oneSubmitShowsEveryMistakeBesideItsFieldInAClinicianWords() {
        newScreening();
        type("clientRef", "form-mistakes-1");
        type("client.age", "two hundred");
        select("sy.0.region", "low_back");
        type("sy.0.nrs", "12");
        type("lifestyle.sittingHoursPerDay", "30");
        type("ml.iliopsoas.left.value", "ten");
        type("ml.hamstrings.right.value", "-5");
        driver.findElement(By.id("submit-screening")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-errors")));
        assertThat(summary.findElements(By.cssSelector("ul.error-list li"))).hasSize(6);
        assertThat(error("client.age")).isEqualTo("Enter a whole number of years between 0 and 120");
        assertThat(error("sy.0.kind")).isEqualTo("Choose the kind");
        assertThat(error("sy.0.nrs")).isEqualTo("Enter a whole number between 0 and 10");
        assertThat(error("lifestyle.sittingHoursPerDay")).isEqualTo("Enter a number of hours a day between 0 and 24");
        assertThat(error("ml.iliopsoas.left.value")).isEqualTo("Enter a number of degrees between -30 and 60");
        assertThat(error("ml.hamstrings.right.value")).isEqualTo("Enter a number of degrees between 0 and 120");
        assertThat(summary.getText()).doesNotContain("expected").doesNotContain("converted");
        // each line of the summary leads to its field
        summary.findElement(By.cssSelector("a[href='#f-ml-hamstrings-right-value']"))
                .click();
        assertThat(driver.switchTo().activeElement().getAttribute("name")).isEqualTo("ml.hamstrings.right.value");
        assertNoSeriousAccessibilityViolation("form with every mistake shown");
        driver.executeScript("window.scrollTo(0, 0)");
        viewport("form-every-mistake-1280");
    }

    @Test
    void clearingTheFormAsksFirstAndCanBeUndone() {
        newScreening();
        type("client.age", "41");
        select("sy.0.region", "neck");
        driver.findElement(By.cssSelector("[data-clear-draft]")).click();
        WebElement dialog = driver.findElement(By.id("clear-dialog"));
        assertThat(dialog.isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement().getText())
                .as("the safe answer first")
                .isEqualTo("Keep my answers");
        assertNoSeriousAccessibilityViolation("clear confirmation");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(dialog.isDisplayed()).isFalse();
        assertThat(value("client.age")).isEqualTo("41");

        driver.findElement(By.cssSelector("[data-clear-draft]")).click();
        dialog.findElement(By.cssSelector("[data-confirm-clear]")).click();
        assertThat(value("client.age")).isEmpty();
        assertThat(value("sy.0.region")).isEmpty();
        WebElement undo = driver.findElement(By.cssSelector("[data-undo-clear]"));
        assertThat(undo.isDisplayed()).isTrue();
        undo.click();
        assertThat(value("client.age")).isEqualTo("41");
        assertThat(value("sy.0.region")).isEqualTo("neck");
        driver.navigate().refresh();
        assertThat(value("client.age")).as("the draft is back too").isEqualTo("41");
    }

    @Test
    void aDraftBelongsToItsUserAndVersionAndSigningOutRemovesEveryDraft() {
        String client = "form-draft-" + UUID.randomUUID().toString().substring(0, 8);
        String v1 = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"clientRef\": \"" + client + "\", \"client\": {\"age\": 38}, \"observations\": [{\"code\": "
                        + "\"craniovertebral_angle\", \"measurement\": {\"value\": 44, \"unit\": \"deg\"}}]}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // amend version 1: CVA 47, saved as version 2
        driver.get(url("/ui/screenings/" + v1 + "/amend"));
        type("obs.craniovertebral_angle.value", "47");
        driver.findElement(By.id("f-reason")).sendKeys("CVA re-measured standing");
        submitExpectingResult();
        String v2 = driver.getCurrentUrl().replaceAll(".*/", "");
        assertThat(v2).isNotEqualTo(v1);
        // reopening Amend on version 1 shows version 1, not the other amendment's draft
        driver.get(url("/ui/screenings/" + v1 + "/amend"));
        assertThat(value("obs.craniovertebral_angle.value")).isEqualTo("44");
        assertThat(draftStatus()).isEmpty();
        // a draft of the amendment of version 2 stays with version 2
        driver.get(url("/ui/screenings/" + v2 + "/amend"));
        type("obs.craniovertebral_angle.value", "49");
        driver.findElement(By.name("obs.craniovertebral_angle.value")).sendKeys(Keys.TAB);
        driver.navigate().refresh();
        assertThat(value("obs.craniovertebral_angle.value")).isEqualTo("49");
        assertThat(draftStatus()).contains("Draft restored");
        driver.get(url("/ui/screenings/" + v1 + "/amend"));
        assertThat(value("obs.craniovertebral_angle.value")).isEqualTo("44");
        driver.get(url("/ui/screenings/" + v2 + "/amend"));
        String key = (String) driver.executeScript("return document.getElementById('screening-form').dataset.draft");
        assertThat(key).startsWith(TestUsers.ADMIN + "|amend:" + v1 + ":v2");

        // signing out removes every draft of the tab
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlContains("/ui/login"));
        assertThat(drafts()).isEmpty();
        // another clinician on the same tab: a draft left under the first user's key (a session that ran out) is not
        // theirs
        driver.executeScript(
                "sessionStorage.setItem('crosscheck-draft|' + arguments[0], JSON.stringify({'obs"
                        + ".craniovertebral_angle.value': '51'}))",
                key);
        TestUsers.ensureUser("form-draft-physio", "form-draft-pw-123", List.of("physio"), "default");
        Browser.signIn(driver, wait, url("/ui/screenings/" + v2 + "/amend"), "form-draft-physio", "form-draft-pw-123");
        driver.get(url("/ui/screenings/" + v2 + "/amend"));
        assertThat(value("obs.craniovertebral_angle.value")).isEqualTo("47");
        assertThat(draftStatus()).isEmpty();
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlContains("/ui/login"));
        Browser.signIn(driver, wait, url("/"), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    // ---------------------------------------------------------------- measuring

    /** What the form shows now: controls, distinct fields, page height, sideways overflow and targets under 44 px. */
    static final String METRICS = """
            var form = document.getElementById('screening-form');
            function vis(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
              && getComputedStyle(e).visibility !== 'hidden'; }
            var controls = Array.prototype.slice.call(form.querySelectorAll('input, select, textarea, button'))
              .filter(function (e) { return e.type !== 'hidden' && vis(e); });
            var names = {};
            controls.forEach(function (e) { if (e.name) { names[e.name] = 1; } });
            var targets = Array.prototype.slice.call(form.querySelectorAll('button, select, textarea, '
              + 'input:not([type=radio]):not([type=checkbox]):not([type=hidden]), .seg label, ul.checks label, '
              + '.scope-line label, .scope-note label, summary')).filter(vis);
            var small = targets.filter(function (e) { var r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; });
            var wraps = Array.prototype.slice.call(form.querySelectorAll('.table-wrap'))
              .filter(function (w) { return vis(w) && w.scrollWidth > w.clientWidth + 1; })
              .map(function (w) { return (w.closest('[id]') || {}).id; });
            var screen = document.getElementById('submit-screening').getBoundingClientRect();
            return {controls: controls.length, fields: Object.keys(names).length,
              height: document.documentElement.scrollHeight,
              sideways: document.documentElement.scrollWidth - window.innerWidth, scrollingTables: wraps.join(' '),
              targets: targets.length, smallTargets: small.length,
              minTarget: Math.round(Math.min.apply(null, targets.map(function (e) { return e.getBoundingClientRect().height; }))),
              screenButton: Math.round(screen.width) + 'x' + Math.round(screen.height),
              smallExamples: small.slice(0, 5).map(function (e) { var r = e.getBoundingClientRect();
                return e.tagName + '.' + e.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height); }).join(' | ')};
            """;

    /** The focused element (its label for a radio or check box) and whether the sticky bar covers it. */
    static final String FOCUSED = """
            var a = document.activeElement, bar = document.getElementById('form-actions'), target = a;
            if (a.type === 'radio' || a.type === 'checkbox') {
              var l = document.querySelector('label[for="' + a.id + '"]'); if (l) { target = l; } }
            var r = target.getBoundingClientRect(), b = bar.getBoundingClientRect();
            return [a.id || a.name || a.tagName, !bar.contains(a) && r.bottom > b.top + 1];
            """;

    @SuppressWarnings("unchecked")
    Map<String, Object> metrics() {
        return (Map<String, Object>) driver.executeScript(METRICS);
    }

    /** How many Tab presses take the keyboard from the first field to "Screen", and which stops the bar covered. */
    record TabWalk(int stops, List<String> hidden) {
        List<String> hiddenUnderBar() {
            return hidden;
        }

        @Override
        public String toString() {
            return stops + " tab stops to Screen, " + hidden.size() + " focused under the sticky bar";
        }
    }

    TabWalk tabToScreen() {
        driver.findElement(By.name("clientRef")).click();
        List<String> hidden = new java.util.ArrayList<>();
        Actions keys = new Actions(driver);
        for (int stops = 1; stops < 700; stops++) {
            keys.sendKeys(Keys.TAB).perform();
            List<?> focused = (List<?>) driver.executeScript(FOCUSED);
            if (Boolean.TRUE.equals(focused.get(1))) {
                hidden.add(String.valueOf(focused.get(0)));
            }
            if ("submit-screening".equals(focused.get(0))) {
                return new TabWalk(stops, hidden);
            }
        }
        throw new AssertionError("Tab never reached the Screen button");
    }

    // ---------------------------------------------------------------- helpers

    /** The article client's age, sex and complaint (examples/article-desk-worker.json: a 34-year-old woman, low back). */
    void articleClientEntered() {
        type("client.age", "34");
        select("client.sex", "female");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "tightness");
    }

    /** A blank form: a draft left in this tab by an earlier test is cleared first (confirmed when asked). */
    void newScreening() {
        driver.get(url("/ui/screenings/new"));
        driver.findElement(By.cssSelector("[data-clear-draft]")).click();
        for (WebElement confirm : driver.findElements(By.cssSelector("[data-confirm-clear]"))) {
            if (confirm.isDisplayed()) {
                confirm.click();
            }
        }
    }

    List<String> shownDomains() {
        return driver.findElements(By.cssSelector("fieldset.rf-domain")).stream()
                .filter(WebElement::isDisplayed)
                .map(d -> d.getAttribute("data-domain"))
                .toList();
    }

    boolean shown(String css) {
        return driver.findElement(By.cssSelector(css)).isDisplayed();
    }

    WebElement question(String redFlag) {
        return driver.findElement(By.cssSelector("fieldset.rf[data-name='rf." + redFlag + "']"));
    }

    WebElement label(String redFlag, String value) {
        return question(redFlag).findElement(By.cssSelector("input[value='" + value + "'] + label"));
    }

    String checked(String redFlag) {
        return question(redFlag).findElement(By.cssSelector("input:checked")).getAttribute("value");
    }

    void answer(String redFlag, String value) {
        click(label(redFlag, value));
    }

    void healthAnswer(String name, String value) {
        click(driver.findElement(
                By.cssSelector("fieldset.radios[data-name='" + name + "'] input[value='" + value + "'] + label")));
    }

    /** Clicks an element scrolled to the middle of the window (never under the sticky bar). */
    void click(WebElement e) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    @SuppressWarnings("unchecked")
    Map<String, Number> rect(WebElement e) {
        return (Map<String, Number>) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height};", e);
    }

    /** A real mouse click at the centre of where a rectangle is (or was) in the window. */
    void clickAt(Map<String, Number> r) {
        int x = (int) Math.round(r.get("x").doubleValue() + r.get("w").doubleValue() / 2);
        int y = (int) Math.round(r.get("y").doubleValue() + r.get("h").doubleValue() / 2);
        new Actions(driver).moveToLocation(x, y).click().perform();
    }

    /** The window as the clinician sees it (sticky bar included), as target/screenshots/{name}.png. */
    void viewport(String name) {
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
            java.nio.file.Files.write(
                    Browser.SCREENSHOTS.resolve(name + ".png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    boolean inViewport(WebElement e) {
        return (Boolean) driver.executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                e);
    }

    String error(String name) {
        String id = "f-" + name.replace('.', '-') + "-err";
        return driver.findElement(By.id(id)).getText();
    }

    String value(String name) {
        return driver.findElement(By.name(name)).getAttribute("value");
    }

    String draftStatus() {
        return driver.findElement(By.cssSelector("[data-draft-status]")).getText();
    }

    @SuppressWarnings("unchecked")
    List<String> drafts() {
        return (List<String>) driver.executeScript(
                "var k = []; for (var i = 0; i < sessionStorage.length; i++) { if (sessionStorage.key(i).indexOf("
                        + "'crosscheck-draft') === 0) { k.push(sessionStorage.key(i)); } } return k;");
    }

    void type(String name, String text) {
        WebElement e = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        e.clear();
        e.sendKeys(text);
    }

    void select(String name, String value) {
        WebElement e = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        new Select(e).selectByValue(value);
    }

    void submitExpectingResult() {
        WebElement submit = driver.findElement(By.id("submit-screening"));
        submit.click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".result-head")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no result page after submitting; errors: "
                            + driver.findElements(By.cssSelector(".error")).stream()
                                    .map(WebElement::getText)
                                    .toList(),
                    e);
        }
    }

    void assertNoSeriousAccessibilityViolation(String screen) {
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core serious/critical violations on the " + screen + " screen")
                .isEmpty();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
