package io.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crosscheck ehr-key} and {@code cds-token}: a key pair whose registration holds the public key only, and tokens it verifies. */
class EhrTokenCommandsTest {

    @TempDir
    Path dir;

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CrosscheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void aTokenSignedWithTheKeyVerifiesWithTheRegisteredPublicKeyAsACdsHooksToken() throws Exception {
        run(
                "ehr-key",
                "--issuer",
                "https://ehr.example.org",
                "--clinic",
                "clinic-x",
                "--fhir-server",
                "https://ehr.example.org/fhir",
                "--dir",
                dir.toString());
        JsonNode registration =
                new ObjectMapper().readTree(dir.resolve("registration.json").toFile());
        assertThat(registration.path("issuer").asText()).isEqualTo("https://ehr.example.org");
        assertThat(registration.path("clinic").asText()).isEqualTo("clinic-x");
        assertThat(registration.path("fhirServers").get(0).asText()).isEqualTo("https://ehr.example.org/fhir");
        assertThat(registration.path("jwks").toString()).doesNotContain("\"d\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private-key.json"))))
                .isEqualTo("rw-------");

        String token = run(
                "cds-token",
                "--key",
                dir.resolve("private-key.json").toString(),
                "--audience",
                "http://localhost:8080/cds-services/x");
        JsonWebKeySet keys = new JsonWebKeySet(registration.path("jwks").toString());
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedAudience("http://localhost:8080/cds-services/x")
                .setExpectedIssuer("https://ehr.example.org")
                .setRequireJwtId()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "ES384")
                .build()
                .processToClaims(token);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .isEqualTo(300);
        assertThat(run("cds-token", "--key", dir.resolve("private-key.json").toString(), "--audience", "http://a/b"))
                .isNotEqualTo(token);

        // another key pair's registration does not verify it
        Path other = dir.resolve("other");
        run("ehr-key", "--issuer", "https://ehr.example.org", "--dir", other.toString());
        JsonWebKeySet otherKeys = new JsonWebKeySet(new ObjectMapper()
                .readTree(other.resolve("registration.json").toFile())
                .path("jwks")
                .toString());
        assertThatThrownBy(() -> new JwtConsumerBuilder()
                        .setVerificationKeyResolver(new JwksVerificationKeyResolver(otherKeys.getJsonWebKeys()))
                        .setExpectedAudience("http://localhost:8080/cds-services/x")
                        .build()
                        .processToClaims(token))
                .isInstanceOf(InvalidJwtException.class);
    }
}
