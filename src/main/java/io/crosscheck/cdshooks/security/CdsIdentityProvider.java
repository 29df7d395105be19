package io.crosscheck.cdshooks.security;

import io.crosscheck.common.access.Role;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity of a verified CDS Hooks call: principal {@code ehr:<issuer>}, role {@link Role#EHR}, and the
 * clinic the EHR client is registered against (the attribute every client-data query filters by).
 */
@ApplicationScoped
public class CdsIdentityProvider implements IdentityProvider<CdsTokenRequest> {

    /** Same attribute name as {@code security.ClinicAugmentor.CLINIC} (read by the Caller). */
    public static final String CLINIC = "crosscheck.clinic";

    public static final String ISSUER = "crosscheck.ehr.issuer";

    private final CdsTokenVerifier verifier;

    CdsIdentityProvider(CdsTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<CdsTokenRequest> getRequestType() {
        return CdsTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CdsTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            CdsTokenVerifier.Verified v = verifier.verify(request.token(), request.audiences());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("ehr:" + v.issuer()))
                    .addRole(Role.EHR)
                    .addAttribute(CLINIC, v.clinicId())
                    .addAttribute(ISSUER, v.issuer())
                    .build();
        });
    }
}
