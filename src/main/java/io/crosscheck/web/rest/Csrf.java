package io.crosscheck.web.rest;

import io.crosscheck.common.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of the pages' forms (double submit). A page that shows a form puts a random token
 * in a hidden field ({@code {inject:csrf.token}} in the templates) and in the {@code crosscheck-csrf}
 * cookie (HttpOnly, SameSite=Strict, path /ui); every form post must send both, equal. A cross-site
 * page can make a browser post a form, but cannot read or set that cookie. The JSON API is not a form
 * target and is left alone.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "crosscheck-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String fromCookie;
    private String issued;

    Csrf(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(COOKIE);
        this.fromCookie = c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    public String getParameterName() {
        return FIELD;
    }

    /** The browser's token, or a new one (then set as the cookie with this response). */
    public String getToken() {
        if (fromCookie != null) {
            return fromCookie;
        }
        if (issued == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            issued = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return issued;
    }

    String issued() {
        return issued;
    }

    /** Refuses the post (403 problem) unless both tokens are present and equal. */
    public static void verify(String formToken, String cookieToken) {
        if (formToken == null
                || cookieToken == null
                || formToken.isEmpty()
                || !MessageDigest.isEqual(
                        formToken.getBytes(StandardCharsets.UTF_8), cookieToken.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Problem.of(
                            "csrf",
                            "Forbidden",
                            403,
                            "The form's security token is missing or does not match: reload the page and submit again.")
                    .toResponse());
        }
    }
}
