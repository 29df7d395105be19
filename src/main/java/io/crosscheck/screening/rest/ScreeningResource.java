package io.crosscheck.screening.rest;

import io.crosscheck.common.problem.Problem;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningService;
import io.crosscheck.engine.explain.Explanation;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningResource {

    private final ScreeningService service;

    ScreeningResource(ScreeningService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen a client", description = "Runs the Janda rules on the observations and tests sent; "
            + "returns patterns, red-flag outcome, interventions and the derivation graph, and stores the result.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScreeningRequest.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ScreeningResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or wrong types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown codes or out-of-range values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(String body, @QueryParam("explain") String explain, @Context UriInfo uri) {
        boolean full = full(explain);
        ScreeningResult result = service.screen(body);
        return Response.created(uri.getAbsolutePathBuilder().path(result.id().toString()).build())
                .entity(full ? result : result.compact()).build();
    }

    /** {@code explain=full}: the complete explanation; absent or {@code compact}: the compact one (the default). */
    private static boolean full(String explain) {
        if (explain == null || explain.equals("compact")) {
            return false;
        }
        if (explain.equals("full")) {
            return true;
        }
        throw new BadRequestException("explain must be full or compact");
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A stored screening result, with its explanation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScreeningResult.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id, @QueryParam("explain") String explain) {
        boolean full = full(explain);
        return service.find(uuid(id), full).map(r -> Response.ok(r).build()).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("{id}/explanation")
    @Operation(summary = "The complete explanation of a stored screening: every node, reference data and rule positions included, and the firing trace")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response explanation(@PathParam("id") String id) {
        return service.explanation(uuid(id)).map(e -> Response.ok(e).build()).orElseThrow(NotFoundException::new);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
