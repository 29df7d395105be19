package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.persistence.Gzip;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * During a rolling upgrade from a version before V103 or V105 ({@code crosscheck.storage.write-legacy-columns}), a new
 * row also fills the JSON columns such a version reads, with what it stored there: the request, the result without
 * explanation and the complete explanation.
 */
@QuarkusTest
@TestProfile(LegacyColumnsTest.WriteLegacyColumns.class)
class LegacyColumnsTest {

    public static class WriteLegacyColumns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crosscheck.storage.write-legacy-columns", "true");
        }
    }

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void withTheLegacySettingANewRowAlsoFillsTheColumnsAnOlderVersionReads() throws Exception {
        String created = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", "legacy-columns"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        String id = json.readTree(created).path("id").asText();
        String explanation = given().get("/api/v1/screenings/" + id + "/explanation")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        String resultJson;
        String explanationJson;
        String requestJson;
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select result_json, explanation_json, response_gz,"
                        + " explanation_gz, request_json, request_gz from screening where id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                resultJson = rs.getString(1);
                explanationJson = rs.getString(2);
                assertThat(rs.getBytes(3)).isNotNull();
                assertThat(rs.getBytes(4)).isNotNull();
                requestJson = rs.getString(5);
                assertThat(Gzip.decompress(rs.getBytes(6))).asString().isEqualTo(requestJson);
            }
        }

        ObjectNode withoutExplanation = (ObjectNode) json.readTree(created);
        withoutExplanation.remove(List.of("explanation", "visit"));
        assertThat(json.readTree(resultJson)).isEqualTo(withoutExplanation);
        assertThat(json.readValue(resultJson, ScreeningResult.class).explanation())
                .isNull();
        assertThat(explanationJson).isEqualTo(explanation);
        assertThat(json.readTree(requestJson).path("clientRef").asText()).isEqualTo("legacy-columns");
        JsonNode nodes = json.readTree(explanationJson).path("nodes");
        assertThat(nodes.size()).isGreaterThan(10);
    }
}
