package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.screening.Screening;
import io.crosscheck.support.CdsConformance;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.HapiFhirServer;
import io.crosscheck.support.SituationCharts;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Charts as an EHR holds them ({@link SituationCharts}), one per situation, through the CDS Hooks service over real HTTP, with
 * a real HAPI FHIR server (Jetty, random port) as the EHR's FHIR server, kind or not: one that ignores {@code _sort},
 * pages of four, next links to another host, a held (slow) resource type, a failing search. Each test has a patient of
 * its own: cards already shown for a patient that day are not shown again.
 */
@QuarkusTest
class CdsChartsTest {

    static final String ISSUER = "https://ehr-charts.example.org";
    static final String CLINIC = "clinic-charts";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";
    static final String ENCOUNTER = "enc-1";
    static HapiFhirServer fhir;

    @BeforeEach
    void register() throws Exception {
        if (fhir == null) {
            fhir = new HapiFhirServer(SituationCharts.CHART_TOKEN);
            TestUsers.ensureUser("charts-author", "charts-author-pw-1", List.of("author", "physio"), CLINIC);
        }
        fhir.clear();
        TestUsers.registerEhrClient(ISSUER, CLINIC, List.of(fhir.base()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fhir != null) {
            fhir.close();
        }
    }

    static String token(String path) {
        return EhrKeys.sign(
                EhrKeys.claims(ISSUER, "http://localhost:" + RestAssured.port + path),
                EhrKeys.EC,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    }

    static Response call(String body) {
        Response r = given().auth()
                .none()
                .header("Authorization", "Bearer " + token(SERVICE))
                .contentType(ContentType.JSON)
                .body(body)
                .post(SERVICE);
        if (r.statusCode() == 200) {
            assertThat(CdsConformance.violations(r.asString())).isEmpty();
        }
        return r;
    }

    static JsonPath ok(String body) {
        return call(body).then().statusCode(200).extract().jsonPath();
    }

    static long screenings() {
        return QuarkusTransaction.requiringNew().call(() -> Screening.count());
    }

    static String newPatient() {
        return "pt" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A patient-view call in a physiotherapy encounter (prefetched) with the given prefetch besides. */
    static String physio(String patient, Map<String, Object> prefetch, boolean server) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("patient", SituationCharts.patient(patient));
        p.put("encounter", SituationCharts.encounter(ENCOUNTER, patient, SituationCharts.PHYSIOTHERAPY));
        p.put("observations", List.of());
        p.put("conditions", List.of());
        p.put("questionnaireResponses", List.of());
        p.putAll(prefetch);
        return SituationCharts.request(
                "patient-view", UUID.randomUUID().toString(), server ? fhir.base() : null, patient, ENCOUNTER, p);
    }

    /** Every low-back red flag answered no in 2025, with saddle anaesthesia answered again on {@code saddleDate}. */
    /**
     * A date {@code days} before today: charts older than a year are not read (kb-docs/fhir-mapping.md), so the
     * answers stay recent whenever the test runs.
     */
    static String daysAgo(int days) {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days).toString();
    }

    static List<Observation> answers(String patient, int fillers, boolean saddleYes, String saddleDate) {
        List<Observation> out = new ArrayList<>();
        out.add(SituationCharts.redFlag(patient, "saddle_anaesthesia", false, daysAgo(300)));
        List<String> flags = io.crosscheck.support.FhirFixtures.LOW_BACK_RED_FLAGS;
        for (int i = 0; i < fillers; i++) {
            String flag = flags.get(i % flags.size());
            out.add(SituationCharts.redFlag(patient, flag, false, daysAgo(290 - i)));
        }
        out.add(SituationCharts.redFlag(patient, "saddle_anaesthesia", saddleYes, saddleDate));
        return out;
    }

    // ---- scope and relevance ----

    @Test
    void aChartWithNothingRelevantGivesNoCardAndStoresNothing() {
        String patient = newPatient();
        long before = screenings();
        JsonPath out = ok(physio(
                patient,
                Map.of(
                        "observations",
                        SituationCharts.vitals(patient),
                        "conditions",
                        List.of(SituationCharts.asthma(patient))),
                false));

        assertThat(out.getList("cards")).isEmpty();
        assertThat(out.getBoolean("extension.crosscheck.scope.cards")).isTrue();
        assertThat(out.getString("extension.crosscheck.cards")).startsWith("none");
        assertThat(out.getList("extension.crosscheck.skippedCodes.code"))
                .contains("http://loinc.org|8867-4", "http://hl7.org/fhir/sid/icd-10|J45.9");
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void outsideAPhysiotherapyEncounterThereIsNoCardEvenForARedFlagAndNothingElseIsRead() {
        String patient = newPatient();
        long before = screenings();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("encounter", SituationCharts.encounter(ENCOUNTER, patient, SituationCharts.GENERAL_PRACTICE));
        p.put("patient", null);
        p.put("observations", null);
        JsonPath out = ok(SituationCharts.request(
                "patient-view", UUID.randomUUID().toString(), fhir.base(), patient, ENCOUNTER, p));

        assertThat(out.getList("cards")).isEmpty();
        assertThat(out.getString("extension.crosscheck.scope.why")).startsWith("not a physiotherapy encounter");
        assertThat(fhir.requests)
                .as("no clinical data fetched for a chart open out of scope")
                .isEmpty();
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void aNewCodedRedFlagInAPhysiotherapyEncounterGivesTheReferralCard() {
        String patient = newPatient();
        Observation faecalIncontinence = SituationCharts.answer(
                patient, new Coding("http://snomed.info/sct", "72042002", "Incontinence of feces"), true, daysAgo(25));
        JsonPath out = ok(physio(patient, Map.of("observations", List.of(faecalIncontinence)), false));

        assertThat(out.getList("cards")).hasSize(1);
        assertThat(out.getString("cards[0].indicator")).isEqualTo("critical");
        assertThat(out.getString("cards[0].summary")).startsWith("Refer (emergency) to exclude cauda equina");
        assertThat(out.getString("cards[0].source.url")).contains("/ui/kb/rules/");
        assertThat(out.getString("extension.crosscheck.screeningId")).isNotBlank();
    }

    // ---- paging, truncation, the deadline ----

    @Test
    void aNewerYesOnALaterPageWinsOverAnOlderNoWhenEveryPageIsFollowed() {
        String patient = newPatient();
        // 24 answers, oldest first, on a server that ignores _sort and pages by four: the yes is on page six
        fhir.patient(SituationCharts.patient(patient))
                .add("Observation", answers(patient, 22, true, daysAgo(30)))
                .ignoreSort()
                .pageSize(4);
        Map<String, Object> fetch = new LinkedHashMap<>();
        fetch.put("observations", null);
        JsonPath out = ok(physio(patient, fetch, true));

        assertThat(out.getString("cards[0].summary")).startsWith("Refer (emergency) to exclude cauda equina");
        assertThat(out.getBoolean("extension.crosscheck.chart.complete")).isTrue();
        assertThat(fhir.requests.stream().filter(r -> r.contains("_getpages"))).hasSize(5);
        assertThat(fhir.requests)
                .filteredOn(r -> r.startsWith("GET /fhir/Observation?"))
                .singleElement()
                .satisfies(r ->
                        assertThat(r).contains("code=").contains("_sort=-date").contains("_count=100"));
    }

    @Test
    void aFetchCutAtThePageBoundSaysSoAndReliesOnNoOlderNoWhileANewestFirstServerStillGivesTheReferral() {
        String patient = newPatient();
        // 44 answers by four a page: eleven pages, one more than followed; the yes is the newest, added last
        fhir.patient(SituationCharts.patient(patient))
                .add("Observation", answers(patient, 42, true, daysAgo(30)))
                .ignoreSort()
                .pageSize(4);
        Map<String, Object> fetch = new LinkedHashMap<>();
        fetch.put("observations", null);
        long before = screenings();
        JsonPath cut = ok(physio(patient, fetch, true));

        assertThat(cut.getList("cards.summary", String.class))
                .contains("Chart not fully read: red-flag screen not complete")
                .noneMatch(s -> s.startsWith("Refer"));
        assertThat(cut.getString("cards[0].detail"))
                .contains("Observations (findings and answers): more than 10 pages of results; the rest was not read");
        assertThat(cut.getString("extension.crosscheck.redFlagScreen")).isEqualTo("incomplete");
        assertThat(cut.getBoolean("extension.crosscheck.chart.complete")).isFalse();
        assertThat(cut.getInt("extension.crosscheck.chart.noAnswersSetAside")).isPositive();
        assertThat(screenings()).isEqualTo(before + 1);

        // the same chart on a server that sorts newest first: the yes is on the first page
        fhir.requests.clear();
        String other = newPatient();
        fhir.clear()
                .patient(SituationCharts.patient(other))
                .add("Observation", answers(other, 42, true, daysAgo(30)))
                .pageSize(4);
        JsonPath sorted = ok(physio(other, fetch, true));
        assertThat(sorted.getString("cards[0].summary")).startsWith("Refer (emergency) to exclude cauda equina");
        assertThat(sorted.getString("cards[0].detail"))
                .contains("**Not read from the chart:**")
                .contains("more than 10 pages");
    }

    @Test
    void aNextLinkToAnotherServerIsRefusedAndReportedAsNotRead() {
        String patient = newPatient();
        fhir.patient(SituationCharts.patient(patient))
                .add("Observation", answers(patient, 8, false, daysAgo(30)))
                .pageSize(4)
                .linksTo("http://offsite.example/fhir");
        Map<String, Object> fetch = new LinkedHashMap<>();
        fetch.put("observations", null);
        JsonPath out = ok(physio(patient, fetch, true));

        assertThat(out.getString("extension.crosscheck.chart.notRead.find { it.key == 'observations' }.why"))
                .contains("another server");
        assertThat(out.getList("cards.summary", String.class))
                .contains("Chart not fully read: red-flag screen not complete");
        assertThat(fhir.requests).noneMatch(r -> r.contains("_getpages"));
    }

    @Test
    void aSlowServerGetsAnAnswerWithinTheDeadlineSayingWhatWasNotRead() {
        String patient = newPatient();
        CountDownLatch release = new CountDownLatch(1);
        fhir.patient(SituationCharts.patient(patient))
                .add("Observation", answers(patient, 2, true, daysAgo(30)))
                .hold("Observation", release);
        Map<String, Object> fetch = new LinkedHashMap<>();
        fetch.put("observations", null);
        fetch.put("conditions", null);
        try {
            // the server holds the Observation search until the answer is in: an answer that waited for it would
            // come only after 60 s, and would have read the yes
            JsonPath out = ok(physio(patient, fetch, true));
            assertThat(out.getString("extension.crosscheck.chart.notRead.find { it.key == 'observations' }.why"))
                    .startsWith("not read within the deadline");
            assertThat(out.getList("extension.crosscheck.chart.notRead.key")).containsExactly("observations");
            assertThat(out.getString("cards[0].summary"))
                    .isEqualTo("Chart not fully read: red-flag screen not complete");
            assertThat(release.getCount())
                    .as("answered while the server still held the search")
                    .isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    // ---- OperationOutcome and patient identity ----

    @Test
    void anOperationOutcomeInThePrefetchOrASearchIsReportedNeverIgnored() {
        String patient = newPatient();
        fhir.patient(SituationCharts.patient(patient)).fail("Condition");
        List<Resource> observations = new ArrayList<>(answers(patient, 3, false, daysAgo(30)));
        observations.add(SituationCharts.outcome("error", "too-costly"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("observations", observations);
        p.put("conditions", null);
        p.put("questionnaireResponses", SituationCharts.outcome("warning", "incomplete"));
        JsonPath out = ok(physio(patient, p, true));

        Map<String, String> notRead = new LinkedHashMap<>();
        out.getList("extension.crosscheck.chart.notRead", Map.class)
                .forEach(m -> notRead.put((String) m.get("key"), (String) m.get("why")));
        assertThat(notRead)
                .containsEntry("observations", "the EHR reported an error (too-costly); the data may be incomplete")
                .containsEntry("conditions", "the FHIR server answered 500 for a Condition query");
        assertThat(out.getList("extension.crosscheck.chart.reported", String.class))
                .anyMatch(s -> s.startsWith("Questionnaire answers: the EHR sent an OperationOutcome"));
        assertThat(out.getString("cards[0].summary")).isEqualTo("Chart not fully read: red-flag screen not complete");
    }

    @Test
    void anotherPatientsRecordsAreRefusedAndReportedAndAPrefetchedOtherPatientIsNeverScreened() {
        String patient = newPatient();
        Observation strangersYes = SituationCharts.redFlag("999", "saddle_anaesthesia", true, daysAgo(26));
        JsonPath out = ok(physio(
                patient,
                Map.of(
                        "observations",
                        new ArrayList<>(List.of(
                                strangersYes, SituationCharts.redFlag(patient, "fever_chills", false, daysAgo(60))))),
                false));
        assertThat(out.getList("cards.summary", String.class)).noneMatch(s -> s.startsWith("Refer"));
        assertThat(out.getString("extension.crosscheck.chart.refused[0].resourceType"))
                .isEqualTo("Observation");
        assertThat(out.getString("extension.crosscheck.chart.refused[0].why")).isEqualTo("about another patient");
        assertThat(out.getString("cards[0].detail"))
                .contains("1 record was not read because they are not this patient's");

        call(physio(patient, Map.of("patient", SituationCharts.patient("999")), false))
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    // ---- duplicates ----

    @Test
    void aRepeatedHookInstanceGetsTheSameCardsAndAnotherChartOpenThatDayNoneAndNothingIsStoredTwice() {
        String patient = newPatient();
        List<Resource> chart = new ArrayList<>(io.crosscheck.support.FhirFixtures.findings());
        chart.addAll(answers(patient, 19, false, daysAgo(30)));
        String body = physio(patient, Map.of("observations", chart), false)
                .replace("Patient/" + io.crosscheck.support.FhirFixtures.PATIENT_ID, "Patient/" + patient);
        long before = screenings();
        JsonPath first = ok(body);
        JsonPath retry = ok(body);
        JsonPath reopened = ok(
                body.replaceFirst("\"hookInstance\": \"[^\"]+\"", "\"hookInstance\": \"" + UUID.randomUUID() + "\""));

        assertThat(first.getList("cards.summary", String.class)).anyMatch(s -> s.contains("lower-crossed"));
        assertThat(retry.getList("cards.uuid")).isEqualTo(first.getList("cards.uuid"));
        assertThat(reopened.getList("cards")).isEmpty();
        assertThat(reopened.getInt("extension.crosscheck.alreadyShownToday"))
                .isEqualTo(first.getList("cards").size());
        assertThat(screenings()).isEqualTo(before + 1);

        // the pattern card rests on the rules of its findings: feedback on it is found by any of them
        String label = first.getString("cards.find { it.summary.contains('lower-crossed') }.source.label");
        assertThat(label).startsWith("Crosscheck rule PAT-001 on findings of ").contains("LCS-");
        String findingRule = label.replaceAll(".*on findings of (LCS-\\d{3}).*", "$1");
        given().auth()
                .preemptive()
                .basic("charts-author", "charts-author-pw-1")
                .get("/api/v1/knowledge-base/rules/" + findingRule + "/feedback")
                .then()
                .statusCode(200)
                .body("cardsIssued", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aCriticalCardIsShownAgainOnTheNextChartOpenUnderItsFirstUuidUntilFeedbackIsGiven() {
        String patient = newPatient();
        Observation yes = SituationCharts.redFlag(patient, "saddle_anaesthesia", true, daysAgo(26));
        String body = physio(patient, Map.of("observations", List.of(yes)), false);
        long before = screenings();
        String card = ok(body).getString("cards[0].uuid");
        JsonPath again = ok(
                body.replaceFirst("\"hookInstance\": \"[^\"]+\"", "\"hookInstance\": \"" + UUID.randomUUID() + "\""));
        assertThat(again.getList("cards.uuid")).containsExactly(card);
        assertThat(screenings()).isEqualTo(before + 1);

        given().auth()
                .none()
                .header("Authorization", "Bearer " + token(SERVICE + "/feedback"))
                .contentType(ContentType.JSON)
                .body("""
                        {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-29T10:15:00Z",
                          "overrideReason": {"reason": {"system": "https://crosscheck.io/fhir/CodeSystem/crosscheck",
                            "code": "override.already-addressed"}}}]}
                        """.formatted(card))
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(200);
        JsonPath after = ok(
                body.replaceFirst("\"hookInstance\": \"[^\"]+\"", "\"hookInstance\": \"" + UUID.randomUUID() + "\""));
        assertThat(after.getList("cards")).isEmpty();
        assertThat(after.getInt("extension.crosscheck.alreadyShownToday")).isEqualTo(1);
    }
}
