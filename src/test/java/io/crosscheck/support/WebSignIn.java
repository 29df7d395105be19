package io.crosscheck.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in to the web UI as a browser does (the login form), for API-level tests of the pages. */
public final class WebSignIn {

    public static final String SESSION_COOKIE = "crosscheck-session";
    public static final String CSRF_COOKIE = "crosscheck-csrf";
    public static final String CSRF_FIELD = "csrf-token";
    private static final Pattern CSRF_HIDDEN = Pattern.compile("name=\"" + CSRF_FIELD + "\" value=\"([^\"]+)\"");

    private WebSignIn() {}

    /** Posts the login form; the session cookie it sets. */
    public static String session(String username, String password) {
        Response login = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
        String cookie = login.getCookie(SESSION_COOKIE);
        if (cookie == null) {
            throw new AssertionError("the login form did not sign " + username + " in: " + login.statusCode());
        }
        return cookie;
    }

    /** Opens {@code page} with the session and reads the CSRF token of its forms (the hidden field). */
    public static String csrfToken(String session, String page) {
        String html = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION_COOKIE, session)
                .get(page)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = CSRF_HIDDEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError(page + " shows no form with a CSRF token");
        }
        return m.group(1);
    }
}
