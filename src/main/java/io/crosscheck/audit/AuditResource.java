package io.crosscheck.audit;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log for administrators: query by time, user and action; check the chain. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    public record EntryView(
            Long seq,
            String id,
            Instant at,
            String actor,
            String clinic,
            String action,
            String subject,
            String kbVersion,
            String address,
            String detail) {
        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.seq,
                    e.id.toString(),
                    e.recordedAt,
                    e.actor,
                    e.clinicId,
                    e.action,
                    e.subject,
                    e.kbVersion,
                    e.address,
                    e.detail);
        }
    }

    private final AuditLog log;
    private final Event<AuditEvent> audit;
    private final io.crosscheck.common.access.Caller caller;

    AuditResource(AuditLog log, Event<AuditEvent> audit, io.crosscheck.common.access.Caller caller) {
        this.caller = caller;
        this.log = log;
        this.audit = audit;
    }

    @GET
    @Transactional
    @Operation(summary = "Audit entries, newest first, by time range [from, to), user and action")
    public List<EntryView> query(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("user") String user,
            @QueryParam("action") String action,
            @QueryParam("limit") Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        Instant f = instant("from", from, errors);
        Instant t = instant("to", to, errors);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            errors.add(new FieldError("limit", "1 to 1000", limit));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        // an administrator sees their clinic's entries and the system's (start-up loads)
        StringBuilder q = new StringBuilder("(clinicId = :clinic or clinicId is null)");
        Parameters p = Parameters.with("clinic", caller.clinicId() == null ? "" : caller.clinicId());
        if (f != null) {
            q.append(" and recordedAt >= :from");
            p.and("from", f);
        }
        if (t != null) {
            q.append(" and recordedAt < :to");
            p.and("to", t);
        }
        if (user != null) {
            q.append(" and actor = :user");
            p.and("user", user);
        }
        if (action != null) {
            q.append(" and action = :action");
            p.and("action", action);
        }
        audit.fire(new AuditEvent(AuditEvent.AUDIT_QUERY, null, null, null));
        return AuditEntry.<AuditEntry>find(q + " order by recordedAt desc, id desc", p).page(0, max).list().stream()
                .map(EntryView::of)
                .toList();
    }

    @GET
    @Path("check")
    @Operation(
            summary = "Verify the HMAC chain against its checkpoints and, with expectHead=<seq>:<mac> (a head"
                    + " published earlier in the log line 'audit head seq=<n> mac=<hex>'), that the chain still"
                    + " contains that head; names the first broken entry and the age of the oldest unsealed entry")
    public AuditChain.Verdict check(@QueryParam("expectHead") String expectHead) {
        Optional<AuditChain.Head> expected = Optional.empty();
        if (expectHead != null) {
            try {
                expected = Optional.of(AuditChain.Head.parse(expectHead));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        422, List.of(new FieldError("expectHead", e.getMessage(), expectHead)));
            }
        }
        AuditChain.Verdict verdict = log.check(expected);
        audit.fire(new AuditEvent(
                AuditEvent.AUDIT_CHECK,
                null,
                null,
                (verdict.valid() ? "intact" : "broken at " + verdict.brokenSeq())
                        + expected.map(h -> ", expected head " + h.seq()).orElse("")));
        return verdict;
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant", value));
            return null;
        }
    }
}
