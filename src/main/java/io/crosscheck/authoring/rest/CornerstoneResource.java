package io.crosscheck.authoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.cornerstone.Cornerstone;
import io.crosscheck.authoring.cornerstone.CornerstoneAcceptances;
import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.authoring.cornerstone.CornerstoneScenario;
import io.crosscheck.authoring.cornerstone.CornerstoneService;
import io.crosscheck.authoring.cornerstone.CornerstoneViews;
import io.crosscheck.authoring.cornerstone.CornerstoneViews.CornerstoneView;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.common.validation.PlainText;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Cornerstone cases (issue 28): promote a clinician's disagreement or a CDS card override into a case every candidate
 * knowledge base is checked against, list them (all, or per rule), read one, export it as a scenario file, see what a
 * candidate version does to them side by side, accept a changed conclusion for a version (a second author confirms
 * where approval is required), retire one.
 */
@Path("/api/v1/knowledge-base/cornerstones")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class CornerstoneResource {

    /** The body of a promotion: one of {@code disagreement} or {@code override} (an id), the reason, the expectation. */
    public record PromotionRequest(
            @PlainText String disagreement,
            @PlainText String override,
            @PlainText String reason,
            @PlainText String expected) {}

    /** The body of an acceptance: the candidate version and why its conclusion is right. */
    public record AcceptanceRequest(
            @PlainText String version, @PlainText String reason) {}

    /** The body of a retirement. */
    public record RetirementRequest(@PlainText String reason) {}

    private final CornerstoneService cornerstones;
    private final CornerstoneAcceptances acceptances;
    private final CornerstoneHold hold;
    private final CornerstoneViews views;
    private final Caller caller;
    private final JsonBodyReader<PromotionRequest> promotions;
    private final JsonBodyReader<AcceptanceRequest> acceptanceBodies;
    private final JsonBodyReader<RetirementRequest> retirements;

    CornerstoneResource(
            CornerstoneService cornerstones,
            CornerstoneAcceptances acceptances,
            CornerstoneHold hold,
            CornerstoneViews views,
            Caller caller,
            ObjectMapper mapper,
            Validator validator) {
        this.cornerstones = cornerstones;
        this.acceptances = acceptances;
        this.hold = hold;
        this.views = views;
        this.caller = caller;
        this.promotions = new JsonBodyReader<>(PromotionRequest.class, mapper, validator);
        this.acceptanceBodies = new JsonBodyReader<>(AcceptanceRequest.class, mapper, validator);
        this.retirements = new JsonBodyReader<>(RetirementRequest.class, mapper, validator);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Promote a disagreement or a CDS card override of your clinic into a cornerstone case: its "
                    + "screening pseudonymised, evaluated with the version serving, kept with that conclusion")
    public Response promote(String body) {
        PromotionRequest r = promotions.read(body);
        return refusable(() -> {
            Cornerstone c = cornerstones.promote(
                    new CornerstoneService.Promotion(r.disagreement(), r.override(), r.reason(), r.expected()));
            return Response.created(URI.create("/api/v1/knowledge-base/cornerstones/" + c.id))
                    .entity(views.view(c, true))
                    .build();
        });
    }

    @GET
    @Operation(
            summary =
                    "Every cornerstone case, newest first (?rule=ID: those concerning one rule), with origin and status")
    public List<CornerstoneView> list(@QueryParam("rule") String rule) {
        return cornerstones.list(rule == null || rule.isBlank() ? null : rule.strip()).stream()
                .map(c -> views.view(c, false))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One cornerstone case with its pseudonymised request and expected conclusion")
    public Response get(@PathParam("id") String id) {
        return refusable(
                () -> Response.ok(views.view(cornerstones.find(uuid(id)), true)).build());
    }

    @GET
    @Path("{id}/scenario")
    @Produces("application/yaml")
    @Operation(summary = "The cornerstone case as a scenario file in the rules/scenarios/ format")
    public Response scenario(@PathParam("id") String id) {
        return refusable(() -> {
            Cornerstone c = cornerstones.find(uuid(id));
            return Response.ok(CornerstoneScenario.yaml(c, views), "application/yaml; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + CornerstoneScenario.fileName(c) + "\"")
                    .build();
        });
    }

    @GET
    @Path("changes/{version}")
    @Operation(
            summary =
                    "What a candidate version does to the cornerstone cases, as last checked: how many it keeps, "
                            + "and each it changes side by side (before, after, rules whose firing changed) with its acceptance")
    public CornerstoneViews.Changes changes(@PathParam("version") String version) {
        return hold.changes(version).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept the conclusion a candidate version gives this case, with a reason (audited); where "
                    + "approval is required, a second author's acceptance confirms it")
    public Response accept(@PathParam("id") String id, String body) {
        AcceptanceRequest r = acceptanceBodies.read(body);
        return refusable(() -> Response.ok(acceptances.accept(uuid(id), r.version(), r.reason(), caller.name()))
                .build());
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retire a cornerstone case, with a reason: kept, no longer checked")
    public Response retire(@PathParam("id") String id, String body) {
        RetirementRequest r = retirements.read(body);
        return refusable(() -> Response.ok(views.view(cornerstones.retire(uuid(id), r.reason()), false))
                .build());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private static Response refusable(Supplier<Response> step) {
        try {
            return step.get();
        } catch (Refused r) {
            if (r.status() == 404) {
                throw new NotFoundException();
            }
            return Problem.of(r.type(), "Conflict", r.status(), r.getMessage()).toResponse();
        }
    }
}
