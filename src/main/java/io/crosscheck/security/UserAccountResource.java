package io.crosscheck.security;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An administrator disables and enables a user (enabling also lifts a lock from wrong passwords) and sets a new
 * password for them; all audited, each taking effect at once (remembered credentials are forgotten, and sign-in reads
 * the user's row on every request). Users of other clinics are 404 unless the caller administers the default clinic.
 */
@Path("/api/v1/admin/users/{username}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UserAccountResource {

    /** A new password set by an administrator. */
    public record NewPassword(String password) {}

    private final AdminScope scope;
    private final VerifiedCredentials credentials;
    private final Event<AuditEvent> audit;

    UserAccountResource(AdminScope scope, VerifiedCredentials credentials, Event<AuditEvent> audit) {
        this.scope = scope;
        this.credentials = credentials;
        this.audit = audit;
    }

    @POST
    @Path("disable")
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the form, multipart and text bodies a cross-site page can
    // send
    @Transactional
    @Operation(summary = "Disable a user: every sign-in and session refused at once")
    public UserResource.UserView disable(@PathParam("username") String username) {
        AppUser u = scope.managed(username);
        if (u.username.equals(scope.callerName())) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("username", "you cannot disable yourself", username)));
        }
        u.disabled = true;
        credentials.clear();
        audit.fire(new AuditEvent(AuditEvent.USER_DISABLE, u.username, null, null));
        return UserResource.UserView.of(u);
    }

    @POST
    @Path("enable")
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the form, multipart and text bodies a cross-site page can
    // send
    @Transactional
    @Operation(summary = "Enable a user again; also lifts a lock from wrong passwords")
    public UserResource.UserView enable(@PathParam("username") String username) {
        AppUser u = scope.managed(username);
        boolean wasLocked = u.lockedAt(java.time.Instant.now());
        u.disabled = false;
        u.lockedUntil = null;
        u.failedLogins = 0;
        u.failedSince = null;
        audit.fire(new AuditEvent(AuditEvent.USER_ENABLE, u.username, null, wasLocked ? "lock lifted" : null));
        return UserResource.UserView.of(u);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set a user's password (12 to 72 characters); the old one stops working at once")
    public Response password(@PathParam("username") String username, NewPassword body) {
        List<FieldError> errors = new ArrayList<>();
        Passwords.check("/password", body == null ? null : body.password(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        AppUser u = scope.managed(username);
        u.password = BcryptUtil.bcryptHash(body.password());
        credentials.clear();
        audit.fire(new AuditEvent(AuditEvent.USER_PASSWORD, u.username, null, "set by an administrator"));
        return Response.noContent().build();
    }
}
