package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Browser;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "What would change this" beside a result in a real browser (issue 28): collapsed until opened, then the questions
 * to ask first and what each pattern rests on; the same as a page of its own without script; in the clinician report.
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfBrowserTest {

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

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static String screen(String body) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(body.replace(
                        "pseudo-0001",
                        "whatif-ui-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theResultOpensWhatWouldChangeItOnDemandWithTheMostDecisiveQuestionFirst() {
        String id = screen(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);
        driver.get(url("/ui/screenings/" + id));

        WebElement section = driver.findElement(By.id("what-if"));
        assertThat(section.getAttribute("open")).as("collapsed until opened").isNull();
        assertThat(driver.findElements(By.cssSelector("#what-if .wi-questions")))
                .isEmpty();
        WebElement summary = section.findElement(By.tagName("summary"));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.click();
        WebElement first =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#what-if .wi-questions li")));
        assertThat(first.getAttribute("data-referral")).isEqualTo("emergency");
        assertThat(first.getText()).startsWith("Ask about ").contains("a yes refers (emergency)");
        List<String> lcs = driver.findElements(By.cssSelector("#what-if .wi-pattern[data-pattern='LCS'] li")).stream()
                .map(li -> li.getAttribute("data-code"))
                .toList();
        assertThat(lcs).contains("anterior_pelvic_tilt", "prone_hip_extension");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the result with what-if open")
                .isEmpty();
        Browser.screenshot(driver, "what-if-open");

        // without script: a page of its own
        driver.get(url("/ui/screenings/" + id + "/what-if"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What would change this");
        assertThat(driver.findElements(By.cssSelector(".wi-questions li"))).isNotEmpty();
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the what-if page")
                .isEmpty();
    }

    @Test
    void aReferredClientsReportSaysWhatTheReferralRestsOnAndSuggestsNoTest() {
        String id = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        driver.get(url("/ui/screenings/" + id + "/report"));

        WebElement whatIf = driver.findElement(By.id("report-what-if"));
        assertThat(whatIf.getText()).contains("saddle or perianal numbness").doesNotContain("Test ");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the report")
                .isEmpty();
        Browser.screenshot(driver, "what-if-report-referral");
    }
}
