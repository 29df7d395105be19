package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.quarkus.security.identity.SecurityIdentity;

/** What every page's frame shows: who is signed in and which sections their roles open. */
public record Chrome(String user, boolean physio, boolean author, boolean admin, String section) {

    static Chrome of(SecurityIdentity identity, String section) {
        if (identity == null || identity.isAnonymous()) {
            return new Chrome(null, false, false, false, section);
        }
        return new Chrome(
                identity.getPrincipal().getName(),
                identity.hasRole(Role.PHYSIO),
                identity.hasRole(Role.AUTHOR),
                identity.hasRole(Role.ADMIN),
                section);
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean in(String s) {
        return s.equals(section);
    }
}
