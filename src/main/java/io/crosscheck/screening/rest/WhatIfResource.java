package io.crosscheck.screening.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.screening.model.WhatIf;
import io.crosscheck.screening.service.WhatIfService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What would change a stored screening's result (issue 28). */
@Path("/api/v1/screenings/{id}/what-if")
@Produces(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    private final WhatIfService service;

    WhatIfResource(WhatIfService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary = "What would change this result",
            description = "The single findings that would move each pattern's status, the unanswered questions that"
                    + " would change the plan (most decisive first) and what a pending referral rests on; each found by"
                    + " evaluating a varied request on the same evaluation path, each phrased as a test to do or a"
                    + " question to ask.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WhatIf.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public WhatIf whatIf(@PathParam("id") String id) {
        return service.forScreening(ScreeningResource.uuid(id)).orElseThrow(NotFoundException::new);
    }
}
