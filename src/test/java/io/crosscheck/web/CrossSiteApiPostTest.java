package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A cross-site page can make a signed-in browser send a POST without a CORS preflight only with a form's content
 * types: {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or {@code text/plain}, with or without
 * a body (a form without fields posts an empty one). Every POST of the API (found in the compiled resources, so a new
 * one is covered) refuses them with 415 before doing anything, the ones that take no body included.
 */
@QuarkusTest
class CrossSiteApiPostTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final List<String> SIMPLE_CONTENT_TYPES =
            List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain");

    @Test
    void everyApiPostRefusesTheBodiesACrossSiteFormCanSend() throws Exception {
        Set<String> posts = apiPosts();
        assertThat(posts)
                .contains("/api/v1/knowledge-base/reload", "/api/v1/knowledge-base/proposals/{version}/approve");
        List<String> accepted = new ArrayList<>();
        for (String path : posts) {
            String url = path.replace("{version}", "sha256:0000000000000000")
                    .replace("{id}", "00000000-0000-0000-0000-000000000000")
                    .replaceAll("\\{[^}]+}", "x");
            for (String type : SIMPLE_CONTENT_TYPES) {
                for (String body : List.of("a=b", "")) {
                    int status = post(url, type, body);
                    if (status != 415) {
                        accepted.add(
                                "POST " + path + " as " + type + (body.isEmpty() ? " (empty)" : "") + " -> " + status);
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void aBodylessPostStillWorksWithoutAContentTypeOrWithJson() throws Exception {
        assertThat(post("/api/v1/knowledge-base/proposals/sha256:0000000000000000/approve", null, ""))
                .isEqualTo(404);
        assertThat(post("/api/v1/knowledge-base/proposals/sha256:0000000000000000/activate", "application/json", ""))
                .isEqualTo(404);
    }

    /** A POST as a browser's form would send it (no client library adding or changing headers); the status. */
    private static int post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The paths of every POST under /api, read from the compiled resources. */
    static Set<String> apiPosts() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crosscheck")) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = c.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : c.getMethods()) {
                if (!m.isAnnotatedWith(POST.class)) {
                    continue;
                }
                String path = (base
                                + (m.isAnnotatedWith(Path.class)
                                        ? "/"
                                                + m.getAnnotationOfType(Path.class)
                                                        .value()
                                        : ""))
                        .replaceAll("/+", "/");
                if (path.startsWith("/api/")) {
                    found.add(path);
                }
            }
        }
        return found;
    }
}
