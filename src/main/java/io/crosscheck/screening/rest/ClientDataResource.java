package io.crosscheck.screening.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ClientStore;
import io.crosscheck.screening.service.ScreeningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Privacy operations on one client (by pseudonymous reference, within the caller's clinic): export
 * everything stored about them as JSON, or erase it. Administrators only; both are audited, the
 * audit entry naming the client by a keyed hash and carrying no clinical content.
 */
@Path("/api/v1/admin/clients/{clientRef}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ClientDataResource {

    private static final Pattern CLIENT_REF = Pattern.compile(ScreeningRequest.CLIENT_REF);

    public record ScreeningExport(
            String id, Instant createdAt, String knowledgeBaseVersion, JsonNode request, JsonNode result) {}

    public record ClientExport(String clientRef, String clinic, Instant exportedAt, List<ScreeningExport> screenings) {}

    public record Erasure(String clientRef, long screeningsErased) {}

    private final ClientStore store;
    private final ScreeningService screenings;
    private final ObjectMapper mapper;
    private final Event<AuditEvent> audit;

    ClientDataResource(ClientStore store, ScreeningService screenings, ObjectMapper mapper, Event<AuditEvent> audit) {
        this.store = store;
        this.screenings = screenings;
        this.mapper = mapper;
        this.audit = audit;
    }

    @GET
    @Path("export")
    @Transactional
    @Operation(summary = "Everything stored about one client of the caller's clinic (JSON)")
    public ClientExport export(@PathParam("clientRef") String clientRef) {
        check(clientRef);
        List<ScreeningExport> rows =
                store.ofClient(clientRef).stream().map(this::export).toList();
        audit.fire(
                new AuditEvent(AuditEvent.CLIENT_EXPORT, "client:" + clientRef, null, rows.size() + " screening(s)"));
        return new ClientExport(clientRef, store.clinic(), Instant.now(), rows);
    }

    @DELETE
    @Operation(
            summary =
                    "Erase one client of the caller's clinic: every screening removed; the audit entry is kept without clinical content")
    @Transactional
    public Erasure erase(@PathParam("clientRef") String clientRef) {
        check(clientRef);
        long erased = store.eraseClient(clientRef);
        audit.fire(
                new AuditEvent(AuditEvent.CLIENT_ERASE, "client:" + clientRef, null, erased + " screening(s) erased"));
        return new Erasure(clientRef, erased);
    }

    private ScreeningExport export(Screening s) {
        ObjectNode result = screenings.stored(s, true);
        try {
            return new ScreeningExport(
                    s.id.toString(), s.createdAt, s.kbVersion, mapper.readTree(s.requestJson), result);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String clientRef) {
        if (!CLIENT_REF.matcher(clientRef).matches()) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("clientRef", ScreeningRequest.CLIENT_REF_RULE, clientRef)));
        }
    }
}
