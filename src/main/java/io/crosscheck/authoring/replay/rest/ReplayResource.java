package io.crosscheck.authoring.replay.rest;

import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.authoring.replay.service.ReplayCapacityExceeded;
import io.crosscheck.authoring.replay.service.ReplayJobs;
import io.crosscheck.authoring.replay.service.ReplayService;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Impact analysis for rule authors: what a candidate knowledge base would change. */
@Path("/api/v1/knowledge-base/replays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class ReplayResource {

    private final ReplayService service;
    private final ReplayJobs jobs;

    private final Caller caller;

    ReplayResource(ReplayService service, ReplayJobs jobs, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.jobs = jobs;
    }

    @ServerExceptionMapper
    public Response busy(ReplayCapacityExceeded e) {
        return Problem.of("replay-capacity", "Too Many Requests", 429, e.getMessage())
                .toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replay stored screenings and the scenario suite under a candidate knowledge base",
            description =
                    "Compiles the candidate (a knowledge-base version from the registry), then re-evaluates the stored screenings (optionally "
                            + "filtered) and the scenarios under the current and the candidate knowledge base in the background. "
                            + "Stored results are never modified. Poll the Location for progress and the report.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayRequest.class)))
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ReplayJob.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown candidate version, a bad archive, bad time range, or a candidate "
                    + "that does not compile (file:line:column problems)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "429",
            description = "Too many replays pending",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(String body, @Context UriInfo uri) {
        return accepted(service.start(body, clinic()), uri);
    }

    @POST
    @Consumes("application/zip")
    @Operation(
            summary =
                    "Replay under an uploaded candidate: a zip of rules/ (and optionally kb-docs/), filter in the query")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = ReplayJob.class)))
    public Response startArchive(
            byte[] archive,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("clientRef") String clientRef,
            @Context UriInfo uri) {
        return accepted(service.startArchive(new ReplayRequest(null, from, to, clientRef), archive, clinic()), uri);
    }

    private static Response accepted(ReplayJob job, UriInfo uri) {
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id()).build())
                .build();
    }

    private String clinic() {
        return caller.requiredClinicId();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A replay: progress while running, the report when done")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplayJob.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReplayJob get(
            @PathParam("id") String id,
            @Parameter(description = "a rule id: only the changes involving that rule") @QueryParam("rule")
                    String rule) {
        String only = ruleFilter(rule);
        ReplayJob job = jobs.find(id, clinic()).orElseThrow(NotFoundException::new);
        return only == null ? job : job.involving(only);
    }

    /** A {@code ?rule=} filter must be a rule id (400 naming the parameter otherwise). */
    private static String ruleFilter(String rule) {
        if (rule != null && !rule.matches("[A-Z]{3}-[0-9]{3}")) {
            throw new InvalidRequestException(
                    400, List.of(new FieldError("rule", "must be a rule id such as LCS-010", rule)));
        }
        return rule;
    }

    @GET
    @Path("{id}/report.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A finished replay's report as plain text")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The replay is still running or failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response text(@PathParam("id") String id, @QueryParam("rule") String rule) {
        String only = ruleFilter(rule);
        ReplayJob job = jobs.find(id, clinic()).orElseThrow(NotFoundException::new);
        if (only != null) {
            job = job.involving(only);
        }
        if (job.report() == null) {
            String detail = ReplayJob.RUNNING.equals(job.state())
                    ? "The replay is still running (" + job.processed() + " of "
                            + (job.total() == null ? "?" : job.total()) + ")"
                    : "The replay failed: " + job.error();
            return Problem.of("replay-not-done", "Conflict", 409, detail).toResponse();
        }
        String text = (rule == null ? "" : "Only the changes involving rule " + rule + "\n\n")
                + job.report().toText();
        return Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
