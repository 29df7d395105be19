package io.crosscheck.security;

import io.crosscheck.common.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

/**
 * Which users an administrator manages. The administrators of the default clinic
 * ({@code crosscheck.security.default-clinic}) run the deployment: they create clinics and manage the users of every
 * clinic. An administrator of any other clinic manages the users of their own clinic only; to them the users of other
 * clinics do not exist (404), and they cannot create clinics.
 */
@ApplicationScoped
public class AdminScope {

    private final Caller caller;
    private final SecurityConfig config;

    AdminScope(Caller caller, SecurityConfig config) {
        this.caller = caller;
        this.config = config;
    }

    /** An administrator of the default clinic. */
    public boolean deploymentAdmin() {
        return config.defaultClinic().equals(caller.clinicId());
    }

    /** Whether the caller manages the users of this clinic. */
    public boolean manages(String clinic) {
        return deploymentAdmin() || (clinic != null && clinic.equals(caller.clinicId()));
    }

    /** The clinic of a new user when none is given: the caller's (the default clinic for a deployment admin). */
    public String defaultClinicOfNewUsers() {
        return deploymentAdmin() ? config.defaultClinic() : caller.clinicId();
    }

    /** The user of this name if the caller manages them; else 404, as for a name that does not exist. */
    public AppUser managed(String username) {
        AppUser u = AppUser.byName(username);
        if (u == null || !manages(u.clinicId)) {
            throw new NotFoundException();
        }
        return u;
    }

    public String callerName() {
        return caller.name();
    }
}
