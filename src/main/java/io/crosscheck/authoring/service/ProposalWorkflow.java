package io.crosscheck.authoring.service;

import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.KnowledgeBaseProposalComment;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.ProposalReviews;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
import io.crosscheck.knowledge.service.RulesDirectorySeen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an author does with a proposal, the same for the API and the pages: propose the working rules or an
 * uploaded archive (validated like any upload, stored, not live), comment, approve (with an optional comment),
 * reject (with a reason), propose again after a rejection, activate. Free text is checked here once: a required
 * text that is missing, or text that is not plain, is a 400 naming the field, one that is too long a 422. A step not
 * allowed now is {@link Refused} (404, 409).
 */
@ApplicationScoped
public class ProposalWorkflow {

    public static final int SUMMARY_MAX = 300;
    public static final int TEXT_MAX = 4000;

    private final ReloadService reloads;
    private final CandidateSources candidates;
    private final UploadAudit uploads;
    private final ProposalReviews reviews;
    private final KnowledgeBaseRegistry registry;
    private final ClusterConfig cluster;
    private final RulesDirectorySeen seen;
    private final CornerstoneHold cornerstones;
    private final Clock clock = Clock.systemUTC();

    ProposalWorkflow(
            ReloadService reloads,
            CandidateSources candidates,
            UploadAudit uploads,
            ProposalReviews reviews,
            KnowledgeBaseRegistry registry,
            ClusterConfig cluster,
            RulesDirectorySeen seen,
            CornerstoneHold cornerstones) {
        this.cornerstones = cornerstones;
        this.reloads = reloads;
        this.candidates = candidates;
        this.uploads = uploads;
        this.reviews = reviews;
        this.registry = registry;
        this.cluster = cluster;
        this.seen = seen;
    }

    /**
     * Proposes the configured rules directory as it is on disk; the summary is required. The reading is remembered
     * like a reload's ({@link RulesDirectorySeen}).
     */
    public ReloadService.Proposed proposeWorking(String by, String summary) {
        String text = checked("/summary", summary, SUMMARY_MAX, true);
        KnowledgeSource source;
        try {
            source = candidates.workingRules();
        } catch (IllegalStateException e) {
            throw new Refused(409, "no-working-rules", e.getMessage());
        }
        String active = registry.active()
                .map(KnowledgeBaseRegistry.ActiveVersion::version)
                .orElse(null);
        if (source.contentHash().equals(active)) {
            throw new Refused(
                    409,
                    "nothing-to-propose",
                    "The working rules are the active version " + active + ": change them first, then propose");
        }
        ReloadService.Proposed proposed = reloads.propose(by, source, text);
        // the directory has now been read: a restart offers it again only once it changes (an activation, roll
        // back or revert of what was proposed from it must survive a restart)
        seen.record(source.contentHash(), by, clock.instant());
        return proposed;
    }

    /** Proposes an uploaded zip of rules/ (and kb-docs/); the summary is required only where {@code summaryRequired}. */
    public ReloadService.Proposed proposeArchive(String by, byte[] zip, String summary, boolean summaryRequired) {
        String text = checked("/summary", summary, SUMMARY_MAX, summaryRequired);
        return reloads.propose(by, uploads.archive(zip, UploadAudit.Door.PROPOSAL), text);
    }

    public KnowledgeBaseProposalComment comment(String version, String by, String text) {
        return reviews.comment(version, by, clock.instant(), checked("/text", text, TEXT_MAX, true));
    }

    public KnowledgeBaseProposal approve(String version, String by, String comment) {
        return reviews.approve(version, by, clock.instant(), checked("/comment", comment, TEXT_MAX, false));
    }

    public KnowledgeBaseProposal reject(String version, String by, String reason) {
        return reviews.reject(version, by, clock.instant(), checked("/reason", reason, TEXT_MAX, true));
    }

    public KnowledgeBaseProposal repropose(String version, String by, String summary) {
        return reviews.repropose(version, by, clock.instant(), checked("/summary", summary, SUMMARY_MAX, false));
    }

    /**
     * Validates the proposal again and puts it live on every node.
     *
     * @throws Refused 404 for no such proposal, 409 while it may not be activated ({@link #blocked})
     */
    public ReloadResult activate(String version, String by) {
        KnowledgeBaseProposal p =
                registry.proposal(version).orElseThrow(() -> new Refused(404, "not-found", "No proposal " + version));
        Optional<String> blocked = blocked(p);
        if (blocked.isPresent()) {
            String type = p.rejectedAt != null
                    ? "proposal-rejected"
                    : cornerstones.pending(version).isEmpty() ? "approval-required" : "cornerstones-changed";
            throw new Refused(409, type, blocked.get());
        }
        KnowledgeSource source = candidates.version(version, "version");
        return reloads.reload(by, () -> source);
    }

    /**
     * Why the proposal may not be activated now (rejected, changing cornerstone cases without their acceptance, or
     * waiting for the approval required); empty if it may.
     */
    public Optional<String> blocked(KnowledgeBaseProposal p) {
        if (p.rejectedAt != null) {
            return Optional.of(ProposalReviews.rejected(p));
        }
        List<String> why = new ArrayList<>();
        List<String> pending = cornerstones.pending(p.version);
        if (!pending.isEmpty()) {
            why.add("It changes the conclusion of " + pending.size() + " cornerstone case(s) ("
                    + String.join(", ", pending) + ") that "
                    + (cornerstones.approvalRequired() ? "two authors have" : "an author has")
                    + " not accepted");
        }
        if (approvalRequired() && p.approvedBy == null && !registry.wasLive(p.version)) {
            why.add("This version needs the approval of an author other than " + p.proposedBy
                    + " before it is activated");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    /** Whether a version that was never live needs a second author's approval ({@code crosscheck.cluster.require-approval}). */
    public boolean approvalRequired() {
        return cluster.requireApproval();
    }

    /**
     * The text, stripped, or null when blank and not {@code required}.
     *
     * @throws InvalidRequestException 400 when required and blank or not plain text, 422 when longer than {@code max}
     */
    static String checked(String field, String value, int max, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                throw new InvalidRequestException(400, List.of(new FieldError(field, "is required")));
            }
            return null;
        }
        if (!PlainTextValidator.check(errors, field, text)) {
            throw new InvalidRequestException(400, errors);
        }
        if (text.length() > max) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError(field, "must be at most " + max + " characters", text.length())));
        }
        return text;
    }
}
