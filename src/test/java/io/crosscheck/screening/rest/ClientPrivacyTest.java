package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The privacy operations cover every table holding a client's data: the export contains the screenings with their
 * amendment reasons, the disagreements, the CDS Hooks calls with their card feedback, and the replay jobs run for
 * that client; after the erasure no table (searched column by column) holds the client reference, a screening id of
 * the client (outside the audit log) or any of the free text entered about them.
 */
@QuarkusTest
class ClientPrivacyTest {

    static final String CLINIC = "clinic-ehr";
    static final String PASSWORD = "privacy-password-12";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";

    @Inject
    DataSource dataSource;

    static RequestSpecification as() {
        return given().auth().preemptive().basic("privacy-admin", PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void theExportHoldsEveryRecordOfTheClientAndAfterTheErasureNoTableHoldsAnyOfIt() throws Exception {
        TestUsers.ensureUser("privacy-admin", PASSWORD, List.of("admin", "author", "physio"), CLINIC);
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "issuer",
                        EhrKeys.EC_ISSUER,
                        "clinic",
                        CLINIC,
                        "jwks",
                        new JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap("")))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(anyOf(equalTo(201), equalTo(200), equalTo(409), equalTo(422)));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ref = "privacy-" + tag;
        String reason = "PRIVACY-REASON-" + tag;
        String expected = "PRIVACY-EXPECTED-" + tag;
        String comment = "PRIVACY-COMMENT-" + tag;
        String feedbackComment = "PRIVACY-FEEDBACK-" + tag;

        String visitNote = "PRIVACY-VISIT-NOTE-" + tag;
        String amendedNote = "PRIVACY-AMENDED-NOTE-" + tag;
        // a screening with the clinician's visit notes, amended with a reason
        JsonPath first = as().body(Requests.ARTICLE_DESK_WORKER
                        .replace("pseudo-0001", ref)
                        .replaceFirst(
                                "\"client\":",
                                "\"visit\": {\"notes\": {\"subjective\": \"" + visitNote
                                        + "\", \"occupation\": \"Nurse\"}}, \"client\":"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String original = first.getString("id");
        // its take-home sheet edited before printing, with a personal note
        String sheetNote = "PRIVACY-SHEET-NOTE-" + tag;
        as().body("{\"basedOn\": 0, \"note\": \"" + sheetNote
                        + "\", \"items\": [{\"id\": \"childs_pose\", \"include\": false}]}")
                .put("/api/v1/screenings/" + original + "/home-programme")
                .then()
                .statusCode(200);
        // and the language the sheet is printed in
        as().body("{\"language\": \"es\"}")
                .put("/api/v1/clients/" + ref + "/language")
                .then()
                .statusCode(200);
        String amended = as().body("{\"reason\": \"" + reason + "\", \"request\": "
                        + Requests.ARTICLE_WITH_SADDLE_NUMBNESS
                                .replace("pseudo-0001", ref)
                                .replaceFirst(
                                        "\"client\":",
                                        "\"visit\": {\"notes\": {\"treatment\": \"" + amendedNote + "\"}}, \"client\":")
                        + "}")
                .post("/api/v1/screenings/" + original + "/amendments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // a disagreement with a conclusion of it
        as().body(Map.of(
                        "conclusionId",
                        first.getString("patterns.find { it.code == 'LCS' }.conclusionId"),
                        "expected",
                        expected,
                        "comment",
                        comment))
                .post("/api/v1/screenings/" + original + "/disagreements")
                .then()
                .statusCode(201);
        // a CDS Hooks call for the same client (the Patient's identifier is the client reference) and card feedback
        Patient patient = FhirFixtures.patient();
        patient.addIdentifier(
                new Identifier().setSystem(CrosscheckCodes.CLIENT_REF_SYSTEM).setValue(ref));
        String hookInstance = UUID.randomUUID().toString();
        String cdsBody = FhirFixtures.patientViewRequest(
                hookInstance,
                "http://hooks.smarthealthit.org:9080",
                FhirFixtures.json(patient),
                FhirFixtures.json(FhirFixtures.searchset(FhirFixtures.findings())),
                FhirFixtures.json(FhirFixtures.searchset(List.of())),
                FhirFixtures.json(FhirFixtures.searchset(List.of(
                        FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia"))))));
        String audience = "http://localhost:" + RestAssured.port + SERVICE;
        JsonPath cards = given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience))
                .contentType(ContentType.JSON)
                .body(cdsBody)
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String card = cards.getString("cards[0].uuid");
        given().auth()
                .none()
                .header("Authorization", "Bearer " + EhrKeys.es384(audience + "/feedback"))
                .contentType(ContentType.JSON)
                .body("""
                        {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-29T10:15:00Z",
                          "overrideReason": {"userComment": "%s"}}]}
                        """.formatted(card, feedbackComment))
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(200)
                .body("stored", equalTo(1));
        // a replay of this client's screenings
        String version = as().get("/api/v1/knowledge-base")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
        String job = as().body(Map.of("candidateVersion", version, "clientRef", ref))
                .post("/api/v1/knowledge-base/replays")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "done"
                        .equals(as().get("/api/v1/knowledge-base/replays/" + job)
                                .then()
                                .extract()
                                .path("state")));
        List<String> ids = QuarkusIds.of(dataSource, ref);
        assertThat(ids)
                .as("screenings of the client: the original, its amendment, the CDS call's")
                .hasSize(3);

        String export = as().get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonPath exported = new JsonPath(export);
        assertThat(exported.getList("screenings.id", String.class)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(exported.getString("screenings.find { it.id == '" + amended + "' }.amendment.reason"))
                .isEqualTo(reason);
        assertThat(exported.getString("disagreements[0].expected")).isEqualTo(expected);
        assertThat(exported.getString("disagreements[0].comment")).isEqualTo(comment);
        assertThat(exported.getString("disagreements[0].screeningId")).isEqualTo(original);
        assertThat(exported.getString("cdsInvocations[0].hookInstance")).isEqualTo(hookInstance);
        assertThat(exported.getString("cdsFeedback[0].userComment")).isEqualTo(feedbackComment);
        assertThat(exported.getString("cdsFeedback[0].card")).isEqualTo(card);
        assertThat(exported.getList("replayJobs.id", String.class)).containsExactly(job);
        assertThat(exported.getString("homeProgrammeEdits[0].note")).isEqualTo(sheetNote);
        assertThat(exported.getString("homeProgrammeEdits[0].screeningId")).isEqualTo(original);
        assertThat(exported.getString("sheetLanguage[0].language")).isEqualTo("es");
        assertThat(exported.getString("screenings.find { it.id == '" + original + "' }.request.visit.notes.subjective"))
                .isEqualTo(visitNote);
        assertThat(exported.getString("screenings.find { it.id == '" + amended + "' }.request.visit.notes.treatment"))
                .isEqualTo(amendedNote);
        assertThat(exported.getString("screenings.find { it.id == '" + amended + "' }.result.visit.notes.treatment"))
                .isEqualTo(amendedNote);

        as().delete("/api/v1/admin/clients/" + ref).then().statusCode(200);

        List<String> secrets = new ArrayList<>(List.of(
                ref, reason, expected, comment, feedbackComment, hookInstance, sheetNote, visitNote, amendedNote));
        secrets.addAll(ids);
        secrets.add(card);
        assertThat(QuarkusIds.everywhere(dataSource, secrets))
                .as("table.column holding the client's data after the erasure (audit log excepted)")
                .isEmpty();
        assertThat(QuarkusIds.inAuditLog(dataSource, List.of(visitNote, amendedNote)))
                .as("the visit notes are never in the audit log, which records only that notes were recorded")
                .isEmpty();
        as().get("/api/v1/knowledge-base/replays/" + job).then().statusCode(404);
        JsonPath after = as().get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getList("screenings")).isEmpty();
        assertThat(after.getList("disagreements")).isEmpty();
        assertThat(after.getList("cdsInvocations")).isEmpty();
        assertThat(after.getList("cdsFeedback")).isEmpty();
        assertThat(after.getList("replayJobs")).isEmpty();
        assertThat(after.getList("homeProgrammeEdits")).isEmpty();
        assertThat(after.getList("sheetLanguage")).isEmpty();
    }

    /** Searches the database directly. */
    static final class QuarkusIds {
        private QuarkusIds() {}

        static List<String> of(DataSource ds, String ref) throws Exception {
            List<String> ids = new ArrayList<>();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("select id from screening where client_ref = ?")) {
                ps.setString(1, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        }

        /** The audit entries (any text column) holding one of the values. */
        static List<String> inAuditLog(DataSource ds, List<String> values) throws Exception {
            List<String> found = new ArrayList<>();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where subject like ?"
                            + " or detail like ? or actor like ? or action like ?")) {
                for (String v : values) {
                    for (int i = 1; i <= 4; i++) {
                        ps.setString(i, "%" + v + "%");
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(v);
                        }
                    }
                }
            }
            return found;
        }

        /** Every table and text column (uuid and json columns cast to text) holding one of the values; the audit log left out. */
        static List<String> everywhere(DataSource ds, List<String> values) throws Exception {
            List<String> found = new ArrayList<>();
            try (Connection c = ds.getConnection()) {
                List<String[]> columns = new ArrayList<>();
                // the schema as the database names it (H2: PUBLIC, PostgreSQL: public); PostgreSQL's text, json and
                // jsonb columns hold text too
                try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), null, null)) {
                    while (rs.next()) {
                        String type = rs.getString("TYPE_NAME").toUpperCase(java.util.Locale.ROOT);
                        if (type.contains("CHAR")
                                || type.contains("UUID")
                                || type.contains("CLOB")
                                || type.contains("TEXT")
                                || type.contains("JSON")) {
                            columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                        }
                    }
                }
                assertThat(columns.stream().map(t -> t[0].toLowerCase(java.util.Locale.ROOT)))
                        .contains("screening", "disagreement", "replay_job", "cds_feedback", "cds_invocation");
                for (String[] col : columns) {
                    if (col[0].equalsIgnoreCase("audit_entry")) {
                        continue;
                    }
                    for (String value : values) {
                        String sql = "select count(*) from \"" + col[0] + "\" where cast(\"" + col[1]
                                + "\" as varchar) like ?";
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.setString(1, "%" + value + "%");
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.add(col[0] + "." + col[1] + " holds " + value);
                                }
                            }
                        }
                    }
                }
            }
            return found;
        }
    }
}
