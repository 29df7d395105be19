package io.crosscheck.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Which challenge an unauthenticated caller gets. With the web UI's form login beside HTTP Basic and
 * bearer tokens, Quarkus asks the mechanisms in priority order, and the form's challenge is a redirect
 * to the login page: right for a browser on the pages, wrong for an API client. This mechanism
 * authenticates nobody; it answers the challenge first, with 401 and {@code WWW-Authenticate: Basic}, for
 * every path but the pages (/ui, whose permission names the form mechanism alone).
 */
@ApplicationScoped
public class ApiChallenge implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.equals("/ui") || path.startsWith("/ui/")) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Quarkus\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 5000;
    }
}
