package io.crosscheck.screening.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ClientPrivacy;
import io.crosscheck.screening.service.ClientStore;
import io.crosscheck.screening.service.StoredDocuments;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One stored screening (any version): who stored it, the request, the result, and the amendment it is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScreeningExport(
            String id,
            Instant createdAt,
            String createdBy,
            String knowledgeBaseVersion,
            Amendment amendment,
            JsonNode request,
            JsonNode result) {}

    /** An amendment: its version in the chain, the version it corrects and the reason given. */
    public record Amendment(int version, String amends, String chainId, String reason) {}

    public record Erasure(String clientRef, long screeningsErased) {}

    private final ClientStore store;
    private final ClientPrivacy privacy;
    private final StoredDocuments screenings;
    private final ObjectMapper mapper;
    private final Event<AuditEvent> audit;

    ClientDataResource(
            ClientStore store,
            ClientPrivacy privacy,
            StoredDocuments screenings,
            ObjectMapper mapper,
            Event<AuditEvent> audit) {
        this.store = store;
        this.privacy = privacy;
        this.screenings = screenings;
        this.mapper = mapper;
        this.audit = audit;
    }

    @GET
    @Path("export")
    @Transactional
    @Operation(
            summary =
                    "Everything stored about one client of the caller's clinic (JSON): screenings (every version, with"
                            + " amendment reasons), disagreements, CDS Hooks calls and card feedback, replay jobs")
    public Map<String, Object> export(@PathParam("clientRef") String clientRef) {
        check(clientRef);
        ClientPrivacy.Parts parts = privacy.export(clientRef);
        List<ScreeningExport> rows =
                parts.screenings().stream().map(this::export).toList();
        audit.fire(
                new AuditEvent(AuditEvent.CLIENT_EXPORT, "client:" + clientRef, null, rows.size() + " screening(s)"));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("clientRef", clientRef);
        export.put("clinic", store.clinic());
        export.put("exportedAt", Instant.now());
        export.put("screenings", rows);
        export.putAll(parts.sections());
        return export;
    }

    @DELETE
    @Operation(
            summary =
                    "Erase one client of the caller's clinic: screenings, disagreements, CDS Hooks calls and card feedback,"
                            + " replay jobs removed; the audit entries are kept without clinical content")
    @Transactional
    public Erasure erase(@PathParam("clientRef") String clientRef) {
        check(clientRef);
        long erased = privacy.erase(clientRef);
        audit.fire(
                new AuditEvent(AuditEvent.CLIENT_ERASE, "client:" + clientRef, null, erased + " screening(s) erased"));
        return new Erasure(clientRef, erased);
    }

    private ScreeningExport export(Screening s) {
        ObjectNode result = screenings.response(s, true);
        try {
            Amendment amendment = s.amendsId == null
                    ? null
                    : new Amendment(
                            s.version(), s.amendsId.toString(), s.chain().toString(), s.amendReason);
            return new ScreeningExport(
                    s.id.toString(),
                    s.createdAt,
                    s.createdBy,
                    s.kbVersion,
                    amendment,
                    mapper.readTree(s.request()),
                    result);
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
