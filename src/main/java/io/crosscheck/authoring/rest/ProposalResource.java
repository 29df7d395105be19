package io.crosscheck.authoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.service.ProposalViews;
import io.crosscheck.authoring.service.ProposalViews.CommentView;
import io.crosscheck.authoring.service.ProposalViews.ProposalView;
import io.crosscheck.authoring.service.ProposalWorkflow;
import io.crosscheck.authoring.service.ReloadService;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.knowledge.KnowledgeBaseProposalComment;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
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
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The authoring workflow: propose a candidate (an uploaded zip, or the working rules directory: validated, stored,
 * not live) with a summary, discuss it, have another author approve it (with a comment) or reject it (with a reason),
 * then activate it for every node. Rolling back is activating a stored version ({@code POST /reload?version=}).
 */
@Path("/api/v1/knowledge-base/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class ProposalResource {

    /** The body of a proposal of the working rules, and of a re-proposal. */
    public record SummaryRequest(String summary) {}

    /** The body of a comment. */
    public record CommentRequest(String text) {}

    /** The (optional) body of an approval. */
    public record ApprovalRequest(String comment) {}

    /** The body of a rejection. */
    public record RejectionRequest(String reason) {}

    private final ProposalWorkflow workflow;
    private final ProposalViews views;
    private final Caller caller;
    private final JsonBodyReader<SummaryRequest> summaries;
    private final JsonBodyReader<CommentRequest> comments;
    private final JsonBodyReader<ApprovalRequest> approvals;
    private final JsonBodyReader<RejectionRequest> rejections;

    ProposalResource(
            ProposalWorkflow workflow, ProposalViews views, Caller caller, ObjectMapper mapper, Validator validator) {
        this.workflow = workflow;
        this.views = views;
        this.caller = caller;
        this.summaries = new JsonBodyReader<>(SummaryRequest.class, mapper, validator);
        this.comments = new JsonBodyReader<>(CommentRequest.class, mapper, validator);
        this.approvals = new JsonBodyReader<>(ApprovalRequest.class, mapper, validator);
        this.rejections = new JsonBodyReader<>(RejectionRequest.class, mapper, validator);
    }

    @POST
    @Consumes("application/zip")
    @Operation(
            summary = "Upload a candidate zip of rules/ (and kb-docs/), with an optional ?summary= of the change: "
                    + "validated (compile, lint, scenario suite) and stored, not live")
    public Response propose(byte[] archive, @QueryParam("summary") String summary) {
        return proposed(() -> workflow.proposeArchive(caller.name(), archive, summary, false));
    }

    @POST
    @Path("working")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Propose the configured rules directory as it is on disk, with a summary of the change: "
                    + "validated like an upload and stored, not live")
    public Response proposeWorking(String body) {
        SummaryRequest request = summaries.read(body);
        return proposed(() -> workflow.proposeWorking(caller.name(), request.summary()));
    }

    @GET
    @Operation(summary = "Stored proposals, newest first, each with its label and status")
    public List<ProposalView> list() {
        return views.list();
    }

    @GET
    @Path("{version}")
    @Operation(summary = "One proposal with its label, status, thread and what it changed (files and rules)")
    public ProposalView get(@PathParam("version") String version) {
        return views.get(version).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{version}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a comment to a proposal's thread")
    public Response comment(@PathParam("version") String version, String body) {
        CommentRequest request = comments.read(body);
        return refusable(() -> {
            KnowledgeBaseProposalComment c = workflow.comment(version, caller.name(), request.text());
            return Response.status(201)
                    .entity(new CommentView(c.author, c.writtenAt, c.kind, c.text))
                    .build();
        });
    }

    @POST
    @Path("{version}/approve")
    @Consumes(MediaType.APPLICATION_JSON) // refuses the content types a cross-site form can send
    @Operation(summary = "Approve another author's proposal (the second pair of eyes), with an optional comment")
    public Response approve(@PathParam("version") String version, String body) {
        String comment =
                body == null || body.isBlank() ? null : approvals.read(body).comment();
        return refusable(() -> Response.ok(views.of(workflow.approve(version, caller.name(), comment)))
                .build());
    }

    @POST
    @Path("{version}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a proposal with a reason: it is neither approved nor activated until proposed again")
    public Response reject(@PathParam("version") String version, String body) {
        RejectionRequest request = rejections.read(body);
        return refusable(() -> Response.ok(views.of(workflow.reject(version, caller.name(), request.reason())))
                .build());
    }

    @POST
    @Path("{version}/repropose")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a rejected proposal again (optionally with a new summary), opening it for review")
    public Response repropose(@PathParam("version") String version, String body) {
        String summary =
                body == null || body.isBlank() ? null : summaries.read(body).summary();
        return refusable(() -> Response.ok(views.of(workflow.repropose(version, caller.name(), summary)))
                .build());
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the content types a cross-site form can send
    @Operation(
            summary = "Validate again and put the proposal live on every node (refused while rejected, or without "
                    + "approval when it is required)")
    public Response activate(@PathParam("version") String version) {
        return refusable(() -> {
            ReloadResult result = workflow.activate(version, caller.name());
            return result.accepted()
                    ? Response.ok(result).build()
                    : rejected(
                            "The candidate failed validation; " + result.previousVersion() + " keeps serving", result);
        });
    }

    private Response proposed(Supplier<ReloadService.Proposed> step) {
        return refusable(() -> {
            ReloadService.Proposed proposed = step.get();
            if (proposed.proposal().isEmpty()) {
                return new Problem(
                                "urn:crosscheck:problem:knowledge-base-rejected",
                                "Knowledge base rejected",
                                422,
                                "The candidate failed validation and was not stored",
                                errors(proposed.problems()))
                        .toResponse();
            }
            return Response.status(201)
                    .entity(views.of(proposed.proposal().get()))
                    .build();
        });
    }

    private static Response refusable(Supplier<Response> step) {
        try {
            return step.get();
        } catch (Refused r) {
            return Problem.of(r.type(), r.status() == 404 ? "Not Found" : "Conflict", r.status(), r.getMessage())
                    .toResponse();
        }
    }

    private static Response rejected(String detail, ReloadResult result) {
        return new Problem(
                        "urn:crosscheck:problem:knowledge-base-rejected",
                        "Knowledge base rejected",
                        422,
                        detail,
                        errors(result.problems()))
                .toResponse();
    }

    private static List<FieldError> errors(List<io.crosscheck.engine.KnowledgeProblem> problems) {
        return problems.stream()
                .map(p -> new FieldError(
                        p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()), p.message()))
                .toList();
    }
}
