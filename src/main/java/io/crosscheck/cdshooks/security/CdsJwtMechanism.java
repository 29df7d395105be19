package io.crosscheck.cdshooks.security;

import io.crosscheck.cdshooks.config.PublicBaseUrl;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Authenticates CDS Hooks service calls ({@code POST /cds-services/{id}} and its feedback) by the bearer
 * JWT of the CDS Hooks 2.0 security model, and nothing else: HTTP Basic and OIDC never see these paths
 * ({@code quarkus.http.auth.permission.cds-hooks.auth-mechanism=cds-hooks}), and this mechanism ignores
 * every other path. Discovery ({@code GET /cds-services}) is public, as the specification says.
 */
@ApplicationScoped
public class CdsJwtMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "cds-hooks";
    static final String BASE = "/cds-services";

    private final PublicBaseUrl baseUrl;

    CdsJwtMechanism(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    static boolean serviceCall(String path) {
        return path.startsWith(BASE + "/") && path.length() > BASE.length() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        if (!serviceCall(path) || "OPTIONS".equals(context.request().method().name())) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            return Uni.createFrom().failure(new AuthenticationFailedException("a CDS Hooks bearer JWT is required"));
        }
        return identities.authenticate(new CdsTokenRequest(header.substring(7).trim(), audiences(context, path)));
    }

    /**
     * The URL the token must name as {@code aud}: the endpoint invoked (CDS Hooks 2.0: "the URL of the CDS Service
     * endpoint being invoked"), so a feedback call's token names the feedback endpoint, not the service.
     */
    List<String> audiences(RoutingContext context, String path) {
        return List.of(baseUrl.of(context.request()) + path); // never the Host header
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CdsTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
