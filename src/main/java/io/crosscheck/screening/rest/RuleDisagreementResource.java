package io.crosscheck.screening.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.screening.service.DisagreementService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For rule authors: physiotherapists' disagreements with one rule's conclusions, across clinics (no client
 * reference, no screening id). CDS card feedback on the rule is at {@code /api/v1/knowledge-base/rules/{ruleId}/feedback}.
 */
@Path("/api/v1/knowledge-base/rules/{ruleId}/disagreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class RuleDisagreementResource {

    private final DisagreementService disagreements;

    RuleDisagreementResource(DisagreementService disagreements) {
        this.disagreements = disagreements;
    }

    @GET
    @Operation(summary = "Disagreements with one rule: what physiotherapists expected instead, newest first")
    public DisagreementService.RuleDisagreements get(@PathParam("ruleId") String ruleId) {
        if (!ruleId.matches("[A-Z]{3}-[0-9]{3}")) {
            throw new NotFoundException();
        }
        return disagreements.forRule(ruleId);
    }
}
