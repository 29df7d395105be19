package io.crosscheck.screening.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.screening.model.HomeProgrammeChoice;
import io.crosscheck.screening.service.HomeProgrammeEdits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The clinician's edit of a screening's take-home sheet before printing ({@link HomeProgrammeEdits}): read the
 * current choice and its versions, save the next version.
 */
@Path("/api/v1/screenings/{id}/home-programme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PHYSIO)
public class HomeProgrammeResource {

    private final HomeProgrammeEdits edits;
    private final JsonBodyReader<HomeProgrammeChoice.Request> requests;

    HomeProgrammeResource(HomeProgrammeEdits edits, ObjectMapper mapper, Validator validator) {
        this.edits = edits;
        this.requests = new JsonBodyReader<>(HomeProgrammeChoice.Request.class, mapper, validator);
    }

    @GET
    @Operation(
            summary = "What goes home: the plan's home exercises, whether each goes home, its dose in the client's "
                    + "words and the clinician's note (version 0 before any edit), with the versions saved")
    @APIResponse(
            responseCode = "404",
            description = "No such screening in your clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public HomeProgrammeChoice.View get(@PathParam("id") String id) {
        return edits.current(uuid(id)).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save the next version of the sheet's choice, made from version basedOn: items (id, include, "
                    + "dose parts sets, repeat, hold, often; a blank part prints the catalogue's) and a note. "
                    + "Items not listed keep their state. Audited (screening.sheet.edit)")
    @APIResponse(responseCode = "200", description = "The choice as saved, with its new version")
    @APIResponse(
            responseCode = "409",
            description = "A newer version was saved since basedOn; the screening is "
                    + "amended; or a referral withholds exercise",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "Each bad field named; nothing is saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public HomeProgrammeChoice.View save(@PathParam("id") String id, String body) {
        UUID screening = uuid(id);
        return edits.save(screening, requests.read(body));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
