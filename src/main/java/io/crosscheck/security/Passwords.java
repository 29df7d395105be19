package io.crosscheck.security;

import io.crosscheck.common.problem.FieldError;
import java.util.List;

/** The password rule of the embedded users: 12 to 72 characters (bcrypt reads at most 72 bytes). */
final class Passwords {

    static final int MIN = 12;
    static final int MAX = 72;

    private Passwords() {}

    /** Adds an error naming {@code field} when the password breaks the rule; never echoes the password. */
    static void check(String field, String password, List<FieldError> errors) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            errors.add(new FieldError(field, MIN + " to " + MAX + " characters"));
        }
    }
}
