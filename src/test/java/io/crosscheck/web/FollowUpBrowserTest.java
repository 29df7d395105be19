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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The next visit in a real browser (Debian's headless Chromium): the new screening form of a client seen before lists
 * the exercises of the previous sheet for the follow-up, takes the pain NRS and the ODI section scores, and the result
 * compares them with the previous visit (important worsening, load held, the exercise reviewed); the client's page
 * charts each measure with its MCID marked. Each page checked by axe-core and screenshotted (target/screenshots/).
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpBrowserTest {

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        if (Browser.missing()) {
            return;
        }
        driver = Browser.start(1100, 900);
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

    @Test
    void theFollowUpFormRecordsTheProgrammeAndOutcomesAndTheHistoryChartsThemWithTheMcid() throws IOException {
        String client = "fu-browser-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER
                        .replace("pseudo-0001", client)
                        .replaceFirst(
                                "\"client\":",
                                "\"outcomes\": [{\"measure\":\"pain_nrs\",\"items\":[4]},"
                                        + "{\"measure\":\"odi\",\"items\":[2,2,3,1,3,2,2,null,2,3]}],"
                                        + " \"client\":"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);

        driver.get(url("/ui/screenings/new?client=" + client));
        WebElement section = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sec-outcomes")));
        assertThat(section.findElements(By.cssSelector("tr[data-follow-up]")))
                .extracting(e -> e.getAttribute("data-follow-up"))
                .contains("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose");
        type("client.age", "34");
        select("sy.0.region", "low_back");
        select("sy.0.kind", "pain");
        type("oc.pain_nrs.0", "6");
        WebElement odiMeasure = section.findElement(By.cssSelector("details[data-measure='odi']"));
        assertThat(odiMeasure.getAttribute("open"))
                .as("offered with the low-back symptom carried over from the previous visit")
                .isEqualTo("true");
        List<String> odi = List.of("1", "1", "2", "1", "2", "1", "1", "", "1", "2");
        for (int i = 0; i < odi.size(); i++) {
            select("oc.odi." + i, odi.get(i));
        }
        select("fu.hip_flexor_stretch.done", "as_agreed");
        select("fu.hip_flexor_stretch.tolerance", "worse");
        select("fu.warm_up.done", "rarely");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the form with the follow-up")
                .isEmpty();
        element("follow-up-form", section);
        // the previous visit's findings were carried over: each section confirmed as still true today
        for (WebElement box : driver.findElements(By.cssSelector("input[type=checkbox][name^='confirm.']"))) {
            if (!box.isSelected()) {
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
        }
        WebElement submit = driver.findElement(By.id("submit-screening"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        wait.until(ExpectedConditions.urlMatches("/ui/screenings/[0-9a-f-]{36}$|/ui/screenings$"));
        assertThat(driver.getCurrentUrl())
                .as(() -> driver.findElement(By.tagName("main")).getText().substring(0, 600))
                .matches(".*/ui/screenings/[0-9a-f-]{36}$");

        WebElement outcomes = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcomes")));
        assertThat(outcomes.findElement(By.cssSelector("tr[data-measure='pain_nrs']"))
                        .getAttribute("data-change"))
                .isEqualTo("important_worsening");
        assertThat(outcomes.findElement(By.cssSelector("tr[data-measure='odi']"))
                        .getAttribute("data-change"))
                .isEqualTo("important_improvement");
        assertThat(outcomes.findElement(By.cssSelector("li[data-follow-up='hip_flexor_stretch']"))
                        .getText())
                .contains("tolerated symptoms worse");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("pain worse than at the previous visit").contains("home exercise Hip-flexor stretch");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the follow-up result")
                .isEmpty();
        element("follow-up-result", outcomes);

        driver.get(url("/ui/clients/" + client));
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart-outcome-odi")));
        assertThat(chart.findElements(By.cssSelector("circle.point"))).hasSize(2);
        assertThat(chart.findElements(By.cssSelector("line.threshold")))
                .extracting(e -> e.getAttribute("data-threshold"))
                .containsExactly("mcid_improvement", "mcid_worsening");
        assertThat(driver.findElement(By.id("chart-outcome-pain_nrs")).findElements(By.cssSelector("circle.point")))
                .hasSize(2);
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the client's history")
                .isEmpty();
        Browser.screenshot(driver, "client-outcome-history");
    }

    private void type(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private void select(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        new Select(field).selectByValue(value);
    }

    /** A screenshot of one element, as target/screenshots/{name}.png. */
    private void element(String name, WebElement element) throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 3000));
        driver.executeScript("arguments[0].scrollIntoView(true)", element);
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
