package io.crosscheck.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.screening.Screening;
import io.crosscheck.support.EhrCharts;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.HapiFhirServer;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The realistic charts ({@link EhrCharts}) held by a real HAPI FHIR server and screened through the CDS Hooks fetch
 * path (nothing prefetched), with the shipped example ConceptMap configured for the flowsheet rows; and Crosscheck's
 * questionnaires served as FHIR. The mapping itself is {@code EhrChartsTest} and {@code FhirChartReadingTest}.
 */
@QuarkusTest
class EhrChartsCdsTest {

    static final String ISSUER = "https://ehr-charts.example.org";
    static final String CLINIC = "clinic-ehr-charts";
    static final String FHIR_TOKEN = "charts-fhir-access-token";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";
    static final List<String> VITALS = List.of(
            "http://loinc.org|85354-9",
            "http://loinc.org|8867-4",
            "http://loinc.org|39156-5",
            "http://loinc.org|29463-7",
            "http://loinc.org|72166-2");
    static HapiFhirServer fhir;

    @BeforeEach
    void register() throws Exception {
        if (fhir != null) {
            return;
        }
        fhir = new HapiFhirServer(FHIR_TOKEN);
        TestUsers.ensureUser("ehr-charts-physio", "ehr-charts-pw-123", List.of("physio"), CLINIC); // makes the clinic
        TestUsers.registerEhrClient(ISSUER, CLINIC, List.of(fhir.base()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fhir != null) {
            fhir.close();
        }
    }

    /**
     * Puts the chart on the FHIR server and calls patient-view for its patient with nothing prefetched, asking for the
     * screen (docs/ehr-integration.md, "Which calls get cards").
     */
    static JsonPath open(String chart) {
        Bundle b = EhrCharts.chart(chart);
        String patient = EhrCharts.patient(b).getIdElement().getIdPart();
        fhir.clear().patient(EhrCharts.patient(b));
        for (String type : List.of("Observation", "Condition", "QuestionnaireResponse")) {
            fhir.add(type, EhrCharts.resources(b, type));
        }
        String body = """
                {"hookInstance": "%s", "fhirServer": "%s", "hook": "patient-view",
                 "fhirAuthorization": {"access_token": "%s", "token_type": "Bearer", "expires_in": 300,
                                       "scope": "patient/*.read", "subject": "crosscheck"},
                 "context": {"userId": "Practitioner/example", "patientId": "%s"},
                 "extension": {"io.crosscheck.screen-requested": true}}
                """.formatted(UUID.randomUUID(), fhir.base(), FHIR_TOKEN, patient);
        String token = EhrKeys.sign(
                EhrKeys.claims(ISSUER, "http://localhost:" + RestAssured.port + SERVICE),
                EhrKeys.EC,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        return given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static List<String> indicators(JsonPath out) {
        return out.getList("cards.indicator", String.class);
    }

    /** The screening request stored for the call, as JSON. */
    static JsonNode request(JsonPath out) throws Exception {
        UUID id = UUID.fromString(out.getString("extension.crosscheck.screeningId"));
        String json = QuarkusTransaction.requiringNew()
                .call(() -> Screening.<Screening>findById(id).request());
        return new ObjectMapper().readTree(json);
    }

    @Test
    void anOrdinaryChartFetchedFromTheEhrHasItsCodesReadAndOnlyVitalsSkipped() throws Exception {
        JsonPath out = open("ordinary-chart");
        assertThat(out.getList("extension.crosscheck.skippedCodes.code", String.class))
                .as("nothing Crosscheck reads is skipped")
                .isSubsetOf(VITALS);
        JsonNode request = request(out);
        assertThat(request.at("/psychosocial/lowMood").asBoolean()).isTrue();
        assertThat(request.at("/psychosocial/anxiety").asBoolean()).isTrue();
        assertThat(request.at("/boneHealth/osteoporosis").asBoolean()).isTrue();
        assertThat(request.at("/symptoms").findValuesAsText("region")).containsExactlyInAnyOrder("low_back", "neck");
        assertThat(request.at("/redFlags").toString())
                .contains("{\"code\":\"persistent_night_pain\",\"present\":false}")
                .contains("{\"code\":\"history_of_cancer\",\"present\":true}");
        assertThat(indicators(out)).as("the history of cancer refers (urgent)").contains("critical");
    }

    @Test
    void anOldResolvedProblemAndAChronicDizzinessGiveNoCriticalCard() {
        assertThat(indicators(open("old-resolved-problem"))).doesNotContain("critical");
        assertThat(indicators(open("chronic-dizziness"))).doesNotContain("critical");
    }

    @Test
    void aNewCodedRedFlagGivesTheEmergencyReferralCard() throws Exception {
        JsonPath out = open("new-red-flag");
        assertThat(indicators(out)).contains("critical");
        assertThat(request(out).at("/redFlags").toString()).contains("{\"code\":\"dizziness\",\"present\":true}");
    }

    @Test
    void crosschecksQuestionnairesAreServedAsSdcQuestionnairesByIdAndCanonical() {
        JsonPath q = given().auth()
                .none()
                .get("/fhir/Questionnaire/red-flags")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .jsonPath();
        assertThat(q.getString("url")).isEqualTo("https://crosscheck.io/fhir/Questionnaire/red-flags");
        assertThat(q.getString("meta.profile[0]"))
                .isEqualTo("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire");
        assertThat(q.getList("item.item.flatten().linkId", String.class)).contains("red-flag.dizziness");
        assertThat(q.getList("item.item.flatten().find { it.linkId == 'red-flag.dizziness' }.code.code", String.class))
                .contains("red-flag.dizziness", "404640003", "R42");
        JsonPath search = given().auth()
                .none()
                .queryParam("url", "https://crosscheck.io/fhir/Questionnaire/screening-questions")
                .get("/fhir/Questionnaire")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(search.getInt("total")).isEqualTo(1);
        assertThat(search.getList("entry.resource.item.item.flatten().linkId", String.class))
                .contains("psychosocial.low_mood", "pregnancy.pregnancy_weeks");
        given().auth().none().get("/fhir/Questionnaire/unknown").then().statusCode(404);
    }
}
