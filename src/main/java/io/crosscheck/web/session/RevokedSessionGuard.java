package io.crosscheck.web.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Refuses a web UI session cookie issued before its user signed out ({@link SessionRevocations}). Quarkus' form login
 * restores a session from its cookie as a trusted authentication request (the user name, no password); this provider
 * sees that request first, reads when the cookie was issued ({@link SessionCookie}) and fails the authentication when
 * the user has signed out since, so the request is treated as signed out (the pages redirect to the login form) and no
 * renewed cookie is issued. Otherwise it decides nothing and the user store's provider builds the identity. The
 * user's sign-out instant is left on the request ({@link #REVOKED_BEFORE}) for the CSRF token, which is bound to it.
 */
@ApplicationScoped
public class RevokedSessionGuard implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Routing-context key: the signed-in user's sign-out instant ({@link SessionRevocations#revokedBefore}). */
    public static final String REVOKED_BEFORE = "crosscheck.session.revoked-before";

    private static final Logger LOG = Logger.getLogger(RevokedSessionGuard.class);

    private final SessionCookie cookies;
    private final SessionRevocations revocations;
    private final AtomicBoolean warned = new AtomicBoolean();

    RevokedSessionGuard(SessionCookie cookies, SessionRevocations revocations) {
        this.cookies = cookies;
        this.revocations = revocations;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Before the user store's provider (the interface default, 1001); providers are tried from the highest down. */
    @Override
    public int priority() {
        return 3_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = rc == null ? null : rc.request().getCookie(cookies.name());
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        if (!cookies.readable()) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("No session key is configured (CROSSCHECK_SESSION_KEY): signing out of the web UI cannot"
                        + " end a session on the server");
            }
            return Uni.createFrom().nullItem();
        }
        OptionalLong issued = cookies.issuedAt(cookie.getValue());
        String user = request.getPrincipal();
        return context.runBlocking(() -> {
            long revokedBefore = revocations.revokedBefore(user);
            if (issued.isEmpty() || issued.getAsLong() <= revokedBefore) {
                throw new AuthenticationFailedException("session ended");
            }
            rc.put(REVOKED_BEFORE, revokedBefore);
            return null;
        });
    }
}
