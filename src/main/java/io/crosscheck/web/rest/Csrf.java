package io.crosscheck.web.rest;

import io.crosscheck.common.problem.Problem;
import io.crosscheck.web.session.CsrfTokens;
import io.crosscheck.web.session.RevokedSessionGuard;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF protection of the pages' forms. A page that shows a form puts a token in a hidden field
 * ({@code {inject:csrf.token}} in the templates) and in the {@code crosscheck-csrf} cookie (HttpOnly, SameSite=Strict,
 * Secure, path /ui); every form post must send both, equal, and the token must be one this service issued for the
 * signed-in user's current session ({@link CsrfTokens}: an HMAC of the user, their last sign-out and a nonce). A
 * cross-site page can make a browser post a form, but can neither read the token nor make one that fits the session,
 * even where it could plant a cookie. The JSON API is not a form target and is left alone.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "crosscheck-csrf";

    private final CsrfTokens tokens;
    private final String user;
    private final long revokedBefore;
    private final String fromCookie;
    private String issued;

    Csrf(HttpHeaders headers, SecurityIdentity identity, RoutingContext rc, CsrfTokens tokens) {
        this.tokens = tokens;
        this.user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        Object revoked = rc.get(RevokedSessionGuard.REVOKED_BEFORE);
        this.revokedBefore = revoked instanceof Long l ? l : 0L;
        Cookie c = headers.getCookies().get(COOKIE);
        this.fromCookie = c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    public String getParameterName() {
        return FIELD;
    }

    /** The browser's token if it fits this session, or a new one (then set as the cookie with this response). */
    public String getToken() {
        if (fromCookie != null && tokens.valid(fromCookie, user, revokedBefore)) {
            return fromCookie;
        }
        if (issued == null) {
            issued = tokens.issue(user == null ? "" : user, revokedBefore);
        }
        return issued;
    }

    String issued() {
        return issued;
    }

    /** Refuses the post (403 problem) unless both tokens are present, equal and issued for this session. */
    public void verify(String formToken, String cookieToken) {
        if (formToken == null
                || cookieToken == null
                || formToken.isEmpty()
                || !MessageDigest.isEqual(
                        formToken.getBytes(StandardCharsets.UTF_8), cookieToken.getBytes(StandardCharsets.UTF_8))
                || !tokens.valid(formToken, user, revokedBefore)) {
            throw new WebApplicationException(Problem.of(
                            "csrf",
                            "Forbidden",
                            403,
                            "The form's security token is missing or does not match: reload the page and submit again.")
                    .toResponse());
        }
    }
}
