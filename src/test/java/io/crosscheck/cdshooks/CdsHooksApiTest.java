package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.screening.Screening;
import io.crosscheck.support.CdsConformance;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.HapiFhirServer;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDS Hooks 2.0 service over real HTTP: real JWTs signed with test keys (ES384 with a stored JWKS,
 * RS384 with a JWKS served over HTTP), requests shaped as the specification's patient-view example, a
 * HAPI FHIR RestfulServer (Jetty, random port) for the fetch path, and the screening stored like any other.
 */
@QuarkusTest
class CdsHooksApiTest {

    static final String CLINIC = "clinic-ehr";
    static final String FHIR_TOKEN = "some-opaque-fhir-access-token";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";
    static HapiFhirServer fhir;
    static boolean registered;

    @BeforeEach
    void register() throws Exception {
        if (registered) {
            return;
        }
        registered = true;
        fhir = new HapiFhirServer(FHIR_TOKEN);
        TestUsers.ensureUser("ehr-clinic-author", "ehr-author-pw-123", List.of("author", "physio"), CLINIC);
        admin().body(Map.of(
                        "issuer",
                        EhrKeys.EC_ISSUER,
                        "clinic",
                        CLINIC,
                        "jwks",
                        new io.restassured.path.json.JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""),
                        "fhirServers",
                        List.of(fhir.base())))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        admin().body(Map.of("issuer", EhrKeys.RSA_ISSUER, "clinic", CLINIC, "jwksUrl", EhrKeys.jwksUrl()))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fhir != null) {
            fhir.close();
        }
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    static String audience() {
        return "http://localhost:" + RestAssured.port + SERVICE;
    }

    /** A service call; every 200 answer is checked against the specification's response model and invariants. */
    static Response call(String token, String body) {
        Response r = given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(SERVICE);
        if (r.statusCode() == 200) {
            assertThat(CdsConformance.violations(r.asString()))
                    .as("CDS Hooks 2.0 response conformance")
                    .isEmpty();
        }
        return r;
    }

    static long screenings() {
        return QuarkusTransaction.requiringNew().call(() -> Screening.count());
    }

    /**
     * The article's client, prefetched, as a patient of her own (a new id each time): cards already shown for a
     * patient that day are not shown again, so tests that look at cards do not share a patient.
     */
    static String article(List<String> answered, List<String> yes) {
        return FhirFixtures.articlePatientView(UUID.randomUUID().toString(), answered, yes)
                .replace(FhirFixtures.PATIENT_ID, newPatientId());
    }

    static String newPatientId() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static String feedbackAudience() {
        return audience() + "/feedback";
    }

    // ---- discovery ----

    @Test
    void discoveryListsPatientViewAndEncounterStartWithPrefetchTemplatesAndNeedsNoCredentials() {
        given().auth()
                .none()
                .get("/cds-services")
                .then()
                .statusCode(200)
                .body("services.hook", hasItem("patient-view"))
                .body("services.hook", hasItem("encounter-start"))
                .body(
                        "services.find { it.id == 'crosscheck-patient-view' }.prefetch.patient",
                        equalTo("Patient/{{context.patientId}}"))
                .body(
                        "services.find { it.id == 'crosscheck-patient-view' }.prefetch.observations",
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.startsWith(
                                        "Observation?patient={{context.patientId}}&code=https://crosscheck.io/fhir/CodeSystem/crosscheck|,"),
                                containsString("http://snomed.info/sct|"),
                                org.hamcrest.Matchers.endsWith("&_sort=-date&_count=100")))
                .body(
                        "services.find { it.id == 'crosscheck-encounter-start' }.prefetch.encounter",
                        equalTo("Encounter/{{context.encounterId}}"))
                .body(
                        "services.find { it.id == 'crosscheck-patient-view' }.prefetch.questionnaireResponses",
                        containsString("QuestionnaireResponse?patient="))
                .body(
                        "services.find { it.id == 'crosscheck-patient-view' }.description",
                        containsString("not a diagnosis"));
    }

    // ---- the Host header is not trusted (issue 22) ----

    @Test
    void theHostHeaderNamesNeitherTheAcceptedAudienceNorTheCardLinks() {
        String body = article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia"));
        Response forged = given().auth()
                .none()
                .header("Host", "evil.example")
                .header("Authorization", "Bearer " + EhrKeys.es384("http://evil.example" + SERVICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post(SERVICE);
        assertThat(forged.statusCode())
                .as("a token addressed to the Host header's name")
                .isEqualTo(401);

        Response answered = given().auth()
                .none()
                .header("Host", "evil.example")
                .header("Authorization", "Bearer " + EhrKeys.es384(audience()))
                .contentType(ContentType.JSON)
                .body(article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia")))
                .post(SERVICE);
        assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
        assertThat(answered.asString()).doesNotContain("evil.example");
        assertThat(answered.jsonPath().getList("cards.links.flatten().url", String.class))
                .isNotEmpty()
                .allMatch(u -> u.startsWith("http://localhost:" + RestAssured.port + "/"));
    }

    // ---- cards ----

    @Test
    void
            aSpecificationShapedPatientViewRequestGetsConformantPatternCardsAndTheScreeningIsStoredInTheEhrClientsClinic() {
        long before = screenings();
        JsonPath body = call(EhrKeys.es384(audience()), article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        List<Map<String, Object>> cards = body.getList("cards");
        assertThat(cards).isNotEmpty();
        Set<String> uuids = new HashSet<>();
        for (Map<String, Object> card : cards) {
            assertThat((String) card.get("summary")).hasSizeLessThan(140).doesNotContainIgnoringCase("diagnos");
            assertThat(card.get("indicator")).isIn("info", "warning", "critical");
            assertThat(uuids.add((String) card.get("uuid"))).isTrue();
            Map<String, Object> source = (Map<String, Object>) card.get("source");
            assertThat((String) source.get("label")).startsWith("Crosscheck rule ");
            // a page the clinician can open (physiotherapists read the rules), not an author-only file
            assertThat((String) source.get("url")).matches("http://localhost:\\d+/ui/kb/rules/[A-Z]{3}-\\d{3}");
            List<Map<String, Object>> links = (List<Map<String, Object>>) card.get("links");
            assertThat(links).allSatisfy(l -> {
                assertThat(l.get("type")).isEqualTo("absolute");
                assertThat((String) l.get("url")).matches("http://localhost:\\d+/ui/screenings/[0-9a-f-]{36}");
            });
            List<Map<String, Object>> suggestions = (List<Map<String, Object>>) card.get("suggestions");
            if (suggestions != null) {
                assertThat(card.get("selectionBehavior")).isEqualTo("at-most-one");
                suggestions.forEach(
                        s -> assertThat(uuids.add((String) s.get("uuid"))).isTrue());
            }
        }
        Map<String, Object> lcs = cards.stream()
                .filter(c -> ((String) c.get("summary")).contains("lower-crossed"))
                .findFirst()
                .orElseThrow();
        assertThat(lcs.get("indicator")).isEqualTo("info");
        assertThat((String) lcs.get("summary"))
                .startsWith("Findings consistent with the lower-crossed syndrome pattern");
        assertThat((String) lcs.get("detail")).contains("because").contains("Hip-flexor stretch");
        Map<String, Object> action =
                body.getMap("cards.find { it.summary.contains('lower-crossed') }.suggestions[0].actions[0]");
        assertThat(action.get("type")).isEqualTo("create");
        assertThat(((Map<String, Object>) action.get("resource")).get("resourceType"))
                .isEqualTo("ServiceRequest");

        String id = body.getString("extension.crosscheck.screeningId");
        assertThat(body.getString("extension.crosscheck.knowledgeBaseVersion")).startsWith("sha256:");
        assertThat(body.getList("extension.crosscheck.skippedCodes.code")).contains("http://loinc.org|8867-4");
        assertThat(screenings()).isEqualTo(before + 1);
        // the same screening as POST /api/v1/screenings stores: readable by the EHR client's clinic only
        given().auth()
                .preemptive()
                .basic("ehr-clinic-author", "ehr-author-pw-123")
                .get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .body("summary.redFlagScreen", equalTo("complete"))
                .body("patterns.find { it.code == 'LCS' }.status", equalTo("consistent"))
                .body("clientRef", org.hamcrest.Matchers.startsWith("ehr-"));
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/screenings/" + id)
                .then()
                .statusCode(404);
        Object hookInstance = QuarkusTransaction.requiringNew()
                .call(() ->
                        io.crosscheck.cdshooks.store.CdsInvocation.<io.crosscheck.cdshooks.store.CdsInvocation>findById(
                                UUID.fromString(id)));
        assertThat(((io.crosscheck.cdshooks.store.CdsInvocation) hookInstance).ehrClient)
                .isEqualTo(EhrKeys.EC_ISSUER);
    }

    @Test
    void
            theSpecificationsOwnPatientViewExampleIsNoPhysiotherapyEncounterAndGetsNoCardWithOnlyTheEncounterRead_andAsOneItGetsNoCardForAnEmptyChart() {
        // HL7 CDS Hooks 2.0, "Calling a CDS Service": the example request as published, but for its fhirServer,
        // which is the test's FHIR server here. Its prefetch key (patientToGreet) is not one of ours; its encounter is
        // read from the EHR's FHIR server to decide whether the call gets cards at all.
        String example = """
                {
                  "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                  "fhirServer": "http://hooks.smarthealthit.org:9080",
                  "hook": "patient-view",
                  "fhirAuthorization": {
                    "access_token": "some-opaque-fhir-access-token",
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "scope": "user/Patient.read user/Observation.read",
                    "subject": "cds-service4"
                  },
                  "context": {
                    "userId": "Practitioner/example",
                    "patientId": "1288992",
                    "encounterId": "89284"
                  },
                  "prefetch": {
                    "patientToGreet": {
                      "resourceType": "Patient",
                      "gender": "male",
                      "birthDate": "1925-12-23",
                      "id": "1288992",
                      "active": true
                    }
                  }
                }
                """.replace("http://hooks.smarthealthit.org:9080", fhir.base());
        org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId("1288992");
        patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE)
                .setActive(true)
                .setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1925-12-23"));
        fhir.clear().patient(patient);
        long before = screenings();
        JsonPath body = call(EhrKeys.es384(audience()), example)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // the encounter is not on the server: no physiotherapy encounter, no card, and nothing else read or stored
        assertThat(body.getList("cards")).isEmpty();
        assertThat(body.getBoolean("extension.crosscheck.scope.cards")).isFalse();
        assertThat(body.getString("extension.crosscheck.scope.why"))
                .contains("encounter")
                .contains("404");
        assertThat(fhir.requests)
                .singleElement()
                .satisfies(r ->
                        assertThat(r).startsWith("GET /fhir/Encounter/89284").endsWith("| Bearer " + FHIR_TOKEN));
        assertThat(screenings()).isEqualTo(before);

        // the same call in a physiotherapy encounter: the chart is read, and holds nothing Crosscheck screens (no
        // finding, no answer), so still no card and nothing stored; in particular no "screen incomplete" card
        org.hl7.fhir.r4.model.Encounter physio = new org.hl7.fhir.r4.model.Encounter();
        physio.setId("89284");
        physio.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.INPROGRESS);
        physio.setServiceType(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                "http://terminology.hl7.org/CodeSystem/service-type", "65", "Physiotherapy")));
        physio.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/1288992"));
        fhir.add("Encounter", List.of(physio));
        fhir.requests.clear();
        body = call(
                        EhrKeys.es384(audience()),
                        example.replace(
                                "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                                UUID.randomUUID().toString()))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getBoolean("extension.crosscheck.scope.cards")).isTrue();
        assertThat(body.getList("cards")).isEmpty();
        assertThat(fhir.requests).anyMatch(r -> r.startsWith("GET /fhir/Patient/1288992"));
        assertThat(fhir.requests)
                .anyMatch(
                        r -> r.startsWith("GET /fhir/Observation?patient=1288992&code=") && r.contains("_sort=-date"));
        assertThat(body.getBoolean("extension.crosscheck.chart.complete")).isTrue();
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void aRedFlagAnsweredYesGivesOnlyACriticalReferralCardWithAServiceRequestSuggestion() {
        String request = article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia"));
        JsonPath body = call(EhrKeys.es384(audience()), request)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getList("cards")).hasSize(1);
        assertThat(body.getString("cards[0].indicator")).isEqualTo("critical");
        assertThat(body.getString("cards[0].summary")).startsWith("Refer (emergency) to exclude cauda equina");
        assertThat(body.getString("cards[0].detail")).contains("because").contains("withheld");
        assertThat(body.getString("cards[0].suggestions[0].actions[0].resource.resourceType"))
                .isEqualTo("ServiceRequest");
        assertThat(body.getString("cards[0].suggestions[0].actions[0].resource.priority"))
                .isEqualTo("stat");
        assertThat(body.getString("cards[0].suggestions[0].actions[0].resource.subject.reference"))
                .isEqualTo("Patient/" + JsonPath.from(request).getString("context.patientId"));
        // the detail is in clinical words: labels, never internal codes
        assertThat(body.getString("cards[0].detail")).doesNotContain("`").doesNotContain("red-flag.");
    }

    @Test
    void aRedFlagScreenNeverBegunInTheChartAddsNoCardOfItsOwnThePatternCardsSayItIsIncompleteAndNothingIsANo() {
        JsonPath body = call(EhrKeys.es384(audience()), article(List.of(), List.of()))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getList("cards.summary", String.class))
                .isNotEmpty()
                .noneMatch(s -> s.startsWith("Red-flag screen incomplete"));
        assertThat(body.getString("cards.find { it.summary.contains('lower-crossed') }.detail"))
                .contains("Red-flag screen incomplete")
                .contains("never read as \"no\"");
        assertThat(body.getString("extension.crosscheck.redFlagScreen")).isEqualTo("incomplete");
        String id = body.getString("extension.crosscheck.screeningId");
        // nothing was read as "no": the stored request has no red-flag answers at all
        String request = QuarkusTransaction.requiringNew()
                .call(() -> Screening.<Screening>findById(UUID.fromString(id)).request());
        assertThat(request).doesNotContain("saddle_anaesthesia").doesNotContain("\"present\":false");
        // the pattern cards are there, marked provisional
        assertThat(body.getList("cards.summary", String.class)).anyMatch(s -> s.contains("provisional"));
    }

    @Test
    void anObservationWithoutAValueIsNotANoAndARedFlagScreenBegunButIncompleteGetsACardNamingTheQuestionsByLabel() {
        List<org.hl7.fhir.r4.model.Observation> observations = new java.util.ArrayList<>(FhirFixtures.findings());
        observations.add(new org.hl7.fhir.r4.model.Observation()
                .setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL)
                .setCode(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                        io.crosscheck.fhir.service.CrosscheckCodes.SYSTEM, "red-flag.saddle_anaesthesia", null))));
        List<String> allButSaddle = FhirFixtures.LOW_BACK_RED_FLAGS.stream()
                .filter(f -> !f.equals("saddle_anaesthesia"))
                .toList();
        String body = FhirFixtures.patientViewRequest(
                        UUID.randomUUID().toString(),
                        "http://hooks.smarthealthit.org:9080",
                        FhirFixtures.json(FhirFixtures.patient()),
                        FhirFixtures.json(FhirFixtures.searchset(observations)),
                        FhirFixtures.json(FhirFixtures.searchset(List.of())),
                        FhirFixtures.json(
                                FhirFixtures.searchset(List.of(FhirFixtures.redFlagAnswers(allButSaddle, List.of())))))
                .replace(FhirFixtures.PATIENT_ID, newPatientId());
        Map<String, Object> incomplete = call(EhrKeys.es384(audience()), body)
                .then()
                .statusCode(200)
                .extract()
                .path("cards.find { it.summary.startsWith('Red-flag screen incomplete') }");
        assertThat(incomplete).isNotNull();
        assertThat(incomplete.get("indicator")).isEqualTo("warning");
        assertThat((String) incomplete.get("summary"))
                .isEqualTo("Red-flag screen incomplete: 1 question unanswered (cauda equina syndrome)");
        assertThat((String) incomplete.get("detail"))
                .contains("saddle or perianal numbness")
                .contains("never read as \"no\"")
                .doesNotContain("red-flag.")
                .doesNotContain("`");
    }

    @Test
    void rs384TokensVerifyWithTheJwksServedOverHttpFetchedOnceNotPerCall() {
        call(EhrKeys.rs384(audience()), article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .then()
                .statusCode(200);
        int fetched = EhrKeys.JWKS_REQUESTS.get();
        assertThat(fetched).isPositive();
        for (int i = 0; i < 3; i++) {
            call(EhrKeys.rs384(audience()), article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                    .then()
                    .statusCode(200);
        }
        assertThat(EhrKeys.JWKS_REQUESTS.get())
                .as("the key set is cached for its refresh interval")
                .isEqualTo(fetched);
    }

    // ---- security: each bad token is 401 and nothing is evaluated ----

    @Test
    void everyBadTokenIs401AndNothingIsEvaluatedOrStored() {
        String body = article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of());
        long before = screenings();
        String replayed = EhrKeys.es384(audience());
        call(replayed, body).then().statusCode(200);
        long afterGood = screenings();
        assertThat(afterGood).isEqualTo(before + 1);

        Map<String, Response> bad = new java.util.LinkedHashMap<>();
        bad.put("replayed jti", call(replayed, body));
        bad.put(
                "wrong audience",
                call(EhrKeys.es384("http://localhost:" + RestAssured.port + "/cds-services/other"), body));
        bad.put(
                "expired",
                call(
                        EhrKeys.es384(audience(), c -> {
                            c.setExpirationTime(EhrKeys.minutesAgo(2));
                            c.setIssuedAt(EhrKeys.minutesAgo(7));
                        }),
                        body));
        bad.put("issued long ago", call(EhrKeys.es384(audience(), c -> c.setIssuedAt(EhrKeys.minutesAgo(30))), body));
        bad.put(
                "issued in the future",
                call(
                        EhrKeys.es384(audience(), c -> {
                            c.setIssuedAt(EhrKeys.minutesAgo(-3));
                            c.setExpirationTime(EhrKeys.minutesAgo(-6));
                        }),
                        body));
        bad.put("no iat", call(EhrKeys.es384(audience(), c -> c.unsetClaim("iat")), body));
        bad.put("no jti", call(EhrKeys.es384(audience(), c -> c.unsetClaim("jti")), body));
        bad.put("no exp", call(EhrKeys.es384(audience(), c -> c.unsetClaim("exp")), body));
        bad.put("alg none", call(EhrKeys.unsigned(audience()), body));
        bad.put("HS256", call(EhrKeys.hs256(audience()), body));
        bad.put(
                "unknown issuer",
                call(
                        EhrKeys.sign(
                                EhrKeys.claims("https://unknown-ehr.example.org", audience()),
                                EhrKeys.EC,
                                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384),
                        body));
        bad.put(
                "key not registered",
                call(
                        EhrKeys.sign(
                                EhrKeys.claims(EhrKeys.EC_ISSUER, audience()),
                                EhrKeys.STRANGER,
                                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384),
                        body));
        bad.put(
                "RS256",
                call(
                        EhrKeys.sign(
                                EhrKeys.claims(EhrKeys.RSA_ISSUER, audience()),
                                EhrKeys.RSA,
                                AlgorithmIdentifiers.RSA_USING_SHA256),
                        body));
        bad.put("not a JWT", call("not-a-jwt", body));
        bad.put(
                "jku not the registered JWKS URL",
                call(jku(audience(), "http://127.0.0.1:9/attacker-jwks.json"), body));
        bad.put(
                "missing token",
                given().auth().none().contentType(ContentType.JSON).body(body).post(SERVICE));
        bad.put(
                "HTTP Basic of a physio",
                given().auth()
                        .preemptive()
                        .basic("ehr-clinic-author", "ehr-author-pw-123")
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post(SERVICE));
        bad.put(
                "feedback without token",
                given().auth()
                        .none()
                        .contentType(ContentType.JSON)
                        .body("{\"feedback\":[]}")
                        .post(SERVICE + "/feedback"));
        bad.forEach(
                (what, response) -> assertThat(response.statusCode()).as(what).isEqualTo(401));
        assertThat(screenings())
                .as("nothing evaluated or stored for a refused token")
                .isEqualTo(afterGood);
    }

    @Test
    void feedbackNeedsATokenForTheFeedbackEndpointInvokedAndIsVisibleToAuthorsPerRule() {
        JsonPath body = call(
                        EhrKeys.es384(audience()),
                        article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia")))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String card = body.getString("cards[0].uuid");
        String suggestion = body.getString("cards[0].suggestions[0].uuid");
        String rule = body.getString("cards[0].source.label").replaceAll("Crosscheck rule (\\S+).*", "$1");
        String overridden = """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-29T10:15:00Z",
                  "overrideReason": {"reason": {"system": "https://crosscheck.io/fhir/CodeSystem/crosscheck",
                    "code": "override.already-addressed", "display": "Already addressed"}, "userComment": "referred yesterday"}}]}
                """.formatted(card);
        // CDS Hooks 2.0: aud is the endpoint invoked, so a token for the service is not one for its feedback
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience()))
                .contentType(ContentType.JSON)
                .body(overridden)
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(401);
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(feedbackAudience()))
                .contentType(ContentType.JSON)
                .body(overridden)
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1));
        String accepted = """
                {"feedback": [{"card": "%s", "outcome": "accepted", "outcomeTimestamp": "2026-11-29T10:16:00Z",
                  "acceptedSuggestions": [{"id": "%s"}]}]}
                """.formatted(card, suggestion);
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(feedbackAudience()))
                .contentType(ContentType.JSON)
                .body(accepted)
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(200);
        // an unknown card or a bad outcome: 400 naming the field, nothing stored
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(feedbackAudience()))
                .contentType(ContentType.JSON)
                .body("{\"feedback\": [{\"card\": \"" + UUID.randomUUID()
                        + "\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-11-29T10:16:00Z\"}]}")
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/feedback/0/card"))
                .body("errors.field", hasItem("/feedback/0/outcome"));
        // a comment with a right-to-left override, a reason display with a NUL (as JSON escapes): not plain text
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(feedbackAudience()))
                .contentType(ContentType.JSON)
                .body(overridden
                        .replace("referred yesterday", "referred \\u202eyadretsey")
                        .replace("Already addressed", "Already\\u0000addressed"))
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/feedback/0/overrideReason/userComment"))
                .body("errors.field", hasItem("/feedback/0/overrideReason/reason/display"));

        given().auth()
                .preemptive()
                .basic("ehr-clinic-author", "ehr-author-pw-123")
                .get("/api/v1/knowledge-base/rules/" + rule + "/feedback")
                .then()
                .statusCode(200)
                .body("accepted", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("overridden", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("overrideReasons.code", hasItem("override.already-addressed"))
                .body("recent.comment", hasItem("referred yesterday"));
        // another clinic's author sees none of it
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/knowledge-base/rules/" + rule + "/feedback")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("overridden", equalTo(0));
    }

    /** An RS384 token of the RSA issuer whose header names a JWKS URL of its own. */
    static String jku(String audience, String url) {
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(EhrKeys.claims(EhrKeys.RSA_ISSUER, audience).toJson());
        jws.setKey(EhrKeys.RSA.getPrivateKey());
        jws.setKeyIdHeaderValue(EhrKeys.RSA.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA384);
        jws.setHeader("jku", url);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenWithoutSubIsAcceptedAsTheSpecificationsExampleTokenHasNone() {
        call(EhrKeys.es384(audience(), c -> c.unsetClaim("sub")), article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .then()
                .statusCode(200);
    }

    @Test
    void aJkuHeaderNamingTheRegisteredJwksUrlIsAccepted() {
        call(jku(audience(), EhrKeys.jwksUrl()), article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .then()
                .statusCode(200);
    }

    @Test
    void encounterStartIsServedTooAndNeedsTheEncounterId() {
        String audience = "http://localhost:" + RestAssured.port + "/cds-services/crosscheck-encounter-start";
        String withoutEncounter =
                article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()).replace("\"patient-view\"", "\"encounter-start\"");
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience))
                .contentType(ContentType.JSON)
                .body(withoutEncounter)
                .post("/cds-services/crosscheck-encounter-start")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("/context/encounterId"));
        String withEncounter = withoutEncounter.replace("\"patientId\":", "\"encounterId\": \"89284\", \"patientId\":");
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience))
                .contentType(ContentType.JSON)
                .body(withEncounter)
                .post("/cds-services/crosscheck-encounter-start")
                .then()
                .statusCode(200)
                .body(
                        "cards.summary",
                        hasItem(org.hamcrest.Matchers.startsWith("Findings consistent with the lower-crossed")));
        // a token for the patient-view service is not one for encounter-start
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience()))
                .contentType(ContentType.JSON)
                .body(withEncounter)
                .post("/cds-services/crosscheck-encounter-start")
                .then()
                .statusCode(401);
    }

    // ---- missing prefetch: fetched over FHIR REST, or 412 ----

    @Test
    void missingPrefetchIsFetchedFromTheEhrsFhirServerWithItsBearerToken() {
        fhir.clear()
                .patient(FhirFixtures.patient())
                .add("Observation", FhirFixtures.findings())
                .add(
                        "QuestionnaireResponse",
                        List.of(FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of())));
        String body = FhirFixtures.patientViewRequest(
                UUID.randomUUID().toString(), fhir.base(), "null", "null", "null", "null");
        JsonPath out = call(EhrKeys.es384(audience()), body)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(out.getString("extension.crosscheck.redFlagScreen")).isEqualTo("complete");
        assertThat(out.getList("cards.summary", String.class)).anyMatch(s -> s.contains("lower-crossed"));
        assertThat(fhir.requests).allMatch(r -> r.endsWith("| Bearer " + FHIR_TOKEN));
        assertThat(fhir.requests).anyMatch(r -> r.startsWith("GET /fhir/Patient/" + FhirFixtures.PATIENT_ID));
        assertThat(fhir.requests)
                .anyMatch(r -> r.startsWith("GET /fhir/Observation?patient=" + FhirFixtures.PATIENT_ID));
        // the server's paging: the next pages of the Observation search were followed (its next links)
        assertThat(fhir.requests).anyMatch(r -> r.startsWith("GET /fhir?_getpages="));
    }

    @Test
    void dataThatCannotBeObtainedIs412AndNothingIsStored() {
        long before = screenings();
        // no prefetch and no fhirServer
        String noServer = FhirFixtures.patientViewRequest(
                        UUID.randomUUID().toString(), "x", "null", "null", "null", "null")
                .replace("\"fhirServer\": \"x\",", "")
                .replaceAll("(?s)\"fhirAuthorization\": \\{.*?\\},", "");
        call(EhrKeys.es384(audience()), noServer)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("patient"));
        // a FHIR server not registered for this EHR client is never called
        call(
                        EhrKeys.es384(audience()),
                        FhirFixtures.patientViewRequest(
                                UUID.randomUUID().toString(),
                                "http://127.0.0.1:9/fhir",
                                "null",
                                "null",
                                "null",
                                "null"))
                .then()
                .statusCode(412)
                .body("detail", containsString("not registered"));
        // the registered server refuses the token, or does not know the patient
        String wrongToken = FhirFixtures.patientViewRequest(
                        UUID.randomUUID().toString(), fhir.base(), "null", "null", "null", "null")
                .replace(FHIR_TOKEN, "expired-token");
        call(EhrKeys.es384(audience()), wrongToken).then().statusCode(412).body("detail", containsString("401"));
        String unknownPatient = FhirFixtures.patientViewRequest(
                        UUID.randomUUID().toString(), fhir.base(), "null", "null", "null", "null")
                .replace("\"patientId\": \"" + FhirFixtures.PATIENT_ID + "\"", "\"patientId\": \"nobody\"");
        call(EhrKeys.es384(audience()), unknownPatient).then().statusCode(412).body("detail", containsString("404"));
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void aMalformedHookRequestIs400NamingTheFieldAndNothingIsStored() {
        long before = screenings();
        String body = article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of())
                .replaceAll("\"hookInstance\": \"[^\"]+\",", "")
                .replace("\"hook\": \"patient-view\"", "\"hook\": \"order-select\"");
        call(EhrKeys.es384(audience()), body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/hookInstance"))
                .body("errors.field", hasItem("/hook"));
        call(EhrKeys.es384(audience()), "{\"hook\": ").then().statusCode(400);
        call(
                        EhrKeys.es384(audience()),
                        article(FhirFixtures.LOW_BACK_RED_FLAGS, List.of())
                                .replace(
                                        "\"io.crosscheck.screen-requested\": true",
                                        "\"io.crosscheck.screen-requested\": \"yes\""))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("/extension/io.crosscheck.screen-requested"));
        String badPrefetch = FhirFixtures.patientViewRequest(
                UUID.randomUUID().toString(), fhir.base(), "{\"resourceType\": \"Nonsense\"}", "null", "null", "null");
        call(EhrKeys.es384(audience()), badPrefetch)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("/prefetch/patient"));
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void browserEhrClientsOfAConfiguredOriginPassTheCorsPreflight() {
        given().auth()
                .none()
                .header("Origin", "https://ehr.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(SERVICE)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ehr.example.org");
        given().auth()
                .none()
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options(SERVICE)
                .then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
