package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.audit.AuditEntry;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.persistence.Gzip;
import io.crosscheck.support.Requests;
import io.crosscheck.support.SqlStatements;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A screening is stored once (issue 27): a GET returns the bytes the POST returned, compressed as stored when the
 * client accepts gzip, with the amendment of a chain spliced in; rows stored before V103 are still read.
 */
@QuarkusTest
class StoredScreeningApiTest {

    /** Bytes as they come: RestAssured neither asks for nor undoes a Content-Encoding. */
    private static final RestAssuredConfig RAW =
            RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static final Pattern SELECT_FROM_SCREENING =
            Pattern.compile("(?is)^\\s*select\\b.*\\bfrom\\s+screening\\b.*");

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void aStoredScreeningIsReadBackByteForByteAsThePostReturnedIt() throws Exception {
        Response post = post("stored-plain", "");
        byte[] created = post.asByteArray();

        Response get = get(id(post), "", "identity");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.header("Content-Encoding")).isNull();
        assertThat(get.contentType()).startsWith("application/json");
        assertThat(get.asByteArray()).isEqualTo(created);
        // what the API wrote before (a tree of the result, then the visit) is written to the same bytes
        assertThat(json.writeValueAsBytes(json.readTree(created))).isEqualTo(created);
        assertThat(json.readTree(created).path("explanation").path("full").asText())
                .endsWith("/explanation");
        assertThat(json.readTree(created).path("visit").path("at").asText()).isNotEmpty();
    }

    @Test
    void withAcceptEncodingGzipTheStoredCompressedBytesAreSentAsTheyAre() throws Exception {
        Response post = post("stored-gzip", "");
        String id = id(post);

        Response get = get(id, "", "gzip, deflate");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(get.header("Vary")).containsIgnoringCase("Accept-Encoding");
        byte[] sent = get.asByteArray();
        assertThat(sent).isEqualTo(column(id, "response_gz"));
        assertThat(Gzip.decompress(sent)).isEqualTo(post.asByteArray());
        // refused explicitly: decompressed
        assertThat(get(id, "", "gzip;q=0").asByteArray()).isEqualTo(post.asByteArray());
    }

    @Test
    void anAmendedScreeningCarriesItsAmendmentAndTheAmendmentItsPlaceInTheChain() throws Exception {
        Response post = post("stored-amended", "");
        String original = id(post);
        Response amended = given().config(RAW)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"typo in the Thomas test\",\"request\":"
                        + Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", "stored-amended") + "}")
                .post("/api/v1/screenings/" + original + "/amendments");
        assertThat(amended.statusCode()).as(amended.asString()).isEqualTo(201);
        String amendment = id(amended);

        Response first = get(original, "", "gzip");
        Response second = get(amendment, "", "gzip");

        // in a chain the amendment is added to what was stored: sent decompressed
        assertThat(first.header("Content-Encoding")).isNull();
        byte[] created = post.asByteArray();
        byte[] read = first.asByteArray();
        assertThat(new String(read, StandardCharsets.UTF_8))
                .startsWith(new String(created, 0, created.length - 1, StandardCharsets.UTF_8) + ",\"amendment\":{");
        JsonNode a = json.readTree(read).path("amendment");
        assertThat(a.path("latest").asBoolean()).isFalse();
        assertThat(a.path("supersededBy").asText()).isEqualTo(amendment);
        assertThat(a.path("supersededByVersion").asInt()).isEqualTo(2);
        assertThat(a.path("version").asInt()).isEqualTo(1);
        // the amendment reads back as the POST of the amendment returned it
        assertThat(second.header("Content-Encoding")).isNull();
        assertThat(second.asByteArray()).isEqualTo(amended.asByteArray());
        JsonNode b = json.readTree(second.asByteArray()).path("amendment");
        assertThat(b.path("amends").asText()).isEqualTo(original);
        assertThat(b.path("reason").asText()).isEqualTo("typo in the Thomas test");
        assertThat(b.path("latest").asBoolean()).isTrue();
    }

    @Test
    void explainFullReturnsWhatThePostWithExplainFullReturned() throws Exception {
        Response post = post("stored-full", "?explain=full");
        String id = id(post);

        Response full = get(id, "?explain=full", "gzip");
        Response explanation = get(id + "/explanation", "", "gzip");

        assertThat(full.header("Content-Encoding")).isNull();
        assertThat(full.asByteArray()).isEqualTo(post.asByteArray());
        assertThat(json.readTree(explanation.asByteArray()))
                .isEqualTo(json.readTree(post.asByteArray()).path("explanation"));
        // the stored response is the default, compact one
        JsonNode compact = json.readTree(get(id, "", "identity").asByteArray());
        assertThat(compact.path("explanation").path("full").asText()).endsWith(id + "/explanation");
    }

    @Test
    void aReadIsOneSelectOfTheScreeningAndItsAuditEntryIsWrittenBeforeTheAnswer() {
        String id = id(post("stored-statements", ""));

        List<String> sql = SqlStatements.during(() -> get(id, "", "gzip").then().statusCode(200));

        assertThat(sql.stream().filter(s -> SELECT_FROM_SCREENING.matcher(s).matches()))
                .as(String.join("\n", sql))
                .hasSize(1);
        assertThat(sql.stream().filter(s -> s.toLowerCase().contains("request_json")))
                .as("the request is not loaded for a row stored since V103")
                .allMatch(s -> s.toLowerCase().contains("case when"));
        // its audit entry is written after the read, with those of concurrent reads (ReadAuditDurabilityTest), not
        // through Hibernate, and is there when the read is answered
        assertThat(sql.stream().filter(s -> s.toLowerCase().startsWith("insert")))
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.count("action = ?1 and subject = ?2", AuditEvent.SCREENING_READ, id)))
                .isEqualTo(1);
    }

    @Test
    void aRowStoredBeforeV103IsStillReadByTheApiTheResultPageAndTheClientHistory() throws Exception {
        Response post = post("stored-legacy", "");
        String id = id(post);
        byte[] created = post.asByteArray();
        byte[] explanation = get(id + "/explanation", "", "identity").asByteArray();
        // as V102 stored it: the request, the result without explanation and the complete explanation as JSON text,
        // and (a row from before V31) no summary columns
        ObjectNode result = (ObjectNode) json.readTree(created);
        result.remove(List.of("explanation", "visit"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("select request_gz from screening where id = ?");
                PreparedStatement st = c.prepareStatement("update screening set result_json = ?, explanation_json = ?,"
                        + " response_gz = null, explanation_gz = null, referral_urgency = null, pattern_status = null,"
                        + " request_json = ?, request_gz = null where id = ?")) {
            read.setObject(1, UUID.fromString(id));
            String request;
            try (var rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                request = Gzip.textOr(rs.getBytes(1), null);
            }
            st.setString(1, json.writeValueAsString(result));
            st.setString(2, new String(explanation, StandardCharsets.UTF_8));
            st.setString(3, request);
            st.setObject(4, UUID.fromString(id));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        assertThat(get(id, "", "identity").asByteArray()).isEqualTo(created);
        Response gzipAccepted = get(id, "", "gzip");
        assertThat(gzipAccepted.header("Content-Encoding")).isNull();
        assertThat(gzipAccepted.asByteArray()).isEqualTo(created);
        assertThat(get(id + "/explanation", "", "identity").asByteArray()).isEqualTo(explanation);
        assertThat(json.readTree(get(id, "?explain=full", "identity").asByteArray())
                        .path("explanation"))
                .isEqualTo(json.readTree(explanation));
        String page = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
                .get("/ui/screenings/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("stored-legacy");
        given().get("/api/v1/clients/stored-legacy/history").then().statusCode(200);
        given().get("/api/v1/clients/stored-legacy/screenings")
                .then()
                .statusCode(200)
                .body("items[0].id", org.hamcrest.Matchers.equalTo(id))
                .body(
                        "items[0].chips.patterns.find { it.code == 'LCS' }.status",
                        org.hamcrest.Matchers.equalTo("consistent"));
    }

    private Response post(String clientRef, String query) {
        Response r = given().config(RAW)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", clientRef))
                .post("/api/v1/screenings" + query);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r;
    }

    private static Response get(String path, String query, String acceptEncoding) {
        return given().config(RAW).header("Accept-Encoding", acceptEncoding).get("/api/v1/screenings/" + path + query);
    }

    private String id(Response r) {
        try {
            return json.readTree(r.asByteArray()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] column(String id, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select " + column + " from screening where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
