package io.crosscheck.authoring.rest;

import io.crosscheck.authoring.service.CandidateSources;
import io.crosscheck.authoring.service.ReloadService;
import io.crosscheck.authoring.service.UploadAudit;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The authoring workflow of a cluster: upload a candidate (validated, stored, not live), have another
 * author approve it when {@code crosscheck.cluster.require-approval} is on, then activate it for every
 * node. Rolling back is activating a stored version ({@code POST /reload?version=}).
 */
@Path("/api/v1/knowledge-base/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class ProposalResource {

    private final ReloadService reloads;
    private final CandidateSources candidates;
    private final KnowledgeBaseRegistry registry;
    private final ClusterConfig cluster;
    private final UploadAudit uploads;
    private final Caller caller;

    ProposalResource(
            ReloadService reloads,
            CandidateSources candidates,
            UploadAudit uploads,
            KnowledgeBaseRegistry registry,
            ClusterConfig cluster,
            Caller caller) {
        this.reloads = reloads;
        this.candidates = candidates;
        this.uploads = uploads;
        this.registry = registry;
        this.cluster = cluster;
        this.caller = caller;
    }

    /** A proposal as the API shows it; {@code activatable}: it may be activated now. */
    public record ProposalView(
            String version,
            Instant proposedAt,
            String proposedBy,
            String origin,
            int ruleCount,
            String approvedBy,
            Instant approvedAt,
            boolean approvalRequired,
            boolean activatable) {}

    @POST
    @Consumes("application/zip")
    @Operation(
            summary =
                    "Upload a candidate zip of rules/ (and kb-docs/): validated (compile, lint, scenario suite) and stored, not live")
    public Response propose(byte[] archive) {
        ReloadService.Proposed proposed =
                reloads.propose(caller.name(), uploads.archive(archive, UploadAudit.Door.PROPOSAL));
        if (proposed.proposal().isEmpty()) {
            List<FieldError> errors = proposed.problems().stream()
                    .map(p -> new FieldError(
                            p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()), p.message()))
                    .toList();
            return new Problem(
                            "urn:crosscheck:problem:knowledge-base-rejected",
                            "Knowledge base rejected",
                            422,
                            "The candidate failed validation and was not stored",
                            errors)
                    .toResponse();
        }
        return Response.status(201).entity(view(proposed.proposal().get())).build();
    }

    @GET
    @Operation(summary = "Stored proposals, newest first")
    public List<ProposalView> list() {
        return registry.proposals().stream().map(this::view).toList();
    }

    @GET
    @Path("{version}")
    public ProposalView get(@PathParam("version") String version) {
        return registry.proposal(version).map(this::view).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{version}/approve")
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the content types a cross-site form can send
    @Operation(summary = "Approve another author's proposal (the second pair of eyes)")
    public Response approve(@PathParam("version") String version) {
        KnowledgeBaseProposal p = registry.proposal(version).orElseThrow(NotFoundException::new);
        if (p.proposedBy.equals(caller.name())) {
            return Problem.of(
                            "approval-by-proposer",
                            "Conflict",
                            409,
                            "A proposal is approved by an author other than the one who proposed it")
                    .toResponse();
        }
        return Response.ok(view(registry.approve(version, caller.name(), Instant.now())))
                .build();
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the content types a cross-site form can send
    @Operation(
            summary =
                    "Validate again and put the proposal live on every node (refused without approval when it is required)")
    public Response activate(@PathParam("version") String version) {
        KnowledgeBaseProposal p = registry.proposal(version).orElseThrow(NotFoundException::new);
        if (!activatable(p)) {
            return Problem.of(
                            "approval-required",
                            "Conflict",
                            409,
                            "This version needs the approval of an author other than " + p.proposedBy
                                    + " before it is activated")
                    .toResponse();
        }
        var source = candidates.version(version, "version");
        ReloadResult result = reloads.reload(caller.name(), () -> source);
        if (result.accepted()) {
            return Response.ok(result).build();
        }
        List<FieldError> errors = result.problems().stream()
                .map(e -> new FieldError(
                        e.file() + ":" + Math.max(1, e.line()) + ":" + Math.max(1, e.column()), e.message()))
                .toList();
        return new Problem(
                        "urn:crosscheck:problem:knowledge-base-rejected",
                        "Knowledge base rejected",
                        422,
                        "The candidate failed validation; " + result.previousVersion() + " keeps serving",
                        errors)
                .toResponse();
    }

    private boolean activatable(KnowledgeBaseProposal p) {
        return !cluster.requireApproval() || p.approvedBy != null || registry.wasLive(p.version);
    }

    private ProposalView view(KnowledgeBaseProposal p) {
        return new ProposalView(
                p.version,
                p.proposedAt,
                p.proposedBy,
                p.origin,
                p.ruleCount,
                p.approvedBy,
                p.approvedAt,
                cluster.requireApproval(),
                activatable(p));
    }
}
