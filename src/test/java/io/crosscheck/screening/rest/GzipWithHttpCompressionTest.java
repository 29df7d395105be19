package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Were HTTP compression turned on (it is off: application.properties), the stored gzip of a screening would still be
 * sent once compressed, not compressed again.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(GzipWithHttpCompressionTest.HttpCompression.class)
class GzipWithHttpCompressionTest {

    public static class HttpCompression implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.enable-compression", "true",
                    "quarkus.http.compress-media-types", "application/json");
        }
    }

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Inject
    ObjectMapper json;

    @Test
    void theStoredGzipIsNotCompressedAgainWhenHttpCompressionIsOn() throws Exception {
        var raw =
                RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response post = given().config(raw)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", "compressed-once"))
                .post("/api/v1/screenings");
        assertThat(post.statusCode()).isEqualTo(201);
        String id = json.readTree(post.asByteArray()).path("id").asText();

        Response get = given().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/screenings/" + id);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.header("Content-Encoding")).isEqualTo("gzip");
        byte[] once;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(get.asByteArray()))) {
            once = in.readAllBytes();
        }
        assertThat(json.readTree(once)).isEqualTo(json.readTree(post.asByteArray()));
        // compression is on: a JSON answer without a Content-Encoding of its own is compressed by the server
        Response explanation =
                given().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/screenings/" + id + "/explanation");
        assertThat(explanation.header("Content-Encoding")).isEqualTo("gzip");
    }
}
