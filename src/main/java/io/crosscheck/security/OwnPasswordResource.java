package io.crosscheck.security;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A signed-in database user changes their own password, giving the old one (a wrong old password is a 422 and counts
 * as a wrong password towards the lockout). Audited ({@code user.password}).
 */
@Path("/api/v1/account/password")
@RolesAllowed({Role.PHYSIO, Role.AUTHOR, Role.ADMIN})
public class OwnPasswordResource {

    /** The old password and the new one. */
    public record PasswordChange(String oldPassword, String newPassword) {}

    private final AdminScope scope;
    private final VerifiedCredentials credentials;
    private final AccountGuard guard;
    private final Event<AuditEvent> audit;

    OwnPasswordResource(
            AdminScope scope, VerifiedCredentials credentials, AccountGuard guard, Event<AuditEvent> audit) {
        this.scope = scope;
        this.credentials = credentials;
        this.guard = guard;
        this.audit = audit;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your own password (the old one required)")
    public Response change(PasswordChange body) {
        String name = scope.callerName();
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.oldPassword() == null) {
            errors.add(new FieldError("/oldPassword", "required"));
        }
        Passwords.check("/newPassword", body == null ? null : body.newPassword(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        AccountGuard.Account account = guard.account(name)
                .orElseThrow(() -> new InvalidRequestException(
                        422, List.of(new FieldError("", "only users of the embedded store have a password here"))));
        if (!VerifiedCredentials.verify(
                account.passwordHash(), body.oldPassword().toCharArray())) {
            guard.failed(name, null);
            throw new InvalidRequestException(422, List.of(new FieldError("/oldPassword", "not your password")));
        }
        String hash = BcryptUtil.bcryptHash(body.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser.update("password = ?1 where username = ?2", hash, name);
            audit.fire(new AuditEvent(AuditEvent.USER_PASSWORD, name, null, "changed by the user"));
        });
        credentials.clear();
        return Response.noContent().build();
    }
}
