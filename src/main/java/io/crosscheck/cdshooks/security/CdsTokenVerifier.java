package io.crosscheck.cdshooks.security;

import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.UsedTokenId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a CDS Hooks 2.0 bearer JWT: the issuer is a registered EHR client; the signature verifies with
 * one of its keys (its stored JWKS, or the JWKS at its registered URL; a {@code jku} header must name
 * that URL); only RS384 and ES384 are accepted ({@code none} and HMAC never); {@code aud} is the URL of
 * the service called; {@code exp}, {@code iat} and {@code jti} are present, the token is unexpired and
 * recent, and its {@code jti} has not been used by that issuer before (kept in the database). Blocking:
 * called on a worker thread. Log lines name the issuer and the reason, never the token.
 */
@ApplicationScoped
public class CdsTokenVerifier {

    private static final Logger LOG = Logger.getLogger(CdsTokenVerifier.class);
    /** CDS Hooks 2.0: EHRs sign with ES384 or RS384. */
    static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    /** The verified caller: issuer and clinic. */
    public record Verified(String issuer, String clinicId, String jti) {
    }

    private final EhrConfig config;
    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, HttpsJwks> remoteKeySets = new ConcurrentHashMap<>();

    CdsTokenVerifier(EhrConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    public Verified verify(String token, List<String> audiences) {
        JwtContext unverified;
        try {
            // read the claims to find the issuer; nothing is trusted until the checks below pass
            unverified = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().setJwsAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS).build().process(token);
        } catch (InvalidJwtException e) {
            throw refused(null, "not a JWT");
        }
        String issuer;
        try {
            issuer = unverified.getJwtClaims().getIssuer();
        } catch (MalformedClaimException e) {
            throw refused(null, "malformed iss");
        }
        if (issuer == null || unverified.getJoseObjects().size() != 1) {
            throw refused(null, "no iss, or a nested token");
        }
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findByIdOptional(issuer).orElse(null));
        if (client == null) {
            throw refused(issuer, "issuer not registered");
        }
        String jku = unverified.getJoseObjects().get(0).getHeader("jku");
        if (jku != null && !jku.equals(client.jwksUrl)) {
            throw refused(issuer, "jku is not the registered JWKS URL");
        }
        long skew = config.clockSkew().toSeconds();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setVerificationKeyResolver(keys(client))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(true, audiences.toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions((int) skew, (int) (config.tokenMaxAge().toSeconds() + skew))
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) skew)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        JwtClaims claims;
        try {
            consumer.processContext(unverified);
            claims = unverified.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw refused(issuer, reason(e));
        }
        String jti;
        Instant expires;
        try {
            jti = claims.getJwtId();
            expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        } catch (MalformedClaimException e) {
            throw refused(issuer, "malformed jti or exp");
        }
        if (jti.isBlank() || jti.length() > 255) {
            throw refused(issuer, "jti empty or too long");
        }
        remember(issuer, jti, expires.plusSeconds(skew));
        return new Verified(issuer, client.clinicId, jti);
    }

    /** Records the jti; a second use by the same issuer hits the primary key and is refused. */
    private void remember(String issuer, String jti, Instant expires) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createQuery("delete from UsedTokenId u where u.expiresAt < :now").setParameter("now", clock.instant()).executeUpdate();
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

    private VerificationKeyResolver keys(EhrClient client) {
        try {
            if (client.jwks != null && !client.jwks.isBlank()) {
                return new JwksVerificationKeyResolver(new JsonWebKeySet(client.jwks).getJsonWebKeys());
            }
        } catch (JoseException e) {
            throw refused(client.issuer, "the registered JWKS does not parse");
        }
        if (client.jwksUrl == null) {
            throw refused(client.issuer, "no keys registered");
        }
        HttpsJwks remote = remoteKeySets.computeIfAbsent(client.jwksUrl, url -> {
            HttpsJwks h = new HttpsJwks(url);
            h.setDefaultCacheDuration(config.jwksCacheTtl().toSeconds());
            return h;
        });
        return new HttpsJwksVerificationKeyResolver(remote);
    }

    /** Forgets the cached key set of a URL (after a client's registration changes). */
    public void forget(String jwksUrl) {
        if (jwksUrl != null) {
            remoteKeySets.remove(jwksUrl);
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.getErrorDetails().isEmpty()) {
            return "invalid";
        }
        return e.getErrorDetails().stream().map(d -> "code " + d.getErrorCode()).distinct().reduce((a, b) -> a + ", " + b).orElse("invalid");
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
