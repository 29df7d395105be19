package io.crosscheck.screening.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ClientScreening;
import io.crosscheck.screening.model.ClientSummary;
import io.crosscheck.screening.model.Page;
import io.crosscheck.screening.service.ClientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The clients of the caller's clinic: search, a client's screenings, a client's history for charts (ClientService). */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PHYSIO)
public class ClientResource {

    private final ClientService clients;

    ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    @Operation(
            summary = "Search the clinic's clients by pseudonymous reference",
            description =
                    "Case-insensitive substring of the reference (empty: all), last screened first, with the status chips of the "
                            + "latest screening and their trend against the one before.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(
            responseCode = "400",
            description = "page or size not an integer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "page below 1, size outside 1-100, q not part of a reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClientSummary> search(
            @Parameter(description = "part of the client reference, any case") @QueryParam("q") String q,
            @Parameter(description = "page, from 1 (default 1)") @QueryParam("page") String page,
            @Parameter(description = "page size, 1-100 (default 20)") @QueryParam("size") String size) {
        int[] paging = paging(page, size);
        return clients.clients(q, paging[0], paging[1]);
    }

    @GET
    @Path("{clientRef}/screenings")
    @Operation(
            summary =
                    "One client's screenings, newest first, with status chips, trends and amendment info (latest versions only)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(
            responseCode = "404",
            description = "the client has no screening in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ClientScreening> screenings(
            @PathParam("clientRef") String clientRef,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int[] paging = paging(page, size);
        return clients.screenings(clientRef, paging[0], paging[1]);
    }

    @GET
    @Path("{clientRef}/history")
    @Operation(
            summary =
                    "One client's measured values and pattern statuses over time, oldest first, with the thresholds the rules use")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClientHistory.class)))
    @APIResponse(
            responseCode = "404",
            description = "the client has no screening in the caller's clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ClientHistory history(@PathParam("clientRef") String clientRef) {
        return clients.history(clientRef);
    }

    /** page and size as integers (400 naming the parameter otherwise); ranges are checked by the service (422). */
    private static int[] paging(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = integer("page", page, 1, errors);
        int s = integer("size", size, ClientService.DEFAULT_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new int[] {p, s};
    }

    private static int integer(String name, String value, int dflt, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be an integer", value));
            return dflt;
        }
    }
}
