package io.crosscheck.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to a session: a random nonce and an HMAC of the user name, the user's last sign-out
 * ({@link SessionRevocations}) and the nonce. Only the server can make one, a token shown to one user is worthless in
 * another user's session, and signing out retires every token of the sessions it ends. The key is derived from the
 * session key, so every node accepts the tokens of the others; without a session key, from a key of this process.
 */
@ApplicationScoped
public class CsrfTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    CsrfTokens(SessionCookie cookie) {
        byte[] k = cookie.sessionKey()
                .map(s -> hmac(new SecretKeySpec(s, "HmacSHA256"), "crosscheck csrf token key v1"))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** A new token for this user's session. */
    public String issue(String user, long revokedBefore) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return n + "." + mac(user, revokedBefore, n);
    }

    /** Whether {@code token} was issued by this service for this user's current session. */
    public boolean valid(String token, String user, long revokedBefore) {
        if (token == null || user == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        String expected = mac(user, revokedBefore, token.substring(0, dot));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String user, long revokedBefore, String nonce) {
        return B64.encodeToString(hmac(key, user + '\0' + revokedBefore + '\0' + nonce));
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
