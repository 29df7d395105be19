package io.crosscheck.security;

import io.crosscheck.common.access.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The caller as the lower layers see it, read from the request's security identity. */
@ApplicationScoped
public class SecurityCaller implements Caller {

    private final Instance<CurrentIdentityAssociation> identities;
    private final Instance<HttpServerRequest> requests;

    SecurityCaller(Instance<CurrentIdentityAssociation> identities, Instance<HttpServerRequest> requests) {
        this.identities = identities;
        this.requests = requests;
    }

    private SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        SecurityIdentity identity = identities.get().getIdentity();
        return identity == null || identity.isAnonymous() ? null : identity;
    }

    @Override
    public String name() {
        SecurityIdentity identity = identity();
        return identity == null ? SYSTEM : identity.getPrincipal().getName();
    }

    @Override
    public String clinicId() {
        SecurityIdentity identity = identity();
        return identity == null ? null : identity.getAttribute(ClinicAugmentor.CLINIC);
    }

    @Override
    public String address() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            SocketAddress remote = requests.get().remoteAddress();
            return remote == null ? null : remote.hostAddress();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
