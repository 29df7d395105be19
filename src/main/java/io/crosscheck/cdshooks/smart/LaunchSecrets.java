package io.crosscheck.cdshooks.smart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The random values of a SMART launch (state, browser binding, PKCE verifier) and the digests they are kept as. */
final class LaunchSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LaunchSecrets() {}

    /** 32 random bytes, base64url without padding (43 characters). */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PKCE S256 code challenge of a verifier. */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The hex SHA-256 of a value, as stored instead of the value. */
    static String digest(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code value} has the stored digest, compared in constant time. */
    static boolean matches(String value, String storedDigest) {
        return value != null
                && MessageDigest.isEqual(
                        digest(value).getBytes(StandardCharsets.US_ASCII),
                        storedDigest.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
