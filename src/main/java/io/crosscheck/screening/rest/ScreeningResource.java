package io.crosscheck.screening.rest;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.DisagreementService;
import io.crosscheck.screening.service.ScreeningReads;
import io.crosscheck.screening.service.ScreeningService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ScreeningService service;
    private final ScreeningReads reads;
    private final DisagreementService disagreements;
    private final Caller caller;

    ScreeningResource(
            ScreeningService service, ScreeningReads reads, DisagreementService disagreements, Caller caller) {
        this.service = service;
        this.caller = caller;
        this.reads = reads;
        this.disagreements = disagreements;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Screen a client",
            description = "Runs the Janda rules on the observations and tests sent; "
                    + "returns patterns, red-flag outcome, interventions and the derivation graph, and stores the result."
                    + " The response carries the visit recorded (`visit`: its date and time in the clinic's time"
                    + " zone, care start and notes) beside the result; notes are never read by the rules.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScreeningRequest.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ScreeningResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or wrong types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown codes or out-of-range values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "200",
            description = "A retry with an Idempotency-Key already used in the clinic with the same body: the first"
                    + " screening (the key with another body: 422 naming Idempotency-Key)")
    @RolesAllowed(Role.PHYSIO)
    public Response create(
            String body,
            @QueryParam("explain") String explain,
            @Context UriInfo uri,
            @Parameter(
                            description =
                                    "Makes retries safe: a second request with the same key returns the first screening")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        boolean full = full(explain);
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw new InvalidRequestException(
                        422,
                        List.of(new FieldError("Idempotency-Key", "1-128 letters, digits or . _ : -", idempotencyKey)));
            }
            Optional<Response> earlier = earlier(idempotencyKey, body, full, uri);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ScreeningService.Evaluated created;
        try {
            created = service.create(body, idempotencyKey);
        } catch (RuntimeException e) {
            // two requests with one key raced: the unique index let one through; answer with it
            if (idempotencyKey == null || e instanceof InvalidRequestException) {
                throw e;
            }
            Optional<Response> earlier;
            try {
                earlier = earlier(idempotencyKey, body, full, uri);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            return earlier.orElseThrow(() -> e);
        }
        ScreeningResult result = created.result();
        if (!caller.warmUp()) {
            // the start-up warm-up's screenings are rolled back: they count in no metric either
            countOutcome(result);
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(result.id().toString())
                        .build())
                .entity(service.response(created, full))
                .build();
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

    /** Screenings by outcome: plan status and referral urgency, and each pattern's status. */
    private static void countOutcome(ScreeningResult result) {
        String urgency = result.redFlags() == null || result.redFlags().urgency() == null
                ? "none"
                : result.redFlags().urgency();
        String plan = result.summary() == null || result.summary().plan() == null
                ? "unknown"
                : result.summary().plan();
        io.micrometer.core.instrument.Metrics.counter("crosscheck.screenings", "plan", plan, "urgency", urgency)
                .increment();
        if (result.patterns() != null) {
            for (ScreeningResult.PatternResult p : result.patterns()) {
                io.micrometer.core.instrument.Metrics.counter(
                                "crosscheck.screening.patterns",
                                "pattern",
                                p.code(),
                                "status",
                                p.status() == null ? "unknown" : p.status())
                        .increment();
            }
        }
    }

    private Optional<Response> earlier(String idempotencyKey, String body, boolean full, UriInfo uri) {
        return reads.byIdempotencyKey(idempotencyKey, body, full)
                .map(r -> Response.ok(r.json())
                        .location(uri.getAbsolutePathBuilder()
                                .path(r.id().toString())
                                .build())
                        .header("Idempotent-Replayed", "true")
                        .build());
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "A stored screening result, with its explanation",
            description = "The bytes the POST returned (with `amendment` when the screening is in an amendment"
                    + " chain). With `Accept-Encoding: gzip` they are sent as stored, compressed"
                    + " (`Content-Encoding: gzip`).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScreeningResult.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed(Role.PHYSIO)
    public Response get(
            @PathParam("id") String id,
            @QueryParam("explain") String explain,
            @HeaderParam("Accept-Encoding") String acceptEncoding) {
        boolean full = full(explain);
        ScreeningReads.Body body =
                reads.find(uuid(id), full, AcceptEncoding.gzip(acceptEncoding)).orElseThrow(NotFoundException::new);
        // the answer depends on Accept-Encoding: a cache in between must keep the two apart
        Response.ResponseBuilder ok = Response.ok(body.json()).header("Vary", "Accept-Encoding");
        // already compressed: HTTP compression, if ever enabled (quarkus.http.enable-compression), passes a response
        // with a Content-Encoding as it is (application.properties "## HTTP")
        return (body.gzip() ? ok.header("Content-Encoding", "gzip") : ok).build();
    }

    @GET
    @Path("{id}/explanation")
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary =
                    "The complete explanation of a stored screening: every node, reference data and rule positions included, and the firing trace")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Explanation.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response explanation(@PathParam("id") String id) {
        return reads.explanation(uuid(id)).map(e -> Response.ok(e).build()).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary = "Amend a screening",
            description =
                    "Evaluates the corrected request like a new screening and stores it as the "
                            + "next version of the screening's chain; the original is kept unchanged. Body: {\"reason\": \"...\", \"request\": {...}}.")
    @APIResponse(
            responseCode = "201",
            description = "The new version, with its amendment info",
            content = @Content(schema = @Schema(implementation = ScreeningResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The screening is already amended: amend the latest version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "Reason missing or longer than 500, invalid request, another client reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response amend(@PathParam("id") String id, String body, @Context UriInfo uri) {
        ScreeningReads.Body result = service.amend(uuid(id), body);
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/screenings")
                        .path(result.id().toString())
                        .build())
                .entity(result.json())
                .build();
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed(Role.PHYSIO)
    @Operation(summary = "Every version of the screening's amendment chain, first version first")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<ScreeningService.ScreeningVersion> versions(@PathParam("id") String id) {
        return service.versions(uuid(id)).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/disagreements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary = "Disagree with a conclusion of a screening",
            description =
                    "Body: {\"conclusionId\" or \"ruleId\": ..., "
                            + "\"expected\": \"...\", \"comment\": \"...\"}; the conclusion or rule must be in the screening's explanation.")
    @APIResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = DisagreementService.DisagreementView.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "Unknown conclusion or rule, expected missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response disagree(@PathParam("id") String id, String body) {
        return Response.status(201).entity(disagreements.record(uuid(id), body)).build();
    }

    /** A screening id from a path; not a UUID: 404, as an unknown id. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
