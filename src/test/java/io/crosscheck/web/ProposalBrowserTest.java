package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A proposal's way to live in a real browser, approval required: author A changes a dose in the working rules and
 * proposes them from the proposals page, reads what changed and starts the impact report; author B comments,
 * approves with a comment and activates; the overview then serves the new version under its label. Screenshots of
 * each step go to target/screenshots/ (proposal-*.png). A heavy suite (JUnit tag {@code browser}).
 */
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalBrowserTest {

    static final String PASSWORD = "review-browser-password";
    static final String ANNA = "anna-author";
    static final String BEN = "ben-author";
    static final String SUMMARY = "hip-flexor stretch hold 10-30 s → 30-45 s";

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
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable();
        TestUsers.ensureUser(ANNA, PASSWORD, List.of("author", "physio"), "default");
        TestUsers.ensureUser(BEN, PASSWORD, List.of("author"), "default");
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAuthorProposesTheWorkingRulesASecondAuthorApprovesAndTheNewLabelServes() {
        String before = active();
        // a stored screening of the clinic, for the impact report to re-evaluate
        given().auth()
                .preemptive()
                .basic(ANNA, PASSWORD)
                .contentType("application/json")
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        io.crosscheck.support.Candidates.hipFlexorHold(
                ProposalReviewProfile.WORKING.rules(), ProposalReviewProfile.WORKING.docs(), "30-45", "30 to 45");
        try {
            signIn(ANNA);
            driver.get(url("/ui/kb/proposals"));
            assertThat(driver.findElement(By.id("approval-policy")).getAttribute("data-required"))
                    .isEqualTo("true");
            assertNoSeriousAccessibilityViolation("proposals");
            driver.findElement(By.id("working-summary")).sendKeys(SUMMARY);
            driver.findElement(By.cssSelector("#propose-working button[type=submit]"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("version-label")));
            String proposal = driver.getCurrentUrl().replaceAll(".*/ui/kb/proposals/", "");
            assertThat(text("version-label")).isEqualTo(SUMMARY);
            assertThat(text("version-status")).isEqualToIgnoringCase("proposed");
            assertThat(driver.findElement(By.id("changes")).getText())
                    .contains("rules/reference/interventions.yaml")
                    .contains("No rule added, removed or changed.");
            assertThat(driver.findElements(By.cssSelector("#changes pre.diff")))
                    .extracting(e -> e.getAttribute("textContent"))
                    .anySatisfy(d -> assertThat(d).contains("+    dose: \"Static 30-45 s"))
                    .anySatisfy(d -> assertThat(d).contains("+Static holds of 30 to 45 s"));
            assertThat(text("own-proposal")).contains("another author approves it");
            assertThat(driver.findElements(By.id("approve"))).isEmpty();
            assertThat(text("not-activatable")).contains("approval of an author other than " + ANNA);
            assertNoSeriousAccessibilityViolation("proposal");
            screenshot("proposal-proposed");

            driver.findElement(By.cssSelector("#start-impact button")).click();
            wait.until(ExpectedConditions.urlContains("/ui/kb/replays/"));
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> "done"
                            .equals(d.findElement(By.id("replay-progress")).getAttribute("data-state")));
            assertThat(text("replay-candidate")).contains(SUMMARY);
            assertThat(driver.findElement(By.cssSelector("table.impact")).getText())
                    .contains("Stored screenings");
            screenshot("proposal-impact");

            signOut();
            signIn(BEN);
            driver.get(url("/ui/kb/proposals/" + proposal));
            driver.findElement(By.id("comment-text")).sendKeys("Older adults keep their 30-60 s holds?");
            driver.findElement(By.cssSelector("#comment button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("thread"), "Older adults"));
            driver.findElement(By.id("approve-comment")).sendKeys("Yes, unchanged. Approved.");
            driver.findElement(By.cssSelector("#approve button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approved-by")));
            assertThat(text("version-status")).isEqualToIgnoringCase("approved");
            assertThat(driver.findElements(By.cssSelector("ol.thread li")))
                    .extracting(e -> e.getText())
                    .satisfiesExactly(
                            c -> assertThat(c)
                                    .contains(BEN)
                                    .contains("commented")
                                    .contains("Older adults"),
                            a -> assertThat(a)
                                    .contains(BEN)
                                    .contains("approved")
                                    .contains("Yes, unchanged."));
            assertNoSeriousAccessibilityViolation("approved proposal");
            screenshot("proposal-approved");

            driver.findElement(By.cssSelector("#activate button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("serving-label")));
            assertThat(text("serving-label")).endsWith(" · " + ANNA + " · " + SUMMARY);
            assertThat(active()).isEqualTo(proposal);
            screenshot("proposal-active-overview");

            driver.get(url("/ui/kb/proposals"));
            assertThat(driver.findElement(By.cssSelector("tr[data-version='" + proposal + "']"))
                            .getAttribute("data-status"))
                    .isEqualTo("active");
            screenshot("proposal-list");

            // revert this one change from its page: a version made by merging the files, reviewed like any other;
            // undoing the latest change gives the version before it again, which was live and needs no approval
            driver.get(url("/ui/kb/proposals/" + proposal));
            driver.findElement(By.id("revert-reason")).sendKeys("Older adults need the shorter hold after all");
            driver.findElement(By.cssSelector("#revert button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(d -> !d.getCurrentUrl().contains(proposal)
                            && !d.findElements(By.id("version-label")).isEmpty());
            String reverted =
                    driver.getCurrentUrl().replaceAll(".*/ui/kb/proposals/", "").replaceAll("#.*", "");
            assertThat(reverted).isEqualTo(before);
            assertThat(text("version-status")).isEqualToIgnoringCase("was live");
            assertNoSeriousAccessibilityViolation("reverted version");
            screenshot("proposal-reverted");
            driver.findElement(By.cssSelector("#activate button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(180))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("serving-label")));
            assertThat(active()).isEqualTo(before);
        } finally {
            ProposalReviewProfile.WORKING.reset();
            given().auth()
                    .preemptive()
                    .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                    .contentType("application/json")
                    .post("/api/v1/knowledge-base/reload?version=" + before)
                    .then()
                    .statusCode(200);
        }
    }

    /** A screenshot of the page from its top (a form post lands on an anchor further down). */
    void screenshot(String name) {
        driver.executeScript("window.scrollTo(0, 0)");
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
