package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Role x endpoint: every JAX-RS endpoint, found in the compiled resources at test time (so a new one
 * cannot be forgotten), answers 401 without credentials, 403 to each role that may not use it, and
 * neither to a role that may. Real users with one role each, created through the admin API, with
 * real Basic credentials.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    static final String PASSWORD = "matrix-password-123";
    static final List<String> ROLES = List.of("physio", "author", "admin");

    /** Public endpoints (CDS Hooks discovery, FHIR metadata, code system and profiles): anyone, no credentials. */
    static final Set<String> PUBLIC_ROW = Set.of("anyone");
    /**
     * CDS Hooks service calls: only an EHR's bearer JWT (CdsHooksApiTest proves the JWT side); every user's
     * HTTP Basic credentials are 401 there, whatever the role.
     */
    static final Set<String> EHR_JWT_ONLY = Set.of("ehr-jwt");

    /** Who may use what. An endpoint missing here fails the test: decide its roles when you add it. */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();
    /** The pages among them: anonymous callers are sent to the login page; roles are checked with a signed-in session. */
    static final Map<String, Set<String>> PAGES = new LinkedHashMap<>();

    static {
        EXPECTED.put("POST /api/v1/screenings", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}/explanation", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}/what-if", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}/home-programme", Set.of("physio"));
        EXPECTED.put("PUT /api/v1/screenings/{id}/home-programme", Set.of("physio"));
        // issue 25, a real document: the sheet as PDF and as a FHIR DocumentReference, the client's language
        EXPECTED.put("GET /api/v1/screenings/{id}/home-programme/sheet.pdf", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}/home-programme/document-reference", Set.of("physio"));
        EXPECTED.put("GET /api/v1/clients/{clientRef}/language", Set.of("physio"));
        EXPECTED.put("PUT /api/v1/clients/{clientRef}/language", Set.of("physio"));
        EXPECTED.put("GET /api/v1/vocabulary", Set.of("physio", "author", "admin"));
        EXPECTED.put("GET /api/v1/knowledge-base", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/versions", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/versions/{version}", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/versions/{version}/files", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/versions/{version}/files/{path: .+}", Set.of("author"));
        // cluster (issue 13): the active version, diffs, proposals and their approval
        EXPECTED.put("GET /api/v1/knowledge-base/active", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/diff", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/proposals", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/proposals/{version}", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/{version}/approve", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/{version}/activate", Set.of("author"));
        // issue 24: revert one version, emergency activations and their review
        EXPECTED.put("POST /api/v1/knowledge-base/versions/{version}/revert", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/versions/{version}/review", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/emergencies", Set.of("author"));
        // issue 24: proposing the working rules, the review thread, rejection and proposing again
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/working", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/{version}/comments", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/{version}/reject", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/proposals/{version}/repropose", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/reload", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/replays", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/replays/{id}", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/replays/{id}/report.txt", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/rules/{ruleId}/impact", Set.of("author"));
        EXPECTED.put("GET /api/v1/admin/users", Set.of("admin"));
        EXPECTED.put("POST /api/v1/admin/users", Set.of("admin"));
        EXPECTED.put("GET /api/v1/admin/clinics", Set.of("admin"));
        EXPECTED.put("POST /api/v1/admin/clinics", Set.of("admin"));
        // issue 25: the clinic's contact details for the take-home sheet
        EXPECTED.put("GET /api/v1/admin/clinics/{id}/contact", Set.of("admin"));
        EXPECTED.put("PUT /api/v1/admin/clinics/{id}/contact", Set.of("admin"));
        // issue 22: disabling, enabling, passwords
        EXPECTED.put("POST /api/v1/admin/users/{username}/disable", Set.of("admin"));
        EXPECTED.put("POST /api/v1/admin/users/{username}/enable", Set.of("admin"));
        EXPECTED.put("PUT /api/v1/admin/users/{username}/password", Set.of("admin"));
        EXPECTED.put("PUT /api/v1/account/password", Set.of("physio", "author", "admin"));
        EXPECTED.put("GET /api/v1/admin/audit", Set.of("admin"));
        EXPECTED.put("GET /api/v1/admin/audit/check", Set.of("admin"));
        EXPECTED.put("GET /api/v1/admin/clients/{clientRef}/export", Set.of("admin"));
        EXPECTED.put("DELETE /api/v1/admin/clients/{clientRef}", Set.of("admin"));
        // EHR integration (issue 11)
        EXPECTED.put("GET /api/v1/screenings/{id}/fhir", Set.of("physio"));
        EXPECTED.put("GET /api/v1/admin/ehr-clients", Set.of("admin"));
        EXPECTED.put("POST /api/v1/admin/ehr-clients", Set.of("admin"));
        EXPECTED.put("GET /api/v1/knowledge-base/rules/{ruleId}/feedback", Set.of("author"));
        // web UI backend: clients, history, amendments, disagreements
        EXPECTED.put("GET /api/v1/clients", Set.of("physio"));
        EXPECTED.put("GET /api/v1/clients/{clientRef}/screenings", Set.of("physio"));
        EXPECTED.put("GET /api/v1/clients/{clientRef}/history", Set.of("physio"));
        EXPECTED.put("POST /api/v1/screenings/{id}/amendments", Set.of("physio"));
        EXPECTED.put("GET /api/v1/screenings/{id}/versions", Set.of("physio"));
        EXPECTED.put("POST /api/v1/screenings/{id}/disagreements", Set.of("physio"));
        EXPECTED.put("GET /api/v1/knowledge-base/rules/{ruleId}/disagreements", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/disagreements", Set.of("author"));
        // issue 28: cornerstone cases
        EXPECTED.put("POST /api/v1/knowledge-base/cornerstones", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/cornerstones", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/cornerstones/{id}", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/cornerstones/{id}/scenario", Set.of("author"));
        EXPECTED.put("GET /api/v1/knowledge-base/cornerstones/changes/{version}", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/cornerstones/{id}/accept", Set.of("author"));
        EXPECTED.put("POST /api/v1/knowledge-base/cornerstones/{id}/retire", Set.of("author"));
        EXPECTED.put("GET /cds-services", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/metadata", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/CodeSystem/crosscheck", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/Questionnaire", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/Questionnaire/{id}", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/StructureDefinition", PUBLIC_ROW);
        EXPECTED.put("GET /fhir/StructureDefinition/{id}", PUBLIC_ROW);
        EXPECTED.put("POST /cds-services/{id}", EHR_JWT_ONLY);
        EXPECTED.put("POST /cds-services/{id}/feedback", EHR_JWT_ONLY);
        // SMART App Launch from the cards' smart links: public, the EHR's authorisation is the credential
        // (SmartLaunchTest proves that a launch needs a registered iss, a state bound to the browser and a good
        // id_token)
        EXPECTED.put("GET /smart/launch", PUBLIC_ROW);
        EXPECTED.put("GET /smart/callback", PUBLIC_ROW);
        // the web UI's pages (issue 12): signed in with the login form (a session cookie), not HTTP Basic
        PAGES.put("GET /", PUBLIC_ROW);
        PAGES.put("GET /ui/login", PUBLIC_ROW);
        PAGES.put("GET /ui", Set.of("physio", "author", "admin"));
        PAGES.put("POST /ui/logout", Set.of("physio", "author", "admin"));
        for (String page : List.of(
                "GET /ui/clients",
                "GET /ui/clients/{clientRef}",
                "GET /ui/screenings/new",
                "POST /ui/screenings",
                "GET /ui/screenings/{id}",
                "GET /ui/screenings/{id}/derivation",
                "GET /ui/screenings/{id}/report",
                "GET /ui/screenings/{id}/what-if",
                "GET /ui/screenings/{id}/sheet",
                "GET /ui/screenings/{id}/sheet/edit",
                "POST /ui/screenings/{id}/sheet/edit",
                "POST /ui/screenings/{id}/sheet/language",
                "GET /ui/screenings/{id}/sheet.pdf",
                "GET /ui/exercise-pictures/{id}.svg",
                "GET /ui/screenings/{id}/amend",
                "POST /ui/screenings/{id}/amend",
                "POST /ui/screenings/{id}/red-flags",
                "POST /ui/screenings/{id}/disagreements")) {
            PAGES.put(page, Set.of("physio"));
        }
        for (String page : List.of("GET /ui/kb", "GET /ui/kb/rules/{id}", "GET /ui/kb/docs/{path: .+}")) {
            PAGES.put(page, Set.of("physio", "author"));
        }
        PAGES.put("POST /ui/kb/replays", Set.of("author"));
        PAGES.put("GET /ui/kb/replays/{id}", Set.of("author"));
        for (String page : List.of(
                "GET /ui/kb/proposals",
                "GET /ui/kb/proposals/{version}",
                "POST /ui/kb/proposals/working",
                "POST /ui/kb/proposals/upload",
                "POST /ui/kb/proposals/{version}/comments",
                "POST /ui/kb/proposals/{version}/approve",
                "POST /ui/kb/proposals/{version}/reject",
                "POST /ui/kb/proposals/{version}/repropose",
                "POST /ui/kb/proposals/{version}/activate",
                "POST /ui/kb/proposals/{version}/revert")) {
            PAGES.put(page, Set.of("author"));
        }
        PAGES.put("POST /ui/kb/rules/{id}/impact", Set.of("author"));
        for (String page : List.of(
                "GET /ui/kb/cornerstones",
                "POST /ui/kb/cornerstones",
                "GET /ui/kb/cornerstones/{id}/scenario.yaml",
                "POST /ui/kb/cornerstones/{id}/accept")) {
            PAGES.put(page, Set.of("author"));
        }
        PAGES.put("GET /ui/kb/fact-model", Set.of("physio", "author"));
        EXPECTED.putAll(PAGES);
        // not JAX-RS: the management endpoints
        EXPECTED.put("GET /q/openapi", Set.of("admin"));
        EXPECTED.put("GET /q/metrics", Set.of("admin"));
    }

    record Endpoint(String method, String path, String consumes) {
        String key() {
            return method + " " + path;
        }
    }

    static boolean created;

    /** The pages' CSRF tokens are bound to the signed-in user's session: made here by the service's own bean. */
    @jakarta.inject.Inject
    io.crosscheck.web.session.CsrfTokens csrfTokens;

    @jakarta.inject.Inject
    io.crosscheck.web.session.SessionRevocations revocations;

    static java.util.function.Function<String, String> tokenFor;

    @org.junit.jupiter.api.BeforeEach
    void users() {
        tokenFor = user -> csrfTokens.issue(user, revocations.revokedBefore(user));
        if (created) {
            return;
        }
        created = true;
        for (String role : ROLES) {
            TestUsers.ensureUser("matrix-" + role, PASSWORD, List.of(role), "default");
        }
    }

    /** Every resource method of the application, read from the compiled classes. */
    static List<Endpoint> endpoints() {
        List<Endpoint> found = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crosscheck")) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = c.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : c.getMethods()) {
                String verb = m.isAnnotatedWith(GET.class)
                        ? "GET"
                        : m.isAnnotatedWith(POST.class)
                                ? "POST"
                                : m.isAnnotatedWith(DELETE.class)
                                        ? "DELETE"
                                        : m.isAnnotatedWith(PUT.class)
                                                ? "PUT"
                                                : m.isAnnotatedWith(PATCH.class) ? "PATCH" : null;
                if (verb == null) {
                    continue;
                }
                String path = base
                        + (m.isAnnotatedWith(Path.class)
                                ? "/" + m.getAnnotationOfType(Path.class).value()
                                : "");
                String consumes = m.isAnnotatedWith(Consumes.class)
                        ? m.getAnnotationOfType(Consumes.class).value()[0]
                        : null;
                found.add(new Endpoint(verb, path.replaceAll("/+", "/"), consumes));
            }
        }
        found.add(new Endpoint("GET", "/q/openapi", null));
        found.add(new Endpoint("GET", "/q/metrics", null));
        return found;
    }

    @Test
    void everyEndpointIsInTheMatrixAndTheMatrixNamesNoEndpointThatIsGone() {
        Set<String> found =
                new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
        assertThat(found).as("endpoints without a row in the matrix").isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("rows for endpoints that do not exist").isSubsetOf(found);
        assertThat(found).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void anonymousCallersGet401OnEveryEndpointAndWrongRolesGet403() {
        List<String> wrong = new ArrayList<>();
        int checks = 0;
        for (Endpoint e : endpoints()) {
            Set<String> allowed = EXPECTED.getOrDefault(e.key(), Set.of());
            if (PAGES.containsKey(e.key())) {
                checks += checkPage(e, allowed, wrong);
                continue;
            }
            int anonymous = call(given().auth().none(), e);
            checks++;
            boolean open = allowed == PUBLIC_ROW;
            if (open ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(e.key() + " anonymous -> " + anonymous);
            }
            for (String role : ROLES) {
                int status = call(given().auth().preemptive().basic("matrix-" + role, PASSWORD), e);
                checks++;
                if (allowed == EHR_JWT_ONLY) {
                    if (status != 401) {
                        wrong.add(e.key() + " as " + role + " (Basic) -> " + status + " (only an EHR JWT is accepted)");
                    }
                    continue;
                }
                if (open) {
                    if (status == 401 || status == 403) {
                        wrong.add(e.key() + " as " + role + " -> " + status + " (public)");
                    }
                    continue;
                }
                boolean denied = status == 403;
                if (allowed.contains(role) == denied || status == 401) {
                    wrong.add(e.key() + " as " + role + " -> " + status
                            + (allowed.contains(role) ? " (allowed)" : " (should be 403)"));
                }
            }
        }
        System.out.printf(
                "authorisation matrix: %d endpoints x (anonymous + %d roles) = %d checks%n",
                endpoints().size(), ROLES.size(), checks);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWrongPasswordIs401AndHealthProbesNeedNoCredentials() {
        given().auth()
                .preemptive()
                .basic("matrix-physio", "not-the-password")
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(401);
        given().auth().none().get("/q/health/ready").then().statusCode(200);
        given().auth().none().get("/q/health/live").then().statusCode(200);
    }

    /** A page: anonymous callers are redirected to the login form (public pages answer); each role signs in with the form. */
    private static int checkPage(Endpoint e, Set<String> allowed, List<String> wrong) {
        boolean open = allowed == PUBLIC_ROW;
        io.restassured.response.Response anonymous =
                page(given().auth().none().redirects().follow(false), e, "matrix-token");
        String location = anonymous.getHeader("Location");
        if (open
                ? anonymous.statusCode() == 401 || anonymous.statusCode() == 403
                : anonymous.statusCode() != 302 || location == null || !location.contains("/ui/login")) {
            wrong.add(e.key() + " anonymous -> " + anonymous.statusCode() + " " + location);
        }
        if (open) {
            return 1;
        }
        for (String role : ROLES) {
            int status = page(
                            given().auth().none().redirects().follow(false).cookie(SESSION_COOKIE, session(role)),
                            e,
                            tokenFor.apply("matrix-" + role))
                    .statusCode();
            if (e.key().equals("POST /ui/logout")) {
                SESSIONS.remove(role); // signing out ended the role's sessions: sign in again for the next page
            }
            boolean denied = status == 403;
            if (allowed.contains(role) == denied || status == 401 || status == 302) {
                wrong.add(e.key() + " as " + role + " (signed in) -> " + status
                        + (allowed.contains(role) ? " (allowed)" : " (should be 403)"));
            }
        }
        return 1 + ROLES.size();
    }

    static final String SESSION_COOKIE = "crosscheck-session";
    static final Map<String, String> SESSIONS = new LinkedHashMap<>();

    /** Signs in through the login form once per role; the session cookie. */
    static String session(String role) {
        return SESSIONS.computeIfAbsent(role, r -> {
            io.restassured.response.Response login = given().auth()
                    .none()
                    .redirects()
                    .follow(false)
                    .formParam("j_username", "matrix-" + r)
                    .formParam("j_password", PASSWORD)
                    .post("/j_security_check");
            String cookie = login.getCookie(SESSION_COOKIE);
            if (cookie == null) {
                throw new AssertionError("the login form did not sign matrix-" + r + " in: " + login.statusCode());
            }
            return cookie;
        });
    }

    /** Calls a page; form posts carry the session's CSRF token, so that only the role decides. */
    private static io.restassured.response.Response page(RequestSpecification spec, Endpoint e, String csrfToken) {
        String path = e.path()
                .replace("{path: .+}", "index.md")
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{version}", "sha256:0000000000000000")
                .replace("{clientRef}", "matrix-nobody");
        if ("POST".equals(e.method()) && e.consumes() != null && e.consumes().startsWith("multipart/")) {
            spec = spec.cookie("crosscheck-csrf", csrfToken).multiPart("csrf-token", csrfToken);
        } else if ("POST".equals(e.method())) {
            spec = spec.contentType("application/x-www-form-urlencoded")
                    .cookie("crosscheck-csrf", csrfToken)
                    .formParam("csrf-token", csrfToken);
        }
        return spec.request(e.method(), path);
    }

    private static int call(RequestSpecification spec, Endpoint e) {
        String path = e.path()
                .replace("{path: .+}", "rules/reference/thresholds.yaml")
                .replace("{version}", "sha256:0000000000000000")
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{clientRef}", "matrix-nobody")
                .replace("{username}", "matrix-nobody")
                // a rule no version has: the role is checked (404, not 403) and no replay starts
                .replace("{ruleId}/impact", "ZZZ-000/impact")
                .replace("{ruleId}", "SAF-001");
        if (e.consumes() != null) {
            spec = spec.contentType(e.consumes()).body(e.consumes().contains("zip") ? new byte[0] : "{}".getBytes());
        }
        return spec.request(e.method(), path).statusCode();
    }
}
