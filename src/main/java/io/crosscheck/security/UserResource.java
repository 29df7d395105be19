package io.crosscheck.security;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Users and clinics of the embedded identity store; administrators only, each managing the users of their own clinic
 * ({@link AdminScope}). Disabling, enabling and passwords: {@link UserAccountResource}.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UserResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** A new user: roles from physio, author, admin; the clinic must exist. */
    public record NewUser(String username, String password, List<String> roles, String clinic) {}

    /** A user as administrators see it: no password; {@code locked} by wrong passwords until {@code lockedUntil}. */
    public record UserView(
            String username,
            List<String> roles,
            String clinic,
            Instant createdAt,
            boolean disabled,
            boolean locked,
            Instant lockedUntil) {
        static UserView of(AppUser u) {
            boolean locked = u.lockedAt(Instant.now());
            return new UserView(
                    u.username,
                    Arrays.asList(u.roles.split(",")),
                    u.clinicId,
                    u.createdAt,
                    u.disabled,
                    locked,
                    locked ? u.lockedUntil : null);
        }
    }

    public record ClinicView(String id, String name) {}

    private final EntityManager em;
    private final VerifiedCredentials credentials;
    private final Event<AuditEvent> audit;
    private final AdminScope scope;

    UserResource(EntityManager em, VerifiedCredentials credentials, Event<AuditEvent> audit, AdminScope scope) {
        this.em = em;
        this.credentials = credentials;
        this.audit = audit;
        this.scope = scope;
    }

    @GET
    @Path("users")
    @Operation(
            summary = "Users of the embedded identity store (no passwords): every clinic's for an administrator of the"
                    + " default clinic, else the caller's clinic's")
    public List<UserView> users() {
        return AppUser.<AppUser>listAll().stream()
                .filter(u -> scope.manages(u.clinicId))
                .map(UserView::of)
                .toList();
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a user (bcrypt password, roles, clinic)")
    public Response create(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (user == null) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "a body is required")));
        }
        if (user.username() == null || !NAME.matcher(user.username()).matches()) {
            errors.add(new FieldError("/username", "1-64 letters, digits or . _ @ -", user.username()));
        } else if (AppUser.byName(user.username()) != null) {
            errors.add(new FieldError("/username", "already exists", user.username()));
        }
        Passwords.check("/password", user.password(), errors);
        if (user.roles() == null || user.roles().isEmpty() || !Role.ALL.containsAll(user.roles())) {
            errors.add(new FieldError(
                    "/roles", "one or more of " + Role.ALL.stream().sorted().toList()));
        }
        String clinic = user.clinic() == null ? scope.defaultClinicOfNewUsers() : user.clinic();
        if (!scope.manages(clinic)) {
            errors.add(new FieldError(
                    "/clinic",
                    "you manage the users of your own clinic only (" + scope.defaultClinicOfNewUsers() + ")",
                    clinic));
        } else if (clinicName(clinic) == null) {
            errors.add(new FieldError("/clinic", "no such clinic", clinic));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        AppUser u = new AppUser();
        u.username = user.username();
        u.password = BcryptUtil.bcryptHash(user.password());
        u.roles = String.join(",", user.roles().stream().distinct().sorted().toList());
        u.clinicId = clinic;
        u.createdAt = Instant.now();
        u.persist();
        credentials.clear();
        audit.fire(new AuditEvent(AuditEvent.USER_CREATE, u.username, null, "roles " + u.roles + ", clinic " + clinic));
        return Response.created(URI.create("/api/v1/admin/users/" + u.username))
                .entity(UserView.of(u))
                .build();
    }

    @GET
    @Path("clinics")
    @Operation(summary = "Clinics")
    @SuppressWarnings("unchecked")
    public List<ClinicView> clinics() {
        List<Object[]> rows =
                em.createNativeQuery("select id, name from clinic order by id").getResultList();
        return rows.stream()
                .map(r -> new ClinicView((String) r[0], (String) r[1]))
                .toList();
    }

    @POST
    @Path("clinics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a clinic (administrators of the default clinic only)")
    public Response createClinic(ClinicView clinic) {
        if (!scope.deploymentAdmin()) {
            throw new ForbiddenException("clinics are created by the administrators of the default clinic");
        }
        if (clinic == null || clinic.id() == null || !NAME.matcher(clinic.id()).matches()) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "/id", "1-64 letters, digits or . _ @ -", clinic == null ? null : clinic.id())));
        }
        PlainTextValidator.require("/name", clinic.name());
        if (clinicName(clinic.id()) != null) {
            throw new InvalidRequestException(422, List.of(new FieldError("/id", "already exists", clinic.id())));
        }
        String name = clinic.name() == null || clinic.name().isBlank()
                ? clinic.id()
                : clinic.name().strip();
        em.createNativeQuery("insert into clinic (id, name) values (?1, ?2)")
                .setParameter(1, clinic.id())
                .setParameter(2, name.length() > 200 ? name.substring(0, 200) : name)
                .executeUpdate();
        audit.fire(new AuditEvent("clinic.create", clinic.id(), null, null));
        return Response.created(URI.create("/api/v1/admin/clinics/" + clinic.id()))
                .entity(new ClinicView(clinic.id(), name))
                .build();
    }

    private String clinicName(String id) {
        List<?> r = em.createNativeQuery("select name from clinic where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }
}
