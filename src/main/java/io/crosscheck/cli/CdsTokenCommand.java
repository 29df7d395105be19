package io.crosscheck.cli;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crosscheck cds-token}: signs a CDS Hooks 2.0 bearer JWT (ES384; iss, sub, aud, exp in 5 minutes,
 * iat, a new jti) with a key from {@code crosscheck ehr-key}, as an EHR signs each call. Useful only
 * with a key whose public half an administrator registered for that issuer.
 */
@Command(
        name = "cds-token",
        mixinStandardHelpOptions = true,
        description = "Sign a CDS Hooks bearer JWT (ES384) with a key made by ehr-key; prints the token.")
public final class CdsTokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "private-key.json written by ehr-key")
    Path key;

    @Option(
            names = "--audience",
            required = true,
            paramLabel = "URL",
            description = "the CDS service's URL, e.g. http://localhost:8080/cds-services/crosscheck-patient-view")
    String audience;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> file = JsonUtil.parseJson(Files.readString(key, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk((Map<String, Object>) file.get("key"));
        String token = Jwt.issuer((String) file.get("issuer"))
                .subject("crosscheck-cli")
                .audience(audience)
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(5))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.ES384)
                .keyId(jwk.getKeyId())
                .header("typ", "JWT")
                .sign(jwk.getPrivateKey());
        spec.commandLine().getOut().println(token);
        return 0;
    }
}
