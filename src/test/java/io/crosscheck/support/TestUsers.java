package io.crosscheck.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Credentials for API tests. The test profile's first administrator (application.properties, %test)
 * holds every role, for tests that are not about authorisation; the authorisation tests create users
 * with one role each through the admin API and send their credentials explicitly.
 */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestUsers() {}

    /** Sends the all-roles test administrator's Basic credentials with every RestAssured request. */
    public static void signInAsTester() {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates (once) a user with the given roles in the given clinic, creating the clinic if needed. */
    public static void ensureUser(String username, String password, List<String> roles, String clinic) {
        given().auth()
                .preemptive()
                .basic(ADMIN, ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("id", clinic, "name", clinic))
                .post("/api/v1/admin/clinics");
        int status = given().auth()
                .preemptive()
                .basic(ADMIN, ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", roles, "clinic", clinic))
                .post("/api/v1/admin/users")
                .statusCode();
        if (status != 201 && status != 422) {
            throw new AssertionError("cannot create test user " + username + ": " + status);
        }
    }

    /**
     * Registers (or updates) an EHR client of {@code clinic} with the test EC key ({@link EhrKeys#EC}) and the FHIR
     * servers it may be fetched from.
     */
    public static void registerEhrClient(String issuer, String clinic, List<String> fhirServers) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("clinic", clinic);
        body.put("jwks", new io.restassured.path.json.JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap(""));
        if (!fhirServers.isEmpty()) {
            body.put("fhirServers", fhirServers);
        }
        int status = given().auth()
                .preemptive()
                .basic(ADMIN, ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/admin/ehr-clients")
                .statusCode();
        if (status != 201 && status != 200) {
            throw new AssertionError("cannot register EHR client " + issuer + ": " + status);
        }
    }

    /** A zip of {@code rulesDir} as rules/ and, when given, {@code docsDir} as kb-docs/. */
    public static byte[] zip(Path rulesDir, Path docsDir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, rulesDir, "rules/");
            if (docsDir != null) {
                add(zip, docsDir, "kb-docs/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip holding exactly these entries (name -> content), for hostile archives. */
    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, Path dir, String prefix) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(
                        new ZipEntry(prefix + dir.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
    }
}
