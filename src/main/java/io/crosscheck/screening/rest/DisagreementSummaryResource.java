package io.crosscheck.screening.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.screening.service.DisagreementService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For rule authors: how many disagreements each rule has, the latest, and links to the list and the rule's CDS card feedback. */
@Path("/api/v1/knowledge-base/disagreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class DisagreementSummaryResource {

    private final DisagreementService disagreements;

    DisagreementSummaryResource(DisagreementService disagreements) {
        this.disagreements = disagreements;
    }

    @GET
    @Operation(summary = "Disagreements per rule: count and latest, most recent first")
    public List<DisagreementService.RuleCount> summary() {
        return disagreements.summary();
    }
}
