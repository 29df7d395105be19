package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.crosscheck.support.Candidates;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proposal pages' forms without a browser: bad input comes back as a message on the page (with the field it
 * concerns), a post without the CSRF token is refused, and an archive uploaded from the page becomes a proposal.
 */
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
class ProposalPagesTest {

    static final String PASSWORD = "review-pages-password";
    static final String CAROL = "carol-author";
    static final String DAN = "dan-author";

    @BeforeEach
    void authors() {
        TestUsers.ensureUser(CAROL, PASSWORD, List.of("author"), "default");
        TestUsers.ensureUser(DAN, PASSWORD, List.of("author"), "default");
    }

    @Test
    void aProposalWithoutASummaryIsRefusedOnThePageAndAPostWithoutTheTokenIsForbidden() {
        String session = WebSignIn.session(CAROL, PASSWORD);
        String token = WebSignIn.csrfToken(session, "/ui/kb/proposals");

        form(session, token)
                .formParam("summary", "  ")
                .post("/ui/kb/proposals/working")
                .then()
                .statusCode(400)
                .contentType("text/html")
                .body(containsString("id=\"page-error\""))
                .body(containsString("summary is required"));
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .formParam("summary", "no token")
                .post("/ui/kb/proposals/working")
                .then()
                .statusCode(403);
    }

    @Test
    void anArchiveUploadedFromThePageIsProposedAndARejectionWithoutAReasonIsShownOnItsPage() throws Exception {
        Path rules = Candidates.copyOfRules(Files.createTempDirectory("page-upload"));
        Files.writeString(
                rules.resolve("reference/patterns.yaml"),
                "# page " + UUID.randomUUID() + "\n",
                StandardOpenOption.APPEND);
        String carol = WebSignIn.session(CAROL, PASSWORD);
        String token = WebSignIn.csrfToken(carol, "/ui/kb/proposals");

        String location = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, carol)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .multiPart(WebSignIn.CSRF_FIELD, token)
                .multiPart("summary", "patterns: a note from the page")
                .multiPart("archive", "candidate.zip", TestUsers.zip(rules, Path.of("kb-docs")), "application/zip")
                .post("/ui/kb/proposals/upload")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String page = location.replaceAll("^https?://[^/]+", "");

        String dan = WebSignIn.session(DAN, PASSWORD);
        String danToken = WebSignIn.csrfToken(dan, page);
        given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, dan)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("patterns: a note from the page"))
                .body(containsString("id=\"approve\""))
                .body(containsString("id=\"reject\""));
        form(dan, danToken)
                .formParam("reason", "")
                .post(page + "/reject")
                .then()
                .statusCode(400)
                .body(containsString("reason is required"));
        form(dan, danToken)
                .formParam("reason", "Not needed.")
                .post(page + "/reject")
                .then()
                .statusCode(303);
        given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, dan)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("id=\"repropose\""))
                .body(not(containsString("id=\"activate\"")))
                .body(containsString("Rejected by " + DAN));
    }

    static io.restassured.specification.RequestSpecification form(String session, String token) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .contentType("application/x-www-form-urlencoded")
                .formParam(WebSignIn.CSRF_FIELD, token);
    }
}
