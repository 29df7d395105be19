package io.crosscheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The web UI's session cookie names a user who signed in earlier (a trusted request, which quarkus-security-jpa's
 * trusted provider turns into an identity). This provider runs first: a session of a user who has since been
 * disabled, or whose account is locked, is refused, and the browser is sent to the login page. Users the database
 * does not know are left to the next provider.
 */
@ApplicationScoped
public class ActiveSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountGuard guard;

    ActiveSessions(AccountGuard guard) {
        this.guard = guard;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return VerifiedCredentials.PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            if (guard.account(request.getPrincipal())
                    .filter(a -> a.refusedAt(guard.now()))
                    .isPresent()) {
                throw new AuthenticationFailedException();
            }
            return null;
        });
    }
}
