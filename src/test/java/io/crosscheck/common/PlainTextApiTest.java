package io.crosscheck.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Free text (an amendment's reason, a disagreement's expectation and comment, an EHR client's issuer) over real HTTP: a control
 * character other than tab and newline, an unpaired surrogate or a bidirectional override or isolate is a
 * 400 problem naming the field, and nothing is stored; ordinary text in any script is accepted. The
 * characters are sent as JSON escapes (the six characters {@code \}{@code u0000}), as a client would send
 * a lone surrogate, which has no UTF-8 form.
 */
@QuarkusTest
class PlainTextApiTest {

    static final String PROBLEM = "application/problem+json";

    /** One of each class, as a JSON escape. */
    static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("NUL", "\\u0000");
        REFUSED.put("another C0 control (ESC)", "\\u001b");
        REFUSED.put("DEL", "\\u007f");
        REFUSED.put("a C1 control (NEL)", "\\u0085");
        REFUSED.put("a C1 control (CSI)", "\\u009b");
        REFUSED.put("a lone high surrogate", "\\ud800");
        REFUSED.put("a lone low surrogate", "\\udc00");
        REFUSED.put("a high surrogate followed by a letter", "\\ud83dx");
        REFUSED.put("a right-to-left override", "\\u202e");
        REFUSED.put("a left-to-right embedding", "\\u202a");
        REFUSED.put("a first-strong isolate", "\\u2068");
        REFUSED.put("a pop directional isolate", "\\u2069");
    }

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    static final String REF = "plain-" + UUID.randomUUID().toString().substring(0, 8);

    static JsonPath screen() {
        return given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", REF))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String amendment(String reasonJson) {
        return "{\"reason\": \"" + reasonJson + "\", \"request\": "
                + Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", REF) + "}";
    }

    static int versions(String id) {
        return given().get("/api/v1/screenings/" + id + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    @Test
    void anAmendmentReasonWithAControlSurrogateOrBidiCharacterIsRefusedNamingTheReasonAndNothingIsStored() {
        String id = screen().getString("id");
        REFUSED.forEach((what, escape) -> given().contentType(ContentType.JSON)
                .body(amendment("Recorded " + escape + " by mistake"))
                .post("/api/v1/screenings/" + id + "/amendments")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("/reason")));
        assertThat(versions(id)).as("no amendment stored").isEqualTo(1);
    }

    @Test
    void aDisagreementWithAControlSurrogateOrBidiCharacterIsRefusedNamingTheFieldAndNothingIsStored() {
        JsonPath screening = screen();
        String id = screening.getString("id");
        String conclusion = screening.getString("patterns.find { it.code == 'LCS' }.conclusionId");
        long before = count();
        REFUSED.forEach((what, escape) -> {
            given().contentType(ContentType.JSON)
                    .body("{\"conclusionId\": \"" + conclusion + "\", \"expected\": \"not " + escape + " consistent\"}")
                    .post("/api/v1/screenings/" + id + "/disagreements")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem("/expected"));
            given().contentType(ContentType.JSON)
                    .body("{\"conclusionId\": \"" + conclusion + "\", \"expected\": \"partial\", \"comment\": \"see "
                            + escape + " notes\"}")
                    .post("/api/v1/screenings/" + id + "/disagreements")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem("/comment"));
        });
        assertThat(count()).as("no disagreement stored").isEqualTo(before);
    }

    @Test
    void tabsNewlinesAndTextInAnyScriptAreAccepted() {
        JsonPath screening = screen();
        String id = screening.getString("id");
        String conclusion = screening.getString("patterns.find { it.code == 'LCS' }.conclusionId");
        // tab, LF, CRLF (a form's textarea), an emoji (a surrogate pair), Hebrew with a right-to-left mark, accents
        String text = "Tab\\there,\\nnew line,\\r\\nCRLF, \\ud83d\\ude42, \\u05e9\\u05dc\\u05d5\\u05dd\\u200f, Müller";
        given().contentType(ContentType.JSON)
                .body("{\"conclusionId\": \"" + conclusion + "\", \"expected\": \"partial\", \"comment\": \"" + text
                        + "\"}")
                .post("/api/v1/screenings/" + id + "/disagreements")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(amendment(text))
                .post("/api/v1/screenings/" + id + "/amendments")
                .then()
                .statusCode(201);
    }

    @Test
    void anEhrClientIssuerWithAControlOrBidiCharacterIsRefusedNamingTheIssuerAndNothingIsStored() {
        for (String escape : List.of("\\u0000", "\\u001b", "\\u202e", "\\ud800")) {
            given().contentType(ContentType.JSON)
                    .body("{\"issuer\": \"https://ehr-plain-text.example.org/" + escape
                            + "\", \"clinic\": \"default\", "
                            + "\"jwksUrl\": \"https://ehr-plain-text.example.org/jwks.json\"}")
                    .post("/api/v1/admin/ehr-clients")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem("/issuer"));
        }
        given().get("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(200)
                .body("issuer", not(hasItem(org.hamcrest.Matchers.startsWith("https://ehr-plain-text.example.org"))));
    }

    @Test
    void aClinicNameWithAControlOrBidiCharacterIsRefusedNamingTheNameAndNothingIsStored() {
        for (String escape : List.of("\\u0000", "\\u202e", "\\udc00")) {
            given().contentType(ContentType.JSON)
                    .body("{\"id\": \"plain-clinic\", \"name\": \"North " + escape + "clinic\"}")
                    .post("/api/v1/admin/clinics")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem("/name"));
        }
        given().get("/api/v1/admin/clinics").then().statusCode(200).body("id", not(hasItem("plain-clinic")));
    }

    private static long count() {
        return given().get("/api/v1/knowledge-base/rules/PAT-001/disagreements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("count");
    }
}
