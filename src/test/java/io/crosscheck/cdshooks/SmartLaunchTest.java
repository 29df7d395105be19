package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FakeSmartEhr;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SMART App Launch (EHR launch) from a card's smart link, over real HTTP end to end: a fake EHR authorisation
 * server (JDK HttpServer: SMART configuration, authorize, token with PKCE check, JWKS, id_tokens signed with a test
 * RSA key) and the browser's part played by following each redirect by hand, cookies included.
 */
@QuarkusTest
class SmartLaunchTest {

    static final String CLINIC = "clinic-smart";
    static final String ISSUER = "https://ehr-smart.example.org";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";
    static final String SESSION = "crosscheck-session";
    static final String LAUNCH_COOKIE = "crosscheck-smart-launch";
    static final Pattern NEXT = Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");
    static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static FakeSmartEhr ehr;
    /** A screening made by the EHR's CDS Hooks call (patient FhirFixtures.PATIENT_ID), and its cards. */
    static String screeningId;

    static JsonPath cdsResponse;

    @BeforeEach
    void setUp() throws Exception {
        if (ehr != null) {
            ehr.idToken = FakeSmartEhr.IdToken.GOOD;
            ehr.problems.clear();
            return;
        }
        ehr = new FakeSmartEhr();
        TestUsers.ensureUser("smart-clinic-physio", "smart-physio-pw-123", List.of("physio"), CLINIC);
        admin().body(Map.of(
                        "issuer",
                        ISSUER,
                        "clinic",
                        CLINIC,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "smart",
                        Map.of("clientId", FakeSmartEhr.CLIENT_ID, "iss", List.of(ehr.fhirBase() + "/"))))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)))
                .body("smart.clientId", equalTo(FakeSmartEhr.CLIENT_ID))
                .body("smart.iss", equalTo(List.of(ehr.fhirBase())));
        String answer = given().auth()
                .none()
                .header("Authorization", "Bearer " + cdsToken())
                .contentType(ContentType.JSON)
                .body(FhirFixtures.articlePatientView(
                        UUID.randomUUID().toString(), FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // smart links with appContext, checked against the specification's response model (cds-resp-3 among others)
        assertThat(io.crosscheck.support.CdsConformance.violations(answer)).isEmpty();
        cdsResponse = new JsonPath(answer);
        screeningId = cdsResponse.getString("extension.crosscheck.screeningId");
    }

    @AfterAll
    static void stop() {
        if (ehr != null) {
            ehr.close();
        }
    }

    // ---- cards and registration ----

    @Test
    @DisplayName(
            "Cards of an EHR registered for SMART keep the absolute link and add a smart link to /smart/launch with the screening as appContext")
    void cardsCarryASmartLink() {
        List<Map<String, Object>> cards = cdsResponse.getList("cards");
        assertThat(cards).isNotEmpty();
        for (Map<String, Object> card : cards) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) card.get("links");
            assertThat(links).anySatisfy(l -> {
                assertThat(l.get("type")).isEqualTo("absolute");
                assertThat(l.get("url"))
                        .isEqualTo("http://localhost:" + RestAssured.port + "/ui/screenings/" + screeningId);
                assertThat(l).doesNotContainKey("appContext");
            });
            assertThat(links).anySatisfy(l -> {
                assertThat(l.get("type")).isEqualTo("smart");
                assertThat(l.get("url")).isEqualTo("http://localhost:" + RestAssured.port + "/smart/launch");
                assertThat(l.get("appContext")).isEqualTo(screeningId);
                assertThat((String) l.get("label")).isNotBlank();
            });
            assertThat(links).allSatisfy(l -> assertThat(l.keySet()).isSubsetOf("label", "url", "type", "appContext"));
        }
    }

    @Test
    @DisplayName(
            "A SMART registration with a missing client id, a bad URL or another client's FHIR server is refused with 422 naming the fields")
    void badSmartRegistrationIsRefused() {
        admin().body(Map.of(
                        "issuer",
                        "https://ehr-bad-smart.example.org",
                        "clinic",
                        CLINIC,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "smart",
                        Map.of("clientId", "", "iss", List.of("not a url", ehr.fhirBase()))))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/smart/clientId"))
                .body("errors.field", hasItem("/smart/iss/0"))
                .body("errors.field", hasItem("/smart/iss/1"));
        admin().body(Map.of(
                        "issuer",
                        "https://ehr-bad-smart.example.org",
                        "clinic",
                        CLINIC,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "smart",
                        Map.of("clientId", "x")))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("/smart/iss"));
        admin().get("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(200)
                .body("issuer", org.hamcrest.Matchers.not(hasItem("https://ehr-bad-smart.example.org")));
    }

    // ---- the launch ----

    @Test
    @DisplayName(
            "Launch, authorize and callback sign the clinician in and open the card's screening: 200, the result shown")
    void theLaunchEndsSignedInOnTheScreening() throws Exception {
        Response launch = launch(ehr.fhirBase(), ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
        launch.then().statusCode(302);
        String authorize = launch.getHeader("Location");
        assertThat(authorize).startsWith(ehr.issuer() + "/authorize?");
        Map<String, String> q = FakeSmartEhr.params(URI.create(authorize).getRawQuery());
        assertThat(q)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", FakeSmartEhr.CLIENT_ID)
                .containsEntry("redirect_uri", "http://localhost:" + RestAssured.port + "/smart/callback")
                .containsEntry("aud", ehr.fhirBase())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "launch openid fhirUser");
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(launch.getDetailedCookie(LAUNCH_COOKIE).isHttpOnly()).isTrue();
        assertThat(launch.getDetailedCookie(LAUNCH_COOKIE).getSameSite()).isEqualToIgnoringCase("Lax");

        Response callback = callback(authorize(authorize), launch.getCookie(LAUNCH_COOKIE));
        callback.then().statusCode(200);
        assertThat(ehr.problems).isEmpty();
        String next = next(callback);
        assertThat(next).isEqualTo("/ui/screenings/" + screeningId);
        String session = callback.getCookie(SESSION);
        assertThat(session).isNotNull();

        String page = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, session)
                .get(next)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(page).contains("Screening result").contains("data-screening=\"" + screeningId + "\"");
        // signed in as a physio of the EHR client's clinic: the clinic's client list opens too, no login page
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, session)
                .get("/ui/clients")
                .then()
                .statusCode(200);
    }

    @Test
    @DisplayName("Without appContext the callback opens the latest screening of the patient in context")
    void withoutAppContextThePatientsLatestScreeningOpens() throws Exception {
        // a later chart open with something new (the same cards again that day would be shown once, and store nothing)
        String later = given().auth()
                .none()
                .header("Authorization", "Bearer " + cdsToken())
                .contentType(ContentType.JSON)
                .body(FhirFixtures.articlePatientView(
                        UUID.randomUUID().toString(), FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia")))
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .path("extension.crosscheck.screeningId");
        assertThat(later).isNotEqualTo(screeningId);
        Response callback = fullLaunch(ehr.launch(FhirFixtures.PATIENT_ID, null));
        callback.then().statusCode(200);
        assertThat(next(callback)).isEqualTo("/ui/screenings/" + later);
        // a patient with no screening here: the clinic's client list
        Response none = fullLaunch(ehr.launch("some-other-patient", null));
        none.then().statusCode(200);
        assertThat(next(none)).isEqualTo("/ui/clients");
    }

    @Test
    @DisplayName("A screening of another clinic named as appContext is never opened, nor reachable with the session")
    void anotherClinicsScreeningIsNeverReachable() throws Exception {
        String otherClinics = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response callback = fullLaunch(ehr.launch(null, otherClinics));
        callback.then().statusCode(200);
        assertThat(next(callback)).isEqualTo("/ui/clients").doesNotContain(otherClinics);
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, callback.getCookie(SESSION))
                .get("/ui/screenings/" + otherClinics)
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "Two EHR clients sharing an id_token issuer, in two clinics: the same clinician sub is two users, each in its client's clinic")
    void twoEhrClientsSharingAnIssuerKeepTheirUsersInTheirOwnClinics() throws Exception {
        String otherClinic = "clinic-smart-b";
        TestUsers.ensureUser("smart-clinic-b-physio", "smart-physio-pw-456", List.of("physio"), otherClinic);
        admin().body(Map.of(
                        "issuer",
                        "https://ehr-smart-b.example.org",
                        "clinic",
                        otherClinic,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "smart",
                        Map.of("clientId", FakeSmartEhr.CLIENT_ID, "iss", List.of(ehr.otherFhirBase()))))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200)));
        String sub = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        ehr.subject = sub;
        try {
            Response first = fullLaunch(ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
            first.then().statusCode(200);
            assertThat(next(first)).isEqualTo("/ui/screenings/" + screeningId);
            Response launch = launch(ehr.otherFhirBase(), ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
            launch.then().statusCode(302);
            Response second = callback(authorize(launch.getHeader("Location")), launch.getCookie(LAUNCH_COOKIE));
            second.then().statusCode(200);
            assertThat(ehr.problems).isEmpty();
            // the second client's clinic does not hold the first clinic's screening
            assertThat(next(second)).isEqualTo("/ui/clients");

            List<Map<String, Object>> users = admin().get("/api/v1/admin/users")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.username.endsWith(':" + sub + "') }");
            assertThat(users).extracting(u -> u.get("clinic")).containsExactlyInAnyOrder(CLINIC, otherClinic);
            // the first clinician still sees the first clinic's screening; the second never does
            ui(first.getCookie(SESSION), "/ui/screenings/" + screeningId).then().statusCode(200);
            ui(second.getCookie(SESSION), "/ui/screenings/" + screeningId)
                    .then()
                    .statusCode(404);
        } finally {
            ehr.subject = "practitioner-7";
        }
    }

    private static Response ui(String session, String path) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, session)
                .get(path);
    }

    @Test
    @DisplayName("An iss that no EHR client registered for SMART is refused with 400 and no redirect")
    void anUnregisteredIssIsRefused() {
        Response r = launch("https://unknown-ehr.example.org/fhir", "launch-1");
        r.then().statusCode(400).contentType(ContentType.HTML);
        assertThat(r.getHeader("Location")).isNull();
        launch(null, "launch-1").then().statusCode(400);
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .queryParam("iss", ehr.fhirBase())
                .get("/smart/launch")
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName("A callback with a wrong or missing state, or from another browser, is refused and signs nobody in")
    void aWrongStateIsRefused() throws Exception {
        Response launch = launch(ehr.fhirBase(), ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
        String back = authorize(launch.getHeader("Location"));
        Map<String, String> q = FakeSmartEhr.params(URI.create(back).getRawQuery());
        String cookie = launch.getCookie(LAUNCH_COOKIE);
        String callbackBase = back.substring(0, back.indexOf('?'));

        Response wrong = callback(callbackBase + "?code=" + q.get("code") + "&state=not-the-state", cookie);
        assertRefused(wrong, 400);
        Response missing = callback(callbackBase + "?code=" + q.get("code"), cookie);
        assertRefused(missing, 400);
        Response otherBrowser = callback(back, "A".repeat(43));
        assertRefused(otherBrowser, 400);
        // the state was used up by the refused attempt: the right browser cannot use it afterwards either
        assertRefused(callback(back, cookie), 400);
        Response noCookie = callback(back, null);
        assertRefused(noCookie, 400);
    }

    @Test
    @DisplayName(
            "An id_token for another audience, expired, signed by another key, signed with HS256 or missing is refused and signs nobody in")
    void badIdTokensAreRefused() throws Exception {
        for (FakeSmartEhr.IdToken bad : List.of(
                FakeSmartEhr.IdToken.WRONG_AUDIENCE,
                FakeSmartEhr.IdToken.EXPIRED,
                FakeSmartEhr.IdToken.OTHER_KEY,
                FakeSmartEhr.IdToken.HS256,
                FakeSmartEhr.IdToken.NONE)) {
            ehr.idToken = bad;
            Response callback = fullLaunch(ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
            assertThat(callback.statusCode()).as(bad.name()).isEqualTo(403);
            assertThat(callback.getCookie(SESSION)).as(bad.name()).isNull();
            assertThat(callback.asString()).as(bad.name()).doesNotContain("http-equiv=\"refresh\"");
        }
        assertThat(ehr.problems).isEmpty();
        // the same flow with a good token signs in: the refusals above were the token's
        ehr.idToken = FakeSmartEhr.IdToken.GOOD;
        Response good = fullLaunch(ehr.launch(FhirFixtures.PATIENT_ID, screeningId));
        good.then().statusCode(200);
        assertThat(good.getCookie(SESSION)).isNotNull();
        // the EHR's keys are read once and kept for their refresh interval, not fetched on every launch
        int fetched = ehr.jwksRequests.get();
        fullLaunch(ehr.launch(FhirFixtures.PATIENT_ID, screeningId)).then().statusCode(200);
        assertThat(ehr.jwksRequests.get()).isEqualTo(fetched);
    }

    @Test
    @DisplayName("The EHR refusing authorisation (error on the callback) is shown as such and signs nobody in")
    void anAuthorisationErrorIsShown() {
        Response r = given().auth()
                .none()
                .redirects()
                .follow(false)
                .queryParam("error", "access_denied")
                .queryParam("state", "x")
                .get("/smart/callback");
        assertRefused(r, 400);
        assertThat(r.asString()).contains("access_denied");
    }

    @Test
    @DisplayName("Launches, good and refused, write no token, code, state, clinician or patient id to the log")
    void theLogHoldsNoLaunchSecretsOrIdentities() throws Exception {
        String patient = "canary-patient-" + UUID.randomUUID();
        ehr.subject = "canary-clinician-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            String launchId = ehr.launch(patient, null);
            Response launch = launch(ehr.fhirBase(), launchId);
            String back = authorize(launch.getHeader("Location"));
            Map<String, String> q = FakeSmartEhr.params(URI.create(back).getRawQuery());
            callback(back, launch.getCookie(LAUNCH_COOKIE)).then().statusCode(200);
            ehr.idToken = FakeSmartEhr.IdToken.WRONG_AUDIENCE;
            fullLaunch(ehr.launch(patient, null)).then().statusCode(403);
            java.nio.file.Path log = java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.log.file.path", String.class));
            String text = java.nio.file.Files.readString(log);
            assertThat(text).contains("SMART sign-in refused");
            assertThat(text)
                    .doesNotContain(patient)
                    .doesNotContain(ehr.subject)
                    .doesNotContain(launchId)
                    .doesNotContain(q.get("code"))
                    .doesNotContain(q.get("state"))
                    .doesNotContain("fake-access-token")
                    .doesNotContain(launch.getCookie(LAUNCH_COOKIE));
        } finally {
            ehr.subject = "practitioner-7";
        }
    }

    @Test
    @DisplayName(
            "A confidential client sends its configured secret with HTTP Basic; a token endpoint refusing it signs nobody in")
    void aConfidentialClientAuthenticatesAtTheTokenEndpoint() throws Exception {
        try (FakeSmartEhr confidential = new FakeSmartEhr("crosscheck-confidential-test", "test-smart-client-secret")) {
            admin().body(Map.of(
                            "issuer",
                            "https://ehr-smart-confidential.example.org",
                            "clinic",
                            CLINIC,
                            "jwks",
                            new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                            "smart",
                            Map.of("clientId", confidential.clientId, "iss", List.of(confidential.fhirBase()))))
                    .post("/api/v1/admin/ehr-clients")
                    .then()
                    .statusCode(anyOf(equalTo(201), equalTo(200)));
            Response good = fullLaunch(confidential, confidential.launch(FhirFixtures.PATIENT_ID, screeningId));
            good.then().statusCode(200);
            assertThat(confidential.problems).isEmpty();
            assertThat(next(good)).isEqualTo("/ui/screenings/" + screeningId);
            assertThat(good.getCookie(SESSION)).isNotNull();

            confidential.secret = "a-secret-crosscheck-does-not-have";
            Response refused = fullLaunch(confidential, confidential.launch(FhirFixtures.PATIENT_ID, screeningId));
            assertRefused(refused, 502);
        }
    }

    // ---- helpers ----

    private static void assertRefused(Response r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.getCookie(SESSION)).isNull();
        assertThat(r.asString()).doesNotContain("http-equiv=\"refresh\"");
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    static String cdsToken() {
        JwtClaims claims = EhrKeys.claims(ISSUER, "http://localhost:" + RestAssured.port + SERVICE);
        return EhrKeys.sign(claims, EhrKeys.EC, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    }

    static Response launch(String iss, String launch) {
        io.restassured.specification.RequestSpecification spec =
                given().auth().none().redirects().follow(false);
        if (iss != null) {
            spec = spec.queryParam("iss", iss);
        }
        return spec.queryParam("launch", launch).get("/smart/launch");
    }

    /** The browser at the EHR's authorize URL: the EHR's redirect back (the callback URL with code and state). */
    static String authorize(String url) throws Exception {
        HttpResponse<String> r = BROWSER.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("authorize: " + r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    static Response callback(String url, String launchCookie) {
        io.restassured.specification.RequestSpecification spec =
                given().auth().none().redirects().follow(false).urlEncodingEnabled(false);
        if (launchCookie != null) {
            spec = spec.cookie(LAUNCH_COOKIE, launchCookie);
        }
        return spec.get(url);
    }

    static Response fullLaunch(String launchId) throws Exception {
        return fullLaunch(ehr, launchId);
    }

    static Response fullLaunch(FakeSmartEhr at, String launchId) throws Exception {
        Response launch = launch(at.fhirBase(), launchId);
        launch.then().statusCode(302);
        return callback(authorize(launch.getHeader("Location")), launch.getCookie(LAUNCH_COOKIE));
    }

    static String next(Response callback) {
        Matcher m = NEXT.matcher(callback.asString());
        assertThat(m.find()).as("the callback page moves on by itself").isTrue();
        return m.group(1);
    }
}
