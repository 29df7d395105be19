package io.crosscheck.cdshooks.rest;

import io.crosscheck.cdshooks.config.PublicBaseUrl;
import io.crosscheck.cdshooks.service.CdsHookService;
import io.crosscheck.cdshooks.service.CdsModel;
import io.crosscheck.cdshooks.service.CdsServices;
import io.crosscheck.cdshooks.service.FeedbackService;
import io.crosscheck.cdshooks.service.PreconditionFailed;
import io.crosscheck.common.access.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * CDS Hooks 2.0: discovery (public, as the specification requires), the service calls and their
 * feedback (authenticated by the EHR's bearer JWT, see {@code CdsJwtMechanism}).
 */
@Path("/cds-services")
@Produces(MediaType.APPLICATION_JSON)
public class CdsServicesResource {

    private final CdsHookService hooks;
    private final FeedbackService feedback;
    private final PublicBaseUrl baseUrl;

    CdsServicesResource(CdsHookService hooks, FeedbackService feedback, PublicBaseUrl baseUrl) {
        this.hooks = hooks;
        this.feedback = feedback;
        this.baseUrl = baseUrl;
    }

    @GET
    @PermitAll
    @Operation(summary = "CDS Hooks discovery: the services, their hooks and prefetch templates")
    public CdsModel.Discovery discovery() {
        return hooks.discovery();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EHR)
    @Operation(summary = "CDS Hooks service call: screens the patient's FHIR data and answers with cards")
    public CdsModel.Response call(@PathParam("id") String id, String body) {
        return hooks.call(id, body, baseUrl.get());
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EHR)
    @Operation(summary = "CDS Hooks feedback: what the clinician did with each card")
    public Response feedback(@PathParam("id") String id, String body) {
        if (CdsServices.hook(id).isEmpty()) {
            throw new NotFoundException();
        }
        int stored = feedback.record(id, body);
        return Response.ok(Map.of("stored", stored)).build();
    }

    /** A 412 keeps its detail (what could not be obtained). */
    @ServerExceptionMapper
    public Response unobtainable(PreconditionFailed e) {
        return e.getResponse();
    }
}
