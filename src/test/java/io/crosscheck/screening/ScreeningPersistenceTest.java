package io.crosscheck.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.persistence.Gzip;
import io.crosscheck.screening.service.StoredDocuments;
import io.crosscheck.support.Requests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What is stored, and that nothing is stored for a bad request. Runs on H2 and, with -Ppostgresql, on PostgreSQL. */
@QuarkusTest
class ScreeningPersistenceTest {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        io.crosscheck.support.TestUsers.signInAsTester();
    }

    @Inject
    ObjectMapper json;

    @Inject
    StoredDocuments documents;

    @Inject
    DataSource dataSource;

    @Test
    void aScreeningIsStoredWithInputResultExplanationVersionTimeAndPseudonym() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Screening stored = QuarkusTransaction.requiringNew().call(() -> Screening.findById(UUID.fromString(id)));

        assertThat(stored.clientRef).isEqualTo("pseudo-0001");
        assertThat(stored.kbVersion).startsWith("sha256:");
        assertThat(stored.createdAt).isNotNull();
        JsonNode request = json.readTree(stored.request());
        assertThat(request.at("/muscleLength/0/muscle").asText()).isEqualTo("iliopsoas");
        // stored once, compressed (V103): the JSON columns of earlier versions stay empty
        assertThat(stored.responseGz).isNotNull();
        assertThat(stored.explanationGz).isNotNull();
        assertThat(stored.resultJson).isNull();
        assertThat(stored.explanationJson).isNull();
        // the request too, since V105: only its gzip is stored
        assertThat(stored.requestJson).isNull();
        assertThat(stored.requestGz.length).isLessThan(stored.request().length() / 2);
        assertThat(json.readTree(Gzip.decompress(stored.requestGz))).isEqualTo(request);
        JsonNode result = documents.resultTree(stored);
        assertThat(result.at("/patterns").toString()).contains("\"LCS\"");
        assertThat(result.has("explanation")).isFalse();
        JsonNode explanation = json.readTree(documents.explanationJson(stored));
        assertThat(explanation.at("/nodes").size()).isGreaterThan(10);
        assertThat(explanation.at("/trace").size()).isGreaterThan(5);
    }

    @Test
    void badRequestsStoreNothing() {
        long before = count();
        List<String> bad = List.of(
                "{not json",
                "{\"client\":{\"age\":\"x\"}}",
                "{\"client\":{\"age\":30},\"symptoms\":[{\"region\":\"neck\",\"kind\":\"pain\",\"nrs\":15}]}",
                "{\"client\":{\"age\":30},\"redFlags\":[{\"code\":\"nope\",\"present\":true}]}",
                "{\"client\":{\"age\":-4}}",
                "{\"client\":{\"age\":30,\"age\":31}}",
                "{\"client\":{\"age\":\"30\"}}",
                "{\"client\":{\"age\":30},\"muscleLength\":[{\"muscle\":\"iliopsoas\",\"side\":\"left\",\"result\":\"short\"},"
                        + "{\"muscle\":\"iliopsoas\",\"side\":\"left\",\"result\":\"normal\"}]}",
                "");
        for (String body : bad) {
            int status = given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/screenings")
                    .statusCode();
            assertThat(status).as(body).isBetween(400, 499);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void eachValidScreeningAddsExactlyOneRow() {
        long before = count();
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_WITH_SADDLE_NUMBNESS)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aRowWithItsRequestInNeitherColumnIsRefusedByTheDatabase() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("insert into screening (id, created_at, kb_version,"
                        + " clinic_id) values (?, current_timestamp, 'sha256:none', 'default')")) {
            st.setObject(1, UUID.randomUUID());
            assertThatThrownBy(st::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("screening_request_stored"));
        }
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Screening.count());
    }
}
