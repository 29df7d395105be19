package io.crosscheck.cdshooks.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * SmallRye JWT verification with one principal factory per key source (an EHR's stored JWKS, or a JWKS
 * URL), used by the CDS Hooks bearer tokens and the SMART launch's id_tokens. SmallRye caches the key
 * resolver, and with it the fetched JWKS and its refresh interval, inside a factory's token parser; and
 * {@code new DefaultJWTParser(info)} shares one process-wide factory, whose resolver would keep the keys
 * of the first token it checked. A factory per key source reads each source's keys once, keeps sources
 * apart, and lets a changed registration (another key source) start afresh.
 */
@ApplicationScoped
public class JwtKeySources {

    /**
     * What the keys check ({@code purpose}: the key resolver is built with the first check's algorithms, so
     * CDS Hooks tokens and SMART id_tokens never share one), whose keys they are (an EHR client's issuer),
     * and where they are: the JWKS itself, or else its URL.
     */
    public record KeySource(String purpose, String owner, String jwks, String jwksUrl) {
        public KeySource {
            if (jwks != null && jwks.isBlank()) {
                jwks = null;
            }
            if (jwks != null) {
                jwksUrl = null;
            }
        }

        public boolean hasKeys() {
            return jwks != null || jwksUrl != null;
        }
    }

    private final Map<KeySource, JWTCallerPrincipalFactory> factories = new ConcurrentHashMap<>();

    /**
     * Verifies {@code token} against the source's keys and the claims expected by {@code expected}, whose
     * key settings are set here from the source ({@code refreshMinutes}: how long a fetched JWKS is kept).
     */
    public JsonWebToken verify(KeySource source, String token, JWTAuthContextInfo expected, int refreshMinutes)
            throws ParseException {
        if (source.jwks() != null) {
            expected.setPublicKeyContent(source.jwks());
        } else {
            expected.setPublicKeyLocation(source.jwksUrl());
            expected.setJwksRefreshInterval(Math.max(1, refreshMinutes));
        }
        return factories
                .computeIfAbsent(source, s -> new DefaultJWTCallerPrincipalFactory())
                .parse(token, expected);
    }

    /** Forgets the cached keys of an owner (after its registration changes or is removed). */
    public void forget(String owner) {
        if (owner != null) {
            factories.keySet().removeIf(k -> owner.equals(k.owner()));
        }
    }

    /**
     * Why a token was refused, for a log line: the failed checks' jose4j error codes (its message would
     * quote the claims), or SmallRye's own message, which names the check and never the token.
     */
    public static String reason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InvalidJwtException invalid
                    && !invalid.getErrorDetails().isEmpty()) {
                return invalid.getErrorDetails().stream()
                        .map(d -> "code " + d.getErrorCode())
                        .distinct()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("invalid");
            }
        }
        Throwable cause = e.getCause() instanceof ParseException || e.getCause() == null ? e : e.getCause();
        return cause instanceof InvalidJwtException || cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getMessage().lines().findFirst().orElse("invalid");
    }
}
