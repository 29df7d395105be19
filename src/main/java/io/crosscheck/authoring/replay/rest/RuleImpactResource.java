package io.crosscheck.authoring.replay.rest;

import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.authoring.replay.service.ReplayCapacityExceeded;
import io.crosscheck.authoring.replay.service.RuleImpacts;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** "Which stored screenings does this rule change?": a replay of the serving version with the rule switched off. */
@Path("/api/v1/knowledge-base/rules/{ruleId}/impact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class RuleImpactResource {

    private final RuleImpacts impacts;
    private final Caller caller;

    RuleImpactResource(RuleImpacts impacts, Caller caller) {
        this.impacts = impacts;
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response busy(ReplayCapacityExceeded e) {
        return Problem.of("replay-capacity", "Too Many Requests", 429, e.getMessage())
                .toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON) // takes no body; refuses the content types a cross-site form can send
    @Operation(
            summary = "Which stored screenings does this rule change?",
            description = "Replays the clinic's stored screenings (optionally filtered) and the scenarios under the "
                    + "serving version with this one rule switched off (enabled false), against the serving version. "
                    + "The job is an ordinary replay: poll the Location; its report lists the screenings whose result "
                    + "the rule changes, by kind of change, and the scenario expectations that need the rule.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ReplayJob.class)))
    @APIResponse(
            responseCode = "404",
            description = "No rule of this id serves",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "A bad filter (from, to, clientRef)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(
            @PathParam("ruleId") String ruleId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("clientRef") String clientRef,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        if (!ruleId.matches("[A-Z]{3}-[0-9]{3}")) {
            throw new NotFoundException();
        }
        ReplayJob job = impacts.start(ruleId, new ReplayRequest(null, from, to, clientRef), caller.requiredClinicId())
                .orElseThrow(NotFoundException::new);
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/knowledge-base/replays")
                        .path(job.id())
                        .build())
                .build();
    }
}
