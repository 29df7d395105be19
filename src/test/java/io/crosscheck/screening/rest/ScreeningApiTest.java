package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.support.Requests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The screening API over real HTTP. Runs again against the packaged jar as {@link ScreeningApiIT}. */
@QuarkusTest
class ScreeningApiTest {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        io.crosscheck.support.TestUsers.signInAsTester();
    }

    static final String PROBLEM = "application/problem+json";

    @Test
    void screeningTheArticleClientReturns201WithPatternsDosesAndAnExplanationGraph() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .when()
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/screenings/"))
                .body("id", notNullValue())
                .body("knowledgeBase.version", startsWith("sha256:"))
                .body("disclaimer", containsString("not a diagnosis"))
                .body("patterns.find { it.code == 'LCS' }.status", equalTo("consistent"))
                .body("patterns.find { it.code == 'LCS' }.evidenceNote", notNullValue())
                .body(
                        "interventions.id",
                        hasItems("hip_flexor_stretch", "glute_activation", "breathing_retraining", "warm_up"))
                .body("interventions.find { it.id == 'hip_flexor_stretch' }.dose", containsString("10-30 s"))
                .body("interventions.find { it.id == 'hip_flexor_stretch' }.ruleIds", hasItem("INT-001"))
                .body("explanation.nodes.find { it.rule?.id == 'LCS-010' }.because", endsWith("[LCS-010]"))
                .body(
                        "explanation.nodes.find { it.rule?.id == 'LCS-010' }.matched",
                        hasItem(startsWith("/muscleLength/")))
                .body(
                        "explanation.nodes.find { it.rule?.id == 'LCS-010' }.matched",
                        hasItem("kb:threshold/iliopsoas_thomas"))
                .body("explanation.nodes.find { it.id == '/muscleLength/0' }.kind", equalTo("input"))
                .body("explanation.full", startsWith("/api/v1/screenings/"))
                .body("redFlags.referral", equalTo(false))
                .body("summary.redFlagScreen", equalTo("complete"))
                .body("summary.plan", equalTo("final"))
                .body(
                        "summary.headline",
                        startsWith("Red-flag screen complete and negative. Health screen complete: nothing changes the"
                                + " plan. Findings consistent with the lower-crossed"))
                .body("summary.healthScreen", equalTo("complete"))
                .body("healthScreen.status", equalTo("complete"))
                .body("healthScreen.unanswered", empty())
                .body("redFlags.screen.status", equalTo("complete"))
                .body("redFlags.screen.unanswered", empty());
    }

    @Test
    void withoutRedFlagAnswersTheResultSaysSoAtTheTopAndThePlanStartsWithCompletingTheScreen() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS)
                .when()
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("summary.redFlagScreen", equalTo("incomplete"))
                .body("summary.plan", equalTo("provisional"))
                .body(
                        "summary.headline",
                        startsWith("Red-flag screen incomplete: 19 applicable questions not answered"))
                .body("redFlags.referral", equalTo(false))
                .body(
                        "redFlags.screen.unanswered.domain",
                        contains(
                                "cauda_equina",
                                "progressive_neurological_deficit",
                                "malignancy",
                                "infection",
                                "fracture",
                                "inflammatory"))
                .body(
                        "redFlags.screen.unanswered.find { it.domain == 'cauda_equina' }.questions.code",
                        hasItem("saddle_anaesthesia"))
                .body("interventions[0].id", equalTo("complete_red_flag_screen"));
    }

    @Test
    void addingSaddleNumbnessGivesAnEmergencyReferralAndNoExercise() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_WITH_SADDLE_NUMBNESS)
                .when()
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("redFlags.referral", equalTo(true))
                .body("redFlags.urgency", equalTo("emergency"))
                .body("redFlags.exerciseWithheld", equalTo(true))
                .body("interventions.id", equalTo(List.of("medical_referral")))
                .body("withheld.id", hasItems("hip_flexor_stretch", "glute_activation"))
                .body("summary.redFlagScreen", equalTo("positive"))
                .body("summary.plan", equalTo("withheld"))
                .body("summary.headline", startsWith("Refer (emergency) to exclude cauda equina syndrome"))
                .body(
                        "patterns.find { it.code == 'LCS' }.assessment",
                        equalTo("not assessed while a referral is pending"))
                .body(
                        "patterns.find { it.code == 'LCS' }.statement",
                        startsWith("Not assessed while a referral is pending"))
                .body("patterns.missingTests.flatten()", empty())
                .body("precautions", empty());
    }

    @Test
    void aStoredScreeningIsReturnedExactlyAsItWasCreated() {
        Response created = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .response();
        String id = created.path("id");

        Response stored = given().get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .response();

        assertThat(new JsonPath(stored.asString()).getMap("$")).isEqualTo(new JsonPath(created.asString()).getMap("$"));
    }

    @Test
    void theDefaultExplanationIsCompactAndTheCompleteOneIsServedOnRequest() {
        Response created = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                // every conclusion keeps its rule id and its because sentence; reference data only by id
                .body(
                        "explanation.nodes.findAll { it.kind == 'conclusion' }.every { it.rule.id != null && it.because != null }",
                        is(true))
                .body("explanation.nodes.findAll { it.kind == 'reference' }", empty())
                .body("explanation.trace", nullValue())
                .extract()
                .response();
        String id = created.path("id");
        String full = created.path("explanation.full");

        Response complete = given().get(full)
                .then()
                .statusCode(200)
                .body("nodes.find { it.id == 'kb:threshold/iliopsoas_thomas' }.kind", equalTo("reference"))
                .body(
                        "nodes.find { it.rule?.id == 'LCS-010' }.rule.file",
                        equalTo("rules/lower_crossed/lcs-findings.drl"))
                .body("trace.ruleId", hasItem("LCS-010"))
                .extract()
                .response();
        Response storedFull = given().get("/api/v1/screenings/" + id + "?explain=full")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(new JsonPath(storedFull.asString()).getMap("explanation"))
                .isEqualTo(new JsonPath(complete.asString()).getMap("$"));

        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings?explain=full")
                .then()
                .statusCode(201)
                .body("explanation.nodes.find { it.id == 'kb:threshold/iliopsoas_thomas' }.kind", equalTo("reference"))
                .body("explanation.full", nullValue());
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings?explain=everything")
                .then()
                .statusCode(400);
        given().get("/api/v1/screenings/00000000-0000-0000-0000-000000000000/explanation")
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownScreeningIs404ProblemJson() {
        given().get("/api/v1/screenings/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().get("/api/v1/screenings/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void malformedJsonIs400NamingWhereItBroke() {
        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"age\": 30,,}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].message", containsString("malformed JSON at line 1"));
    }

    @Test
    void wrongTypesAndUnknownFieldsAre400NamingEveryField() {
        String body = """
                { "client": { "age": "thirty" },
                  "symptoms": [ { "region": "neck", "kind": "pain", "nrs": "high" } ],
                  "breathing": { "upperChestDominant": "yes" },
                  "observations": "none",
                  "favouriteColour": "blue" }
                """;
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        hasItems(
                                "/client/age",
                                "/symptoms/0/nrs",
                                "/breathing/upperChestDominant",
                                "/observations",
                                "/favouriteColour"));
    }

    @Test
    void duplicateJsonKeysAre400NamingTheKey() {
        given().contentType(ContentType.JSON)
                .body("{ \"client\": { \"age\": 30, \"age\": 31 } }")
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("/client/age"))
                .body("errors[0].message", containsString("more than once"));
    }

    @Test
    void numbersAndBooleansSentAsStringsAre400NamingEachFieldInsteadOfBeingConverted() {
        String body = """
                { "client": { "age": "40" },
                  "symptoms": [ { "region": "neck", "kind": "pain", "nrs": "4" } ],
                  "breathing": { "upperChestDominant": "true" },
                  "redFlags": [ { "code": "dizziness", "present": "false" } ],
                  "lifestyle": { "activityLevel": 3 } }
                """;
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        hasItems(
                                "/client/age",
                                "/symptoms/0/nrs",
                                "/breathing/upperChestDominant",
                                "/redFlags/0/present",
                                "/lifestyle/activityLevel"))
                .body("errors.find { it.field == '/client/age' }.message", containsString("not converted"));
    }

    @Test
    void contradictoryOrDuplicatedEntriesAre422NamingBothEntries() {
        String body = """
                { "client": { "age": 40 },
                  "muscleLength": [ { "muscle": "iliopsoas", "side": "left", "result": "short" },
                                    { "muscle": "iliopsoas", "side": "left", "result": "normal" } ],
                  "observations": [ { "code": "forward_head", "present": true },
                                    { "code": "forward_head", "present": true } ],
                  "movementPatterns": [ { "test": "prone_hip_extension", "side": "bilateral", "result": "normal" },
                                        { "test": "prone_hip_extension", "side": "right", "substitutions": ["knee_flexion"] } ] }
                """;
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        hasItems(
                                "/muscleLength/0",
                                "/muscleLength/1",
                                "/observations/0",
                                "/observations/1",
                                "/movementPatterns/0",
                                "/movementPatterns/1"))
                .body(
                        "errors.find { it.field == '/muscleLength/1' }.message",
                        containsString("different results (short, normal): /muscleLength/0 and /muscleLength/1"));
    }

    @Test
    void unknownCodesAndOutOfRangeValuesAre422NamingEveryField() {
        String body = """
                { "client": { "age": -1 },
                  "observations": [ { "code": "slouchiness", "present": true },
                                    { "code": "craniovertebral_angle", "measurement": { "value": 44, "unit": "cm" } } ],
                  "muscleLength": [ { "muscle": "biceps", "result": "short" } ],
                  "movementPatterns": [ { "test": "prone_hip_extension", "substitutions": ["moonwalk"] } ],
                  "symptoms": [ { "region": "low_back", "kind": "pain", "nrs": 15 } ],
                  "psychosocial": { "sbstTotal": 2, "sbstPsych": 4 },
                  "redFlags": [ { "code": "alien_abduction", "present": true } ] }
                """;
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItems("/client/age"))
                .body(
                        "errors.find { it.field == '/client/age' }.message",
                        containsString("greater than or equal to 0"));
        // vocabulary errors are reported once the structure is valid
        String structurallyValid = body.replace("\"age\": -1", "\"age\": 40").replace("\"nrs\": 15", "\"nrs\": 5");
        given().contentType(ContentType.JSON)
                .body(structurallyValid)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        hasItems(
                                "/observations/0/code",
                                "/observations/1/measurement/unit",
                                "/muscleLength/0/muscle",
                                "/movementPatterns/0/substitutions/0",
                                "/psychosocial/sbstPsych",
                                "/redFlags/0/code"));
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("\"nrs\": 4", "\"nrs\": 15"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("/symptoms/0/nrs"))
                .body("errors[0].rejectedValue", equalTo(15));
    }

    @Test
    void missingBodyWrongMediaTypeAndOversizedBodiesAreProblems() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/screenings")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        String huge = "{\"client\":{\"age\":30},\"clientRef\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/v1/screenings")
                .then()
                .statusCode(413)
                .contentType(PROBLEM);
    }

    @Test
    void aNameInTheClientReferenceIsRejected() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("\"pseudo-0001\"", "\"Jane Smith\""))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("/clientRef"));
    }

    @Test
    void concurrentScreeningsAllSucceedWithIdenticalConclusions() throws Exception {
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String body = i % 2 == 0 ? Requests.ARTICLE_DESK_WORKER : Requests.ARTICLE_WITH_SADDLE_NUMBNESS;
                calls.add(() -> given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/screenings")
                        .then()
                        .extract()
                        .response());
            }
            List<Future<Response>> results = pool.invokeAll(calls);
            Map<String, Object> firstPlain = null;
            Map<String, Object> firstFlagged = null;
            for (int i = 0; i < n; i++) {
                Response r = results.get(i).get();
                assertThat(r.statusCode()).isEqualTo(201);
                Map<String, Object> conclusions = withoutIdentity(r);
                if (i % 2 == 0) {
                    firstPlain = firstPlain == null ? conclusions : firstPlain;
                    assertThat(conclusions).isEqualTo(firstPlain);
                } else {
                    firstFlagged = firstFlagged == null ? conclusions : firstFlagged;
                    assertThat(conclusions).isEqualTo(firstFlagged);
                }
            }
            assertThat(firstPlain).isNotEqualTo(firstFlagged);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theVocabularyListsEveryAcceptedCodeWithUnitsAndRanges() {
        given().get("/api/v1/vocabulary")
                .then()
                .statusCode(200)
                .body("knowledgeBaseVersion", startsWith("sha256:"))
                .body("codes.posture.code", hasItems("craniovertebral_angle", "anterior_pelvic_tilt"))
                .body("codes.posture.find { it.code == 'craniovertebral_angle' }.measurement.unit", equalTo("deg"))
                .body("codes.muscles.code", hasItems("iliopsoas", "upper_trapezius"))
                .body(
                        "codes.movementTests.find { it.code == 'prone_hip_extension' }.substitutions.code",
                        hasItem("gluteus_maximus_delayed"))
                .body("redFlags.domain", hasItems("cauda_equina", "cervical_arterial"))
                .body("redFlags.find { it.domain == 'cauda_equina' }.urgency", equalTo("emergency"))
                .body("fields.find { it.field == '/symptoms/*/nrs' }.constraints.value", hasItems(0, 10))
                .body("fields.field", not(hasItem("/clientRef/nonexistent")));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", notNullValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutIdentity(Response r) {
        Map<String, Object> m = new java.util.HashMap<>(r.jsonPath().getMap("$"));
        m.remove("id");
        m.remove("createdAt");
        m.remove("visit"); // when each was received
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = new java.util.HashMap<>((Map<String, Object>) m.get("explanation"));
        explanation.remove("full"); // the link to this screening's complete explanation names its id
        m.put("explanation", explanation);
        return m;
    }
}
