package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reverting one version (issue 24): a three-way merge that undoes that version's changes and keeps the later ones,
 * as a proposal validated like any other; a conflict with a later change is reported per file and nothing is stored.
 */
// sandboxed validations (20-30 s each); their tables are covered on PostgreSQL by EmergencyRevertTest and
// ReplayApiTest, so this class runs once, on the H2 leg
@org.junit.jupiter.api.Tag("heavy")
@QuarkusTest
class RevertApiTest {

    /**
     * The article's client with the upper-crossed signs of the CVA boundary scenarios and a craniovertebral angle of
     * 49 deg: forward head (a third finding, upper-crossed consistent) below 50, not below 48 (partial).
     */
    static final String CVA_49 = Requests.FORWARD_HEAD_CVA_49;

    private String original;

    @BeforeEach
    void remember() {
        TestUsers.signInAsTester();
        original = serving();
    }

    @AfterEach
    void restore() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/reload?version=" + original)
                .then()
                .statusCode(200);
    }

    @Test
    void revertingAThresholdChangeAfterTwoLaterUnrelatedChangesUndoesOnlyTheThreshold() {
        assertThat(CVA_49).contains("craniovertebral_angle", "cervical_flexion");
        assertThat(upperCrossed(screen(CVA_49)))
                .as("50 deg: 49 is forward head")
                .isEqualTo("consistent");
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        String threshold = activate(cvaThreshold48(kb));
        io.crosscheck.support.Candidates.hipFlexorHold(kb.rules(), kb.docs(), "20-30", "20 to 30");
        activate(kb);
        Candidates.edit(
                kb.docs().resolve("interventions/warm_up.md"),
                t -> t.replace(
                        "does not quantify the warm-up [S0].", "does not quantify the warm-up [S0]. Later edit."));
        String latest = activate(kb);
        assertThat(upperCrossed(screen(CVA_49)))
                .as("48 deg: 49 is no forward head")
                .isEqualTo("partial");

        JsonPath revert = given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/versions/" + threshold + "/revert")
                .then()
                .statusCode(201)
                .body("revertOf", equalTo(threshold))
                .body("parent", equalTo(original))
                .body("basedOn", equalTo(latest))
                .body("origin", equalTo("revert of " + threshold))
                .body("proposedBy", equalTo(TestUsers.ADMIN))
                .body("live", equalTo(false))
                .body("activatable", equalTo(true))
                .extract()
                .jsonPath();
        String reverted = revert.getString("version");
        assertThat(revert.getList("changed", String.class))
                .containsExactlyInAnyOrder(
                        "kb-docs/index.md",
                        "kb-docs/reference.md",
                        "kb-docs/rules/UCS-001.md",
                        "rules/reference/thresholds.yaml",
                        "rules/scenarios/boundary-cva-49-9-forward-head.yaml");
        assertThat(serving()).as("a revert is a proposal, not live").isEqualTo(latest);
        given().get("/api/v1/knowledge-base/proposals/" + reverted)
                .then()
                .statusCode(200)
                .body("origin", equalTo("revert of " + threshold));

        assertThat(file(reverted, "rules/reference/thresholds.yaml"))
                .isEqualTo(file(original, "rules/reference/thresholds.yaml"));
        assertThat(file(reverted, "rules/scenarios/boundary-cva-49-9-forward-head.yaml"))
                .contains("value: 49.9");
        assertThat(file(reverted, "kb-docs/rules/UCS-001.md")).contains("`cva_forward_head`: < 50 deg");
        assertThat(file(reverted, "rules/reference/interventions.yaml")).contains("Static 20-30 s");
        assertThat(file(reverted, "kb-docs/interventions/hip_flexor_stretch.md"))
                .contains("20 to 30 s");
        assertThat(file(reverted, "kb-docs/interventions/warm_up.md")).contains("Later edit.");

        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + reverted + "/activate")
                .then()
                .statusCode(200)
                .body("version", equalTo(reverted));
        JsonPath result = screen(CVA_49);
        assertThat(upperCrossed(result)).as("50 deg again: 49 is forward head").isEqualTo("consistent");
        assertThat(result.getString("interventions.find { it.id == 'hip_flexor_stretch' }.dose"))
                .as("the later dose change stays")
                .startsWith("Static 20-30 s");
    }

    @Test
    void aRevertThatConflictsWithALaterChangeNamesTheFileAndItsLinesAndStoresNothing() {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Candidates.edit(
                kb.docs().resolve("interventions/warm_up.md"),
                t -> t.replace(
                        "does not quantify the warm-up [S0].", "does not quantify the warm-up [S0]. First edit."));
        String first = activate(kb);
        Candidates.edit(
                kb.docs().resolve("interventions/warm_up.md"),
                t -> t.replace("First edit.", "Second edit, same line."));
        String second = activate(kb);
        int proposals = given().get("/api/v1/knowledge-base/proposals")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        int line = lineOf(file(second, "kb-docs/interventions/warm_up.md"), "Second edit, same line.");

        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/versions/" + first + "/revert")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:revert-conflict"))
                .body("detail", containsString("nothing was stored"))
                .body("errors.field", equalTo(List.of("kb-docs/interventions/warm_up.md")))
                .body("errors[0].message", containsString("line " + line + " of the active version changed since"));

        assertThat(serving()).isEqualTo(second);
        assertThat(given().get("/api/v1/knowledge-base/proposals")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .hasSize(proposals);
    }

    @Test
    void aVersionThatNeverWentLiveIsNotFoundAndAnEmergencyNeedsAReason() {
        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/versions/sha256:0000000000000000/revert")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"emergency\": true}")
                .post("/api/v1/knowledge-base/versions/" + original + "/revert")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("/reason")));
        given().contentType(ContentType.JSON)
                .body("{\"emergency\": true, \"reason\": \"x\", \"why\": 1}")
                .post("/api/v1/knowledge-base/versions/" + original + "/revert")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/why")));
    }

    /** The threshold change: CVA forward head below 48 instead of 50, its boundary scenario and the pages quoting it. */
    static KnowledgeBaseCopy cvaThreshold48(KnowledgeBaseCopy kb) {
        Candidates.cvaThreshold48(kb.rules(), kb.docs());
        return kb;
    }

    /** Uploads the copy as it is now and puts it live (no approval in this profile); its version. */
    static String activate(KnowledgeBaseCopy kb) {
        return given().contentType("application/zip")
                .body(TestUsers.zip(kb.rules(), kb.docs()))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    static String serving() {
        return serving(given());
    }

    static String serving(io.restassured.specification.RequestSpecification as) {
        return as.get("/api/v1/knowledge-base/active")
                .then()
                .statusCode(200)
                .extract()
                .path("servingHere");
    }

    static String file(String version, String path) {
        return given().get("/api/v1/knowledge-base/versions/" + version + "/files/" + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static JsonPath screen(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String upperCrossed(JsonPath result) {
        return result.getString("patterns.find { it.code == 'UCS' }.status");
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }
}
