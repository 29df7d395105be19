package io.crosscheck.web.rest;

import io.crosscheck.common.problem.Problem;
import jakarta.ws.rs.WebApplicationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF check of the pages' form posts (double submit): the token in the hidden form field must be
 * the one in the {@code crosscheck-csrf} cookie that quarkus-rest-csrf set when the form was served.
 * A cross-site page can make a browser post a form, but cannot read or set that cookie.
 */
public final class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "crosscheck-csrf";

    private Csrf() {
    }

    /** Refuses the post (403 problem) unless both tokens are present and equal. */
    public static void verify(String formToken, String cookieToken) {
        if (formToken == null || cookieToken == null || formToken.isEmpty()
                || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8), cookieToken.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Problem.of("csrf", "Forbidden", 403,
                    "The form's security token is missing or does not match: reload the page and submit again.").toResponse());
        }
    }
}
