package io.crosscheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crosscheck ehr-key}: makes an ES384 key pair for trying the CDS Hooks services as an EHR would
 * (a test or integration key; a real EHR signs with its own keys and publishes a JWKS). Writes the private
 * key (owner-only) and the registration body for {@code POST /api/v1/admin/ehr-clients}, which carries the
 * public key only. Tokens from {@code crosscheck cds-token} are accepted only once that registration is made.
 */
@Command(
        name = "ehr-key",
        mixinStandardHelpOptions = true,
        description = "Make an ES384 key pair for an EHR client and the body that registers it (public key only).")
public final class EhrKeyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--issuer",
            required = true,
            description = "the EHR's issuer (iss of its JWTs), e.g. https://ehr.example.org")
    String issuer;

    @Option(
            names = "--clinic",
            defaultValue = "default",
            description = "the clinic its screenings belong to (default: ${DEFAULT-VALUE})")
    String clinic;

    @Option(
            names = "--fhir-server",
            description = "a FHIR base URL Crosscheck may fetch missing prefetch from (repeatable)")
    java.util.List<String> fhirServers = new java.util.ArrayList<>();

    @Option(
            names = "--dir",
            required = true,
            paramLabel = "DIR",
            description = "writes DIR/private-key.json and DIR/registration.json")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        key.setKeyId(UUID.randomUUID().toString());
        key.setAlgorithm("ES384");
        Files.createDirectories(dir);
        Path privateKey = dir.resolve("private-key.json");
        Files.deleteIfExists(privateKey);
        try {
            Files.createFile(
                    privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateKey);
        }
        String privateJson = "{\"issuer\":" + quote(issuer) + ",\"key\":"
                + key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE) + "}";
        Files.writeString(privateKey, privateJson, StandardCharsets.UTF_8);
        StringBuilder servers = new StringBuilder("[");
        for (int i = 0; i < fhirServers.size(); i++) {
            servers.append(i == 0 ? "" : ",").append(quote(fhirServers.get(i)));
        }
        servers.append(']');
        String registration = "{\"issuer\":" + quote(issuer) + ",\"clinic\":" + quote(clinic) + ",\"jwks\":"
                + new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + ",\"fhirServers\":"
                + servers + "}";
        Files.writeString(dir.resolve("registration.json"), registration, StandardCharsets.UTF_8);
        out.println(registration);
        return 0;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
