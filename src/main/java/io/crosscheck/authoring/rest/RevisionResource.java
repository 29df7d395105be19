package io.crosscheck.authoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.model.EmergencyView;
import io.crosscheck.authoring.model.RevertRequest;
import io.crosscheck.authoring.model.ReviewRequest;
import io.crosscheck.authoring.service.EmergencyActivations;
import io.crosscheck.authoring.service.RevertService;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Undoing one version's changes (a revert, as a proposal or, in an emergency, live at once) and the review of
 * emergency activations by another author (issue 24).
 */
@Path("/api/v1/knowledge-base")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class RevisionResource {

    private final RevertService reverts;
    private final EmergencyActivations emergencies;
    private final Caller caller;
    private final JsonBodyReader<RevertRequest> revertBody;
    private final JsonBodyReader<ReviewRequest> reviewBody;

    RevisionResource(
            RevertService reverts,
            EmergencyActivations emergencies,
            Caller caller,
            ObjectMapper json,
            Validator validator) {
        this.reverts = reverts;
        this.emergencies = emergencies;
        this.caller = caller;
        this.revertBody = new JsonBodyReader<>(RevertRequest.class, json, validator);
        this.reviewBody = new JsonBodyReader<>(ReviewRequest.class, json, validator);
    }

    @POST
    @Path("versions/{version}/revert")
    @Consumes(MediaType.APPLICATION_JSON) // the body is optional; refuses the content types a cross-site form can send
    @Operation(
            summary = "A new version that undoes this version's changes and keeps the later ones (three-way merge of "
                    + "every file): a proposal (201), or with {\"emergency\": true, \"reason\": \"...\"} live at once "
                    + "after validation, awaiting another author's review (200); 422 naming each conflicting file")
    public Response revert(@PathParam("version") String version, String body) {
        RevertRequest request = body == null || body.isBlank() ? RevertRequest.PROPOSAL : revertBody.read(body);
        RevertService.Outcome outcome =
                reverts.revert(version, request, caller.name()).orElseThrow(NotFoundException::new);
        if (outcome.problem().isPresent()) {
            return outcome.problem().get().toResponse();
        }
        var view = outcome.view().orElseThrow();
        return Response.status(view.live() ? 200 : 201).entity(view).build();
    }

    @POST
    @Path("versions/{version}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Review an emergency activation of this version: an author other than the one who made it, "
                    + "with a reason ({\"reason\": \"...\"})")
    public Response review(@PathParam("version") String version, String body) {
        ReviewRequest request = reviewBody.read(body);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("/reason", "required: what the review found")));
        }
        EmergencyActivations.Reviewed reviewed = emergencies
                .review(version, caller.name(), request.reason().strip())
                .orElseThrow(NotFoundException::new);
        return reviewed.refused()
                .map(Problem::toResponse)
                .orElseGet(() -> Response.ok(reviewed.emergency().orElseThrow()).build());
    }

    @GET
    @Path("emergencies")
    @Operation(
            summary = "Emergency activations, newest first, with their reviews; ?awaitingReview=true: only those no "
                    + "other author reviewed yet")
    public List<EmergencyView> emergencies(@QueryParam("awaitingReview") boolean awaitingReview) {
        return emergencies.list(awaitingReview);
    }
}
