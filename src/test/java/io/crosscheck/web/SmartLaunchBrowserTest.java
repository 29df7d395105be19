package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Browser;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FakeSmartEhr;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A card's SMART link followed in a real browser (Debian's headless Chromium), started from a page of another
 * site, as from inside an EHR: launch, the EHR's authorize (on 127.0.0.1, another site than localhost), the
 * callback, and the result page signed in, with no login page on the way. The session cookie is SameSite=Strict,
 * which a browser does not send on a redirect chain begun by another site: this is the check that the callback's
 * own page carries the session on. A heavy suite: run once (the H2 leg).
 */
@QuarkusTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartLaunchBrowserTest {

    static final String ISSUER = "https://ehr-smart-browser.example.org";
    static final String CLINIC = "clinic-smart-browser";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";

    @TestHTTPResource("/")
    URL base;

    FakeSmartEhr ehr;
    ChromeDriver driver;

    @BeforeEach
    void browserPresent() {
        Browser.assumeAvailable(); // before the EHR client is registered: skipped (or, in CI, failed) without a browser
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ehr != null) {
            ehr.close();
        }
    }

    @Test
    void aCardsSmartLinkOpensTheResultSignedInFromAnotherSitesPage() throws Exception {
        ehr = new FakeSmartEhr();
        String root = base.toString().replaceAll("/$", "");
        TestUsers.ensureUser(
                "smart-browser-physio", "smart-browser-pw-123", List.of("physio"), CLINIC); // creates the clinic
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "issuer",
                        ISSUER,
                        "clinic",
                        CLINIC,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "smart",
                        Map.of("clientId", FakeSmartEhr.CLIENT_ID, "iss", List.of(ehr.fhirBase()))))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)));
        String token = EhrKeys.sign(
                EhrKeys.claims(ISSUER, root + SERVICE),
                EhrKeys.EC,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        JsonPath cds = given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(FhirFixtures.articlePatientView(
                        UUID.randomUUID().toString(), FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String screening = cds.getString("extension.crosscheck.screeningId");
        Map<String, Object> smartLink = cds.getMap("cards[0].links.find { it.type == 'smart' }");
        assertThat(smartLink).containsEntry("appContext", screening);

        // the EHR launches the card's smart link with its iss and a launch id carrying the appContext
        String launchUrl =
                smartLink.get("url") + "?iss=" + URLEncoder.encode(ehr.fhirBase(), StandardCharsets.UTF_8) + "&launch="
                        + URLEncoder.encode(ehr.launch(FhirFixtures.PATIENT_ID, screening), StandardCharsets.UTF_8);
        driver = Browser.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("data:text/html;charset=utf-8,"
                + URLEncoder.encode(
                                "<!DOCTYPE html><title>EHR</title><a id=\"open\" href=\""
                                        + launchUrl.replace("&", "&amp;") + "\">Open Crosscheck</a>",
                                StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        driver.findElement(By.id("open")).click();

        wait.until(ExpectedConditions.urlContains("/ui/screenings/" + screening));
        assertThat(driver.getCurrentUrl()).doesNotContain("/ui/login");
        assertThat(driver.findElement(By.cssSelector("[data-screening]")).getAttribute("data-screening"))
                .isEqualTo(screening);
        assertThat(driver.getPageSource()).contains("Screening result");
        assertThat(ehr.problems).isEmpty();
        Browser.screenshot(driver, "14-smart-launch-result");
    }
}
