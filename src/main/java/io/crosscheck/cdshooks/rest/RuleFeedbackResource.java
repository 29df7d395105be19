package io.crosscheck.cdshooks.rest;

import io.crosscheck.cdshooks.service.FeedbackService;
import io.crosscheck.common.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For rule authors: what clinicians did with the CDS cards of a rule (accepted, overridden and why), in their clinic. */
@Path("/api/v1/knowledge-base/rules/{ruleId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class RuleFeedbackResource {

    private final FeedbackService feedback;

    RuleFeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @Operation(summary = "Feedback on the CDS cards of one rule: cards issued, accepted, overridden, override reasons")
    public FeedbackService.RuleFeedback get(@PathParam("ruleId") String ruleId) {
        if (!ruleId.matches("[A-Z]{3}-[0-9]{3}")) {
            throw new NotFoundException();
        }
        return feedback.forRule(ruleId);
    }
}
