package io.crosscheck.cdshooks.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.UsedTokenId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks a CDS Hooks 2.0 bearer JWT with SmallRye JWT: the issuer is a registered EHR client; the
 * signature verifies with one of its keys (its stored JWKS, or the JWKS at its registered URL; a
 * {@code jku} header must name that URL); only RS384 and ES384 are accepted ({@code none} and HMAC
 * never); {@code aud} is the URL of the service called; {@code exp}, {@code iat} and {@code jti} are
 * present, the token is unexpired, not issued in the future and recent, and its {@code jti} has not been
 * used by that issuer before (kept in the database). Blocking: called on a worker thread. Log lines name
 * the issuer and the reason, never the token.
 */
@ApplicationScoped
public class CdsTokenVerifier {

    private static final Logger LOG = Logger.getLogger(CdsTokenVerifier.class);
    /** CDS Hooks 2.0: EHRs sign with ES384 or RS384. */
    static final Set<SignatureAlgorithm> ALGORITHMS = EnumSet.of(SignatureAlgorithm.RS384, SignatureAlgorithm.ES384);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verified caller: issuer and clinic. */
    public record Verified(String issuer, String clinicId, String jti) {}

    private final EhrConfig config;
    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();
    private final JwtKeySources keySources;

    CdsTokenVerifier(EhrConfig config, EntityManager em, JwtKeySources keySources) {
        this.config = config;
        this.em = em;
        this.keySources = keySources;
    }

    public Verified verify(String token, List<String> audiences) {
        // read the issuer (to find the client) and the header (for jku); nothing is trusted until SmallRye
        // JWT has verified the token against that client's keys below
        JsonWebToken unverified;
        try {
            unverified = new DefaultJWTParser().parseOnly(token);
        } catch (ParseException | RuntimeException e) {
            unverified = null;
        }
        if (unverified == null) {
            throw refused(null, "not a JWT");
        }
        String issuer = unverified.getIssuer();
        if (issuer == null) {
            throw refused(null, "no iss");
        }
        JsonNode header = header(token);
        if (header == null) {
            throw refused(issuer, "malformed header");
        }
        EhrClient client = QuarkusTransaction.requiringNew()
                .call(() -> EhrClient.<EhrClient>findByIdOptional(issuer).orElse(null));
        if (client == null) {
            throw refused(issuer, "issuer not registered");
        }
        String jku = header.path("jku").isTextual() ? header.get("jku").asText() : null;
        if (header.has("jku") && (jku == null || !jku.equals(client.jwksUrl))) {
            throw refused(issuer, "jku is not the registered JWKS URL");
        }
        long skew = config.clockSkew().toSeconds();
        JwtKeySources.KeySource keys =
                new JwtKeySources.KeySource("cds-hooks", client.issuer, client.jwks, client.jwksUrl);
        if (!keys.hasKeys()) {
            throw refused(issuer, "no keys registered");
        }
        if (keys.jwksUrl() != null && !config.schemeAllowed(keys.jwksUrl())) {
            throw refused(issuer, "the registered JWKS URL is not https");
        }
        JWTAuthContextInfo expected = new JWTAuthContextInfo();
        expected.setSignatureAlgorithm(ALGORITHMS);
        expected.setIssuedBy(issuer);
        expected.setExpectedAudience(Set.copyOf(audiences));
        expected.setRequiredClaims(Set.of("exp", "iat", "jti"));
        expected.setTokenAge(config.tokenMaxAge().toSeconds() + skew);
        expected.setClockSkew((int) skew);
        // CDS Hooks does not require sub (the specification's example token has none); SmallRye does by default
        expected.setRequireNamedPrincipal(false);
        JsonWebToken verified;
        try {
            verified = keySources.verify(
                    keys, token, expected, (int) config.jwksCacheTtl().toMinutes());
        } catch (ParseException e) {
            throw refused(issuer, JwtKeySources.reason(e));
        }
        long now = clock.instant().getEpochSecond();
        if (verified.getIssuedAtTime() > now + skew) {
            throw refused(issuer, "iat in the future");
        }
        String jti = verified.getTokenID();
        if (jti == null || jti.isBlank() || jti.length() > 255) {
            throw refused(issuer, "jti empty or too long");
        }
        remember(
                issuer, jti, Instant.ofEpochSecond(verified.getExpirationTime()).plusSeconds(skew));
        return new Verified(issuer, client.clinicId, jti);
    }

    /** The token's JOSE header, or null when it is not a compact JWS of a JSON header. */
    private static JsonNode header(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(
                    new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Records the jti; a second use by the same issuer hits the primary key and is refused. */
    private void remember(String issuer, String jti, Instant expires) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createQuery("delete from UsedTokenId u where u.expiresAt < :now")
                        .setParameter("now", clock.instant())
                        .executeUpdate();
                UsedTokenId used = new UsedTokenId();
                used.key = new UsedTokenId.Key(issuer, jti);
                used.expiresAt = expires;
                em.persist(used);
                em.flush();
            });
        } catch (RuntimeException e) {
            if (hasCause(e, org.hibernate.exception.ConstraintViolationException.class)
                    || hasCause(e, java.sql.SQLIntegrityConstraintViolationException.class)) {
                throw refused(issuer, "jti already used (replay)");
            }
            throw e;
        }
    }

    /** Forgets the cached keys of a client (after its registration changes or is removed). */
    public void forget(String issuer) {
        keySources.forget(issuer);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static AuthenticationFailedException refused(String issuer, String why) {
        LOG.debugf("CDS Hooks token refused (issuer %s): %s", issuer == null ? "-" : issuer, why);
        return new AuthenticationFailedException("CDS Hooks token refused: " + why);
    }
}
