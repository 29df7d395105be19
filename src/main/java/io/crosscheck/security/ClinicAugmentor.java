package io.crosscheck.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Adds the caller's clinic to every identity (attribute {@value #CLINIC}): from the user's row for
 * database users (those verified by {@link VerifiedCredentials} carry it already), from the configured
 * token claim for OpenID Connect. An identity without a clinic gets none, and every client-data
 * query then returns nothing for it.
 */
@ApplicationScoped
public class ClinicAugmentor implements SecurityIdentityAugmentor {

    public static final String CLINIC = "crosscheck.clinic";

    private final SecurityConfig config;

    ClinicAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (identity.isAnonymous() || identity.getAttribute(CLINIC) != null) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(config.clinicClaim());
            return Uni.createFrom()
                    .item(
                            claim == null
                                    ? identity
                                    : QuarkusSecurityIdentity.builder(identity)
                                            .addAttribute(CLINIC, claim.toString())
                                            .build());
        }
        return context.runBlocking(() -> {
            String name = identity.getPrincipal().getName();
            String clinic = QuarkusTransaction.requiringNew().call(() -> {
                AppUser user = AppUser.byName(name);
                return user == null ? null : user.clinicId;
            });
            if (clinic == null) {
                return identity;
            }
            return QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(CLINIC, clinic)
                    .build();
        });
    }
}
