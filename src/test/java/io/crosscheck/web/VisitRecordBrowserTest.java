package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A follow-up visit in a real browser (Debian's headless Chromium), as a physiotherapist works it: "New screening" on the
 * client's page opens the form with the last visit's findings filled in, each carried-over section marked with the
 * visit's date and tinted until ticked "Still true today", and every red-flag question on "not asked"; a submit with an
 * unconfirmed section is refused at its tick box; once confirmed (and one section cleared) the result shows what changed
 * since the last visit and the visit's notes; the timeline dates it by the visit. axe-core on each page; screenshots in
 * target/screenshots/.
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitRecordBrowserTest {

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
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.signIn(driver, wait, url("/"), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
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

    /** The last visit, a month ago: upper-crossed findings, a CVA of 44 deg, neck pain 6, every red flag answered. */
    private static String lastVisit(String ref) {
        return """
                {"clientRef": "%s", "client": {"age": 41, "sex": "male"},
                 "visit": {"at": "2026-11-05T09:30:00Z",
                           "notes": {"occupation": "Software developer", "subjective": "Neck ache by mid-afternoon.",
                                     "goals": "Work a full day without neck pain", "treatment": "Chin tucks taught."}},
                 "observations": [{"code": "craniovertebral_angle", "measurement": {"value": 44, "unit": "deg"}},
                                  {"code": "rounded_shoulders", "present": true}],
                 "muscleLength": [{"muscle": "pectoralis_minor", "side": "right", "result": "short"},
                                  {"muscle": "upper_trapezius", "side": "right", "result": "short"}],
                 "symptoms": [{"region": "neck", "kind": "pain", "trigger": "sitting", "nrs": 6, "durationWeeks": 12}],
                 "lifestyle": {"sittingHoursPerDay": 10, "activityLevel": "sedentary"},
                 "redFlags": [{"code": "gait_unsteadiness", "present": false}, {"code": "dizziness", "present": false}]}
                """.formatted(ref);
    }

    @Test
    void aFollowUpStartsFromTheLastVisitMarkedUntilConfirmedAndShowsWhatChanged() throws IOException {
        String ref = "fu-carry-" + UUID.randomUUID().toString().substring(0, 8);
        String first = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(lastVisit(ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        driver.get(url("/ui/clients/" + ref));
        WebElement newScreening = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".head-actions a[href^='/ui/screenings/new']")));
        newScreening.click();
        WebElement panel = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("carried-over")));
        assertThat(panel.getText()).contains("Carried over from the visit of 5 Nov 2026");

        // carried over: demographics, occupation and findings, each section marked with the date, unconfirmed
        assertThat(value("client.age")).isEqualTo("41");
        assertThat(value("notes.occupation")).isEqualTo("Software developer");
        assertThat(value("obs.craniovertebral_angle.value")).isEqualTo("44");
        assertThat(value("notes.subjective"))
                .as("notes of a visit are not carried over")
                .isEmpty();
        WebElement posture = driver.findElement(By.id("sec-posture"));
        assertThat(posture.getAttribute("data-carried")).isEqualTo("pending");
        assertThat(posture.findElement(By.cssSelector(".carried-strip")).getText())
                .contains("Carried over from the visit of 5 Nov 2026")
                .contains("Still true today");
        // asked afresh: every red-flag question on "not asked", no health-screen answer
        List<WebElement> redFlagAnswers =
                driver.findElements(By.cssSelector("#sec-redflags input[type=radio][name^='rf.']:checked"));
        assertThat(redFlagAnswers)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAttribute("value")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#sec-health input[type=radio]:checked")))
                .allSatisfy(r -> assertThat(r.getAttribute("value")).isEmpty());
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the carried-over form")
                .isEmpty();
        section("follow-up-carried-over", driver.findElement(By.id("sec-visit")), posture);

        // today's examination: CVA 48, rounded shoulders gone, pec minor not tested; the posture confirmed
        type("obs.craniovertebral_angle.value", "48");
        select("obs.rounded_shoulders.sign", "absent");
        select("ml.pectoralis_minor.right.result", "");
        type("sy.0.nrs", "3");
        type("notes.treatment", "Wall angels added; chin tucks progressed to 10 x 10 s.");
        section("follow-up-notes-form", driver.findElement(By.id("sec-notes")));
        submit();
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-posture-err")));
        assertThat(refused.getText()).contains("Posture is carried over from the visit of 5 Nov 2026");
        assertThat(driver.findElement(By.id("field-errors")).getText()).contains("The screening was not saved");
        assertThat(screenings(ref)).isEqualTo(1);

        for (String key : List.of("client", "symptoms", "lifestyle", "posture", "length")) {
            WebElement box = driver.findElement(By.id("confirm-" + key));
            if (!box.isSelected()) {
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
        }
        assertThat(driver.findElement(By.id("sec-posture")).getAttribute("data-carried"))
                .isEqualTo("confirmed");
        WebElement movement = driver.findElement(By.id("sec-movement"));
        if ("pending".equals(movement.getAttribute("data-carried"))) {
            WebElement clear = movement.findElement(By.cssSelector(".carried-strip button"));
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", clear);
            clear.click();
        }
        submit();
        wait.until(ExpectedConditions.urlMatches("/ui/screenings/[0-9a-f-]{36}$"));

        WebElement since = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("since-last-visit")));
        assertThat(since.findElement(By.cssSelector("tr[data-measure='craniovertebral_angle'] td[data-change]"))
                        .getText())
                .isEqualTo("+4 deg");
        assertThat(since.findElement(By.cssSelector("li[data-finding='rounded_shoulders']"))
                        .getAttribute("data-change"))
                .isEqualTo("resolved");
        assertThat(since.findElement(By.cssSelector("li[data-finding='pectoralis_minor_short']"))
                        .getAttribute("data-change"))
                .isEqualTo("not_reexamined");
        WebElement notes = driver.findElement(By.id("visit-record"));
        assertThat(notes.getText()).contains("Wall angels added").contains("Software developer");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the follow-up result")
                .isEmpty();
        section("follow-up-since-last-visit", since, notes);

        String id = driver.getCurrentUrl().replaceAll(".*/", "");
        driver.get(url("/ui/screenings/" + id + "/report"));
        WebElement printed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visit-record")));
        assertThat(printed.getText()).contains("Wall angels added").contains("In care since 5 Nov 2026");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the report")
                .isEmpty();
        section("report-visit-notes", printed);

        driver.get(url("/ui/clients/" + ref));
        WebElement timeline = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.timeline")));
        assertThat(timeline.getText()).contains("5 Nov 2026, 09:30 GMT");
        assertThat(first).isNotBlank();
    }

    private String value(String name) {
        return driver.findElement(By.name(name)).getAttribute("value");
    }

    private void type(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(value);
    }

    private void select(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
    }

    private void submit() {
        WebElement submit = driver.findElement(By.id("submit-screening"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
    }

    private static int screenings(String ref) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    /** Screenshots of elements, as target/screenshots/{name}-{n}.png, at a tall window. */
    private void section(String name, WebElement... elements) throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 3000));
        Files.createDirectories(Browser.SCREENSHOTS);
        for (int i = 0; i < elements.length; i++) {
            driver.executeScript("arguments[0].scrollIntoView(true)", elements[i]);
            Files.write(
                    Browser.SCREENSHOTS.resolve(name + "-" + (i + 1) + ".png"),
                    elements[i].getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
