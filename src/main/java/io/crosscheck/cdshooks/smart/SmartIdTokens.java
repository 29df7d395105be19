package io.crosscheck.cdshooks.smart;

import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.security.JwtKeySources;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartLaunch;
import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a SMART launch's {@code id_token} with SmallRye JWT: the authorisation server's keys (its {@code jwks_uri},
 * else the EHR client's registered keys) and issuer, audience = the client_id, RS256/RS384/ES256/ES384 only, unexpired.
 */
@ApplicationScoped
class SmartIdTokens {

    static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(
            SignatureAlgorithm.RS256, SignatureAlgorithm.RS384, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384);

    private final EhrConfig config;
    private final JwtKeySources keySources;

    SmartIdTokens(EhrConfig config, JwtKeySources keySources) {
        this.config = config;
        this.keySources = keySources;
    }

    /** The verified id_token; 403 otherwise. */
    JsonWebToken verify(String idToken, SmartLaunch launch, EhrClient client) {
        JwtKeySources.KeySource keys = launch.jwksUri != null
                ? new JwtKeySources.KeySource("smart-id-token", client.issuer, null, launch.jwksUri)
                : new JwtKeySources.KeySource("smart-id-token", client.issuer, client.jwks, client.jwksUrl);
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setKeyFormat(KeyFormat.JWK);
        info.setIssuedBy(launch.tokenIssuer);
        info.setExpectedAudience(Set.of(client.smartClientId));
        info.setSignatureAlgorithm(ALGORITHMS);
        info.setClockSkew((int) config.clockSkew().toSeconds());
        try {
            // the keys of this authorisation server only, read once per key source (not per launch)
            return keySources.verify(
                    keys, idToken, info, (int) config.jwksCacheTtl().toMinutes());
        } catch (ParseException | RuntimeException e) {
            throw SmartLaunchRefused.identity(client.issuer, "id_token not accepted (" + JwtKeySources.reason(e) + ")");
        }
    }
}
