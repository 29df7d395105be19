package io.crosscheck.web.session;

import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads when a web UI session cookie was issued. The cookie is Quarkus' form-login cookie: as Quarkus documents it, its
 * value is encrypted with AES-256-GCM under the SHA-256 digest of the session key
 * ({@code quarkus.http.auth.session.encryption-key}) and holds the user name and the instant the session expires if
 * idle ({@code quarkus.http.auth.form.timeout} after the cookie was issued; a fresh cookie is issued every
 * {@code new-cookie-interval} while the session is used). Without a configured session key (Quarkus then uses a random
 * key of its own) no cookie can be read here.
 */
@ApplicationScoped
public class SessionCookie {

    private final String cookieName;
    private final long timeoutMillis;
    private final SecretKey key;
    private final byte[] sessionKey;

    SessionCookie() {
        VertxHttpConfig http =
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class);
        FormAuthConfig form = http.auth().form();
        this.cookieName = form.cookieName();
        this.timeoutMillis = form.timeout().toMillis();
        Optional<String> configured = http.encryptionKey().filter(k -> !k.isBlank());
        this.sessionKey =
                configured.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.key = configured.map(SessionCookie::aesKey).orElse(null);
    }

    /** The form-login cookie's name ({@code quarkus.http.auth.form.cookie-name}). */
    public String name() {
        return cookieName;
    }

    /** Whether cookies can be read (a session key is configured, the same on every node). */
    public boolean readable() {
        return key != null;
    }

    /**
     * The configured session key's bytes, to derive other keys that every node shares (the CSRF tokens'); empty
     * without a configured key.
     */
    Optional<byte[]> sessionKey() {
        return Optional.ofNullable(sessionKey).map(byte[]::clone);
    }

    /** When the cookie was issued (epoch milliseconds); empty when it cannot be read. */
    public OptionalLong issuedAt(String value) {
        if (key == null || value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(value.getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[bytes.get()];
            bytes.get(iv);
            byte[] encrypted = new byte[bytes.remaining()];
            bytes.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon < 1) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(plain.substring(0, colon)) - timeoutMillis);
        } catch (GeneralSecurityException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static SecretKey aesKey(String configured) {
        try {
            return new SecretKeySpec(
                    MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
