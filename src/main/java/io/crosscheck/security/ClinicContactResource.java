package io.crosscheck.security;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A clinic's contact details, printed on its clients' take-home sheets: read and replaced by an administrator who
 * manages the clinic ({@link AdminScope}); another clinic is a 404 to them. Every change is audited
 * ({@code clinic.contact}, naming the fields set, never their values).
 */
@Path("/api/v1/admin/clinics/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ClinicContactResource {

    static final String AUDIT_ACTION = "clinic.contact";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{1,38}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** The contact details as sent and shown; every field optional, blank is unset. */
    public record Contact(String phone, String email, String address, String hours, String emergencyNumber) {}

    private final ClinicContacts contacts;
    private final AdminScope scope;
    private final Event<AuditEvent> audit;

    ClinicContactResource(ClinicContacts contacts, AdminScope scope, Event<AuditEvent> audit) {
        this.contacts = contacts;
        this.scope = scope;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "A clinic's contact details, as its clients' take-home sheets print them")
    public Contact contact(@PathParam("id") String id) {
        ClinicContact c = managed(id);
        return new Contact(c.phone(), c.email(), c.address(), c.hours(), c.emergencyNumber());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Replace a clinic's contact details (phone, email, address, hours, emergencyNumber)")
    public Contact replace(@PathParam("id") String id, Contact body) {
        managed(id);
        if (body == null) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "a body is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String phone = field(errors, "/phone", body.phone(), 40, PHONE, "a phone number: digits, spaces, + ( ) . / -");
        String email = field(errors, "/email", body.email(), 200, EMAIL, "an e-mail address");
        String address = field(errors, "/address", body.address(), 300, null, null);
        String hours = field(errors, "/hours", body.hours(), 200, null, null);
        String emergency = field(
                errors, "/emergencyNumber", body.emergencyNumber(), 20, PHONE, "a phone number: digits, spaces, +");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        ClinicContact contact = new ClinicContact(null, phone, email, address, hours, emergency);
        contacts.update(id, contact);
        List<String> set = new ArrayList<>();
        if (phone != null) set.add("phone");
        if (email != null) set.add("email");
        if (address != null) set.add("address");
        if (hours != null) set.add("hours");
        if (emergency != null) set.add("emergencyNumber");
        audit.fire(new AuditEvent(AUDIT_ACTION, id, null, "set: " + (set.isEmpty() ? "none" : String.join(", ", set))));
        return new Contact(phone, email, address, hours, emergency);
    }

    private ClinicContact managed(String id) {
        if (id == null || !scope.manages(id)) {
            throw new NotFoundException();
        }
        return contacts.of(id).orElseThrow(NotFoundException::new);
    }

    /** The value stripped (null when blank), or null with an error naming the field when it is not acceptable. */
    private static String field(
            List<FieldError> errors, String pointer, String value, int max, Pattern pattern, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!PlainTextValidator.check(errors, pointer, v)) {
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(pointer, "at most " + max + " characters", v.length() + " characters"));
            return null;
        }
        if (pattern != null && !pattern.matcher(v).matches()) {
            errors.add(new FieldError(pointer, "must be " + what, v));
            return null;
        }
        return v;
    }
}
