package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An Idempotency-Key is stored with a SHA-256 digest of the request body it came with. A retry (the key and the same
 * body) is answered with the first screening; the key with another body is a 422 naming the {@code Idempotency-Key}
 * header, as the IETF httpapi idempotency-key draft says, whoever sent the first. Screenings stored before bodies
 * were digested match any body, as before.
 */
final class IdempotentRequests {

    private IdempotentRequests() {}

    /** Stores the key, and the digest of the body it came with, on the screening about to be saved. */
    static void stamp(Screening screening, String key, String body) {
        screening.idempotencyKey = key;
        screening.idempotencyDigest = key == null ? null : digest(body);
    }

    /** SHA-256 of a request body (hex). */
    static String digest(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The earlier screening of this key if it came with the same body; a 422 if with another. */
    static Optional<Screening> sameBody(Optional<Screening> earlier, String key, String body) {
        if (earlier.isPresent()
                && earlier.get().idempotencyDigest != null
                && !earlier.get().idempotencyDigest.equals(digest(body))) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "Idempotency-Key",
                            "already used with a different request body: send a new key with a new request",
                            key)));
        }
        return earlier;
    }
}
