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
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The take-home sheet in a real browser (Debian's headless Chromium): the article client's sheet with each home
 * exercise's picture loaded, steps and dose, and a saddle-numbness client's emergency sheet; each checked by axe-core,
 * screenshotted (target/screenshots/) and printed to A4 PDF by Chromium itself (target/sheets/), whose pages and words
 * are measured with pdfinfo and pdftotext.
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeHomeSheetBrowserTest {

    static final Path SHEETS = Path.of("target", "sheets");

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        if (Browser.missing()) {
            return;
        }
        driver = Browser.start(1000, 900);
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
    void theArticleClientsSheetShowsEachHomeExerciseWithItsPictureAndPrintsToA4() throws IOException {
        String id = screen(Requests.ARTICLE_DESK_WORKER, "sheet-browser-article");
        driver.get(url("/ui/screenings/" + id + "/sheet"));
        for (String exercise : List.of("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose")) {
            WebElement item = driver.findElement(By.cssSelector(".sheet-item[data-intervention='" + exercise + "']"));
            WebElement picture = item.findElement(By.cssSelector("img.exercise-picture"));
            Object width =
                    driver.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", picture);
            assertThat(((Number) width).intValue())
                    .as("the picture of " + exercise + " loaded")
                    .isPositive();
            assertThat(item.findElements(By.cssSelector("ol.steps li"))).hasSizeBetween(3, 6);
            assertThat(item.findElement(By.cssSelector("p.dose")).getText()).isNotBlank();
        }
        assertThat(driver.findElements(By.cssSelector(".sheet-item[data-intervention='sensorimotor_training']")))
                .isEmpty();
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the take-home sheet")
                .isEmpty();
        Browser.screenshot(driver, "take-home-sheet");
        Path pdf = print("article-desk-worker");
        assertThat(Files.size(pdf)).isPositive();
    }

    @Test
    void theClinicianKeepsAnExerciseBackChangesAHoldAndAddsANoteBeforePrinting() throws IOException {
        String id = screen(Requests.ARTICLE_DESK_WORKER, "sheet-browser-edit");
        driver.get(url("/ui/screenings/" + id + "/sheet"));
        driver.findElement(By.id("edit-sheet")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-edit")));
        assertThat(driver.findElement(By.id("sheet-version")).getText()).isEqualTo("Not edited yet.");
        driver.findElement(By.id("include_childs_pose")).click();
        WebElement hold = driver.findElement(By.id("hold_hip_flexor_stretch"));
        assertThat(hold.getAttribute("value")).isEqualTo("10 to 30 seconds, or 30 to 60 seconds if you are over 65");
        hold.clear();
        hold.sendKeys("30 seconds");
        driver.findElement(By.id("note")).sendKeys("Do these after your evening walk.");
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the sheet's edit page")
                .isEmpty();
        Browser.screenshot(driver, "take-home-sheet-edit");
        driver.findElement(By.cssSelector("#sheet-edit button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-note")));

        assertThat(driver.findElement(By.id("sheet-note")).getText())
                .contains("A note from your physiotherapist")
                .contains("Do these after your evening walk.");
        assertThat(driver.findElements(By.cssSelector(".sheet-item[data-intervention='childs_pose']")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector(".sheet-item[data-intervention='hip_flexor_stretch'] p.dose"))
                        .getText())
                .contains("Hold: 30 seconds")
                .doesNotContain("10 to 30");
        Browser.screenshot(driver, "take-home-sheet-edited");
        print("article-desk-worker-edited");

        driver.findElement(By.id("edit-sheet")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-edit")));
        assertThat(driver.findElement(By.id("sheet-version")).getText()).isEqualTo("Version 1.");
        assertThat(driver.findElement(By.id("include_childs_pose")).isSelected())
                .isFalse();
        assertThat(driver.findElements(By.cssSelector("#sheet-versions li"))).hasSize(1);
    }

    @Test
    void theClinicianSetsSpanishOnTheEditStepAndDownloadsTheSpanishPdf() throws IOException {
        String id = screen(Requests.ARTICLE_DESK_WORKER, "sheet-browser-es-" + UUID.randomUUID());
        driver.get(url("/ui/screenings/" + id + "/sheet/edit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-language-form")));
        WebElement before = driver.findElement(By.id("language"));
        new org.openqa.selenium.support.ui.Select(before).selectByValue("es");
        driver.findElement(By.cssSelector("#sheet-language-form button[type=submit]"))
                .click();
        // the same page comes back: wait until the one it replaces is gone
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-edit")));
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Español");
        // the edit step shows the Spanish titles and doses the sheet will print
        assertThat(driver.findElement(By.id("hold_hip_flexor_stretch")).getAttribute("value"))
                .isEqualTo("De 10 a 30 segundos, o de 30 a 60 segundos si tiene más de 65 años");
        driver.findElement(By.id("note")).sendKeys("Hágalos después de su paseo de la tarde.");
        driver.findElement(By.cssSelector("#sheet-edit button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-note")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(driver.findElement(By.id("sheet-title")).getText()).isEqualTo("Sus ejercicios");
        assertThat(driver.findElement(By.id("sheet-note")).getText())
                .contains("Una nota de su fisioterapeuta")
                .contains("Hágalos después de su paseo de la tarde.");
        WebElement picture =
                driver.findElement(By.cssSelector(".sheet-item[data-intervention='warm_up'] img.exercise-picture"));
        assertThat(((Number) driver.executeScript(
                                "return arguments[0].complete ? arguments[0].naturalWidth : 0", picture))
                        .intValue())
                .isPositive();
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the Spanish sheet")
                .isEmpty();
        Browser.screenshot(driver, "take-home-sheet-es");
        // "Print / Download PDF": the link the clinician clicks, fetched by the browser with its session
        String href = driver.findElement(By.id("sheet-pdf-a4")).getAttribute("href");
        assertThat(href).endsWith("/sheet.pdf?paper=a4&lang=es");
        Object fetched = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {"
                                + " const bytes = new Uint8Array(b); let s = '';"
                                + " for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                                + " done([r.status, r.headers.get('content-type'), r.headers.get('content-language'),"
                                + " btoa(s)]); }))",
                        href);
        List<?> answer = (List<?>) fetched;
        assertThat(answer.get(0)).isEqualTo(200L);
        assertThat(answer.get(1)).isEqualTo("application/pdf");
        assertThat(answer.get(2)).isEqualTo("es");
        byte[] pdf = Base64.getDecoder().decode((String) answer.get(3));
        Files.createDirectories(SHEETS);
        Files.write(SHEETS.resolve("article-desk-worker-es-browser.pdf"), pdf);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("Una nota de su fisioterapeuta", "Sus ejercicios");
        }
        // and back on the edit step, the PDF is offered there too
        driver.findElement(By.id("edit-sheet")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-pdf-a4")));
        assertThat(driver.findElement(By.id("edit-pdf-letter")).getAttribute("href"))
                .endsWith("/sheet.pdf?paper=letter");
    }

    @Test
    void aSaddleNumbnessClientsSheetLeadsWithTheEmergency() throws IOException {
        String id = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS, "sheet-browser-saddle");
        driver.get(url("/ui/screenings/" + id + "/sheet"));
        assertThat(driver.findElement(By.cssSelector("#sheet-referral .what-to-do"))
                        .getText())
                .isEqualTo("Go to an emergency department now.");
        assertThat(driver.findElements(By.cssSelector(".sheet-item"))).isEmpty();
        assertThat(Browser.serious(Browser.axe(driver)))
                .as("axe-core on the emergency sheet")
                .isEmpty();
        Browser.screenshot(driver, "take-home-sheet-emergency");
        print("saddle-numbness");
    }

    String screen(String body, String clientRef) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body.replace("pseudo-0001", clientRef))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The page as Chromium prints it to A4 (its own print-to-PDF), kept as target/sheets/{name}.pdf (and .html). */
    Path print(String name) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        Files.createDirectories(SHEETS);
        Files.writeString(SHEETS.resolve(name + ".html"), driver.getPageSource());
        Path file = SHEETS.resolve(name + ".pdf");
        Files.write(file, Base64.getDecoder().decode(driver.print(options).getContent()));
        return file;
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
