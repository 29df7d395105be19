package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Cornerstone cases in a real browser, approval required: author A promotes a clinician's disagreement from the rule's
 * page (“What clinicians said”) and finds it listed under the rule; a threshold change proposed later shows the case
 * side by side on the proposal's page, held back; A accepts the change, B confirms it and approves, the version goes
 * live and the list shows the case as changed and accepted. Every page is checked with axe-core; screenshots go to
 * target/screenshots/ (cornerstone-*.png). A heavy suite (JUnit tag {@code browser}).
 */
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CornerstoneBrowserTest {

    static final String PASSWORD = "cornerstone-browser-password";
    static final String CARA = "cara-cornerstones";
    static final String DAN = "dan-cornerstones";

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        if (Browser.missing()) {
            return;
        }
        driver = Browser.start(1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
        TestUsers.ensureUser(CARA, PASSWORD, List.of("author", "physio"), "default");
        TestUsers.ensureUser(DAN, PASSWORD, List.of("author"), "default");
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    @Test
    void anAuthorPromotesADisagreementFromTheRulePageAndAcceptsTheChangeSideBySideWithASecondAuthor() {
        String before = active();
        String screening = as(CARA).contentType(ContentType.JSON)
                .body(Requests.FORWARD_HEAD_CVA_49)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(CARA).contentType(ContentType.JSON)
                .body(Map.of("ruleId", "UCS-001", "expected", "consistent: the angle of 49 deg was measured standing"))
                .post("/api/v1/screenings/" + screening + "/disagreements")
                .then()
                .statusCode(201);
        String cornerstone = null;
        try {
            signIn(CARA);
            driver.get(url("/ui/kb/rules/UCS-001"));
            WebElement note = driver.findElements(By.cssSelector("#clinician-notes li")).stream()
                    .filter(li -> li.getText().contains("measured standing"))
                    .findFirst()
                    .orElseThrow();
            note.findElement(By.tagName("summary")).click();
            note.findElement(By.tagName("textarea")).sendKeys("Forward head at 49 deg standing is real: keep it");
            assertNoSeriousAccessibilityViolation("rule page with the promotion form");
            note.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cornerstones [data-cornerstone]")));
            WebElement row = driver.findElement(By.cssSelector("#cornerstones [data-cornerstone]"));
            cornerstone = row.getAttribute("data-cornerstone");
            String shortId = cornerstone.substring(0, 8);
            assertThat(row.getAttribute("data-status")).isEqualTo("kept");
            assertThat(row.getText())
                    .contains("disagreement")
                    .contains("measured standing")
                    .contains("UCS")
                    .contains("consistent");
            assertThat(driver.findElement(By.id("clinician-notes")).getText()).contains("cornerstone case " + shortId);
            assertNoSeriousAccessibilityViolation("rule page with its cornerstone case");
            screenshotOf("cornerstones", "cornerstone-rule-page");

            // a later threshold change, proposed: the case side by side, held back
            KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
            Candidates.cvaThreshold48(kb.rules(), kb.docs());
            // a version of its own: other tests in this application propose and activate the same threshold change,
            // and proposing content already proposed returns that version in whatever state they left it
            kb.write(
                    "kb-docs/index.md",
                    kb.read("kb-docs/index.md") + "\n<!-- CornerstoneBrowserTest " + java.util.UUID.randomUUID()
                            + " -->\n");
            String version = as(CARA).contentType("application/zip")
                    .body(TestUsers.zip(kb.rules(), kb.docs()))
                    .queryParam("summary", "forward head below 48 deg")
                    .post("/api/v1/knowledge-base/proposals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("version");
            driver.get(url("/ui/kb/proposals/" + version));
            WebElement change = driver.findElement(By.id("cornerstone-" + shortId));
            assertThat(change.getAttribute("data-acceptance")).isEqualTo("not accepted");
            assertThat(driver.findElement(By.id("cornerstone-summary")).getText())
                    .contains("1 changed")
                    .contains("held back");
            assertThat(change.findElements(By.cssSelector("table.side-by-side tr.changed")))
                    .extracting(WebElement::getText)
                    .anySatisfy(r -> assertThat(r)
                            .contains("pattern UCS")
                            .contains("consistent")
                            .contains("partial"));
            assertThat(change.getText()).contains("Rules no longer firing: UCS-001");
            assertThat(text("not-activatable")).contains("cornerstone case");
            assertNoSeriousAccessibilityViolation("proposal with a changed cornerstone");
            screenshotOf("cornerstones", "cornerstone-side-by-side");

            driver.findElement(By.id("accept-" + shortId + "-reason"))
                    .sendKeys("Partial is right: two findings below the new cut-off");
            driver.findElement(By.cssSelector("#accept-" + shortId + " button[type=submit]"))
                    .click();
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> "awaiting a second author"
                            .equals(d.findElement(By.id("cornerstone-" + shortId))
                                    .getAttribute("data-acceptance")));
            assertThat(text("cornerstone-" + shortId + "-accepted")).contains("Accepted by " + CARA);

            signOut();
            signIn(DAN);
            driver.get(url("/ui/kb/proposals/" + version));
            driver.findElement(By.id("accept-" + shortId + "-reason")).sendKeys("Agreed, confirmed");
            driver.findElement(By.cssSelector("#accept-" + shortId + " button[type=submit]"))
                    .click();
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> "accepted"
                            .equals(d.findElement(By.id("cornerstone-" + shortId))
                                    .getAttribute("data-acceptance")));
            assertThat(text("cornerstone-" + shortId + "-accepted")).contains("confirmed by " + DAN);
            assertThat(driver.findElements(By.id("accept-" + shortId))).isEmpty();
            assertNoSeriousAccessibilityViolation("proposal with the change accepted");
            screenshotOf("cornerstones", "cornerstone-accepted");
            driver.findElement(By.id("approve-comment")).sendKeys("Approved with its cornerstone change");
            driver.findElement(By.cssSelector("#approve button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approved-by")));
            driver.findElement(By.cssSelector("#activate button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("serving-label")));
            assertThat(active()).isEqualTo(version);

            driver.get(url("/ui/kb/cornerstones"));
            WebElement listed = driver.findElement(By.id("cs-" + shortId));
            assertThat(listed.getAttribute("data-status")).isEqualTo("changed and accepted");
            assertThat(listed.getText()).contains("partial").contains(CARA + ", confirmed by " + DAN);
            assertNoSeriousAccessibilityViolation("cornerstone list");
            screenshot("cornerstone-list");
        } finally {
            if (cornerstone != null) {
                as(CARA).contentType(ContentType.JSON)
                        .body(Map.of("reason", "test over"))
                        .post("/api/v1/knowledge-base/cornerstones/" + cornerstone + "/retire");
            }
            as(CARA).contentType(ContentType.JSON)
                    .post("/api/v1/knowledge-base/reload?version=" + before)
                    .then()
                    .statusCode(200);
        }
    }

    void screenshot(String name) {
        driver.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, name);
    }

    /** A screenshot with the element {@code id} at the top of the window. */
    void screenshotOf(String id, String name) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView(true)", id);
        Browser.screenshot(driver, name);
    }

    String active() {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/knowledge-base/active")
                .then()
                .extract()
                .path("version");
    }

    void signIn(String user) {
        driver.get(url("/ui/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("j_username")));
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
    }

    void signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlContains("/ui/login"));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void assertNoSeriousAccessibilityViolation(String screen) {
        List<Browser.Violation> serious = Browser.serious(Browser.axe(driver));
        assertThat(serious)
                .as("axe-core serious/critical violations on the " + screen + " screen")
                .isEmpty();
    }
}
