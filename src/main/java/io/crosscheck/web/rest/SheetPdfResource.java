package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.web.service.SheetDocuments;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The take-home sheet as PDF through the API ({@code GET /api/v1/screenings/{id}/home-programme/sheet.pdf}), the same
 * document the pages download ({@link SheetPdfPages}).
 */
@Path("/api/v1/screenings/{id}/home-programme/sheet.pdf")
@RolesAllowed(Role.PHYSIO)
public class SheetPdfResource {

    private final SheetDocuments documents;

    SheetPdfResource(SheetDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Blocking
    @Produces("application/pdf")
    @Operation(
            summary = "The client's take-home sheet as PDF (fonts embedded), on paper a4 (default) or letter, in lang "
                    + "en or es (default: the client's language)")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(
            responseCode = "404",
            description = "No such screening in your clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "An unknown paper or language, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response pdf(
            @PathParam("id") String id, @QueryParam("paper") String paper, @QueryParam("lang") String lang) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return SheetPdfPages.download(documents, uuid, paper, lang);
    }
}
