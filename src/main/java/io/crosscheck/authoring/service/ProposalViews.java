package io.crosscheck.authoring.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.authoring.cornerstone.CornerstoneViews;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.KnowledgeBaseProposalComment;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.ProposalReviews;
import io.crosscheck.knowledge.service.RuleChanges;
import io.crosscheck.knowledge.service.VersionDiff;
import io.crosscheck.knowledge.service.VersionLabels;
import io.crosscheck.knowledge.service.VersionLabels.VersionLabel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposals and stored versions as the API and the pages show them: each with its label ({@link VersionLabels}),
 * its status ({@code proposed}, {@code approved}, {@code rejected}, {@code active}, {@code was live}), whether it
 * may be activated now and why not; one of them with its thread and what it changed against the version it was
 * measured against (files as line hunks, rules by id).
 */
@ApplicationScoped
public class ProposalViews {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String ACTIVE = "active";
    public static final String WAS_LIVE = "was live";

    /** One entry of a proposal's thread: a comment, an approval (its comment), a rejection (its reason), a re-proposal. */
    public record CommentView(String author, Instant at, String kind, String text) {}

    /** What a version changed against {@code from}: files added, removed and changed (line hunks), rules by id. */
    public record Changes(
            String from,
            String fromLabel,
            List<String> filesAdded,
            List<String> filesRemoved,
            List<VersionDiff.FileChange> filesChanged,
            RuleChanges.Rules rules) {}

    /**
     * A proposal: who proposed it, when and why, its label and status, its review, and whether it may be activated
     * now ({@code notActivatableBecause} when not). {@code comments}, {@code changes} and {@code cornerstones} (what it
     * does to the cornerstone cases, when it was checked against any) are given for one proposal, not in lists.
     */
    public record ProposalView(
            String version,
            String shortVersion,
            String label,
            String status,
            String summary,
            Instant proposedAt,
            String proposedBy,
            String origin,
            int ruleCount,
            String approvedBy,
            Instant approvedAt,
            String rejectedBy,
            Instant rejectedAt,
            String rejectionReason,
            boolean approvalRequired,
            boolean activatable,
            String notActivatableBecause,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentView> comments,
            @JsonInclude(JsonInclude.Include.NON_NULL) Changes changes,
            @JsonInclude(JsonInclude.Include.NON_NULL) CornerstoneViews.Changes cornerstones) {}

    /** A stored version in the list: a proposal, or a version that went live without one ({@code proposal} false). */
    public record VersionRow(String version, VersionLabel label, String status, boolean proposal) {}

    private final KnowledgeBaseRegistry registry;
    private final VersionLabels labels;
    private final ProposalWorkflow workflow;
    private final ProposalReviews reviews;
    private final CornerstoneHold cornerstones;

    ProposalViews(
            KnowledgeBaseRegistry registry,
            VersionLabels labels,
            ProposalWorkflow workflow,
            ProposalReviews reviews,
            CornerstoneHold cornerstones) {
        this.cornerstones = cornerstones;
        this.registry = registry;
        this.labels = labels;
        this.workflow = workflow;
        this.reviews = reviews;
    }

    /** Every proposal, newest first, without thread or changes. */
    public List<ProposalView> list() {
        String active = active();
        return registry.proposals().stream().map(p -> view(p, active, false)).toList();
    }

    /** One proposal with its thread and changes. */
    public Optional<ProposalView> get(String version) {
        return registry.proposal(version).map(p -> view(p, active(), true));
    }

    /** A proposal as the answer to a step taken on it (no thread, no changes). */
    public ProposalView of(KnowledgeBaseProposal p) {
        return view(p, active(), false);
    }

    /** Every stored version, proposals and versions that went live, newest first. */
    public List<VersionRow> history() {
        String active = active();
        List<VersionRow> rows = new ArrayList<>();
        Set<String> proposed = new HashSet<>();
        for (KnowledgeBaseProposal p : registry.proposals()) {
            rows.add(new VersionRow(p.version, labels.of(p.version), status(p, active), true));
            proposed.add(p.version);
        }
        for (KnowledgeBaseVersion v : registry.versions()) {
            if (!proposed.contains(v.version)) {
                rows.add(new VersionRow(
                        v.version, labels.of(v.version), v.version.equals(active) ? ACTIVE : WAS_LIVE, false));
            }
        }
        rows.sort(Comparator.comparing((VersionRow r) -> r.label().at()).reversed());
        return rows;
    }

    /** The status of a stored version that is not a proposal; empty when it is not stored at all. */
    public Optional<String> liveStatus(String version) {
        return registry.version(version).map(v -> v.version.equals(active()) ? ACTIVE : WAS_LIVE);
    }

    /** What {@code version} changed against its label's base; empty for the first version stored. */
    public Optional<Changes> changes(String version) {
        VersionLabel label = labels.of(version);
        if (label.base() == null) {
            return Optional.empty();
        }
        Optional<Map<String, String>> from = registry.files(label.base());
        Optional<Map<String, String>> to = registry.files(version);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        VersionDiff.Diff diff = VersionDiff.between(label.base(), from.get(), version, to.get());
        return Optional.of(new Changes(
                label.base(),
                labels.text(label.base()),
                diff.added(),
                diff.removed(),
                diff.changed(),
                RuleChanges.between(from.get(), to.get())));
    }

    public List<CommentView> thread(String version) {
        return reviews.thread(version).stream().map(ProposalViews::comment).toList();
    }

    /** The active version of the deployment (null before the first activation). */
    public String active() {
        return registry.active()
                .map(KnowledgeBaseRegistry.ActiveVersion::version)
                .orElse(null);
    }

    private ProposalView view(KnowledgeBaseProposal p, String active, boolean full) {
        Optional<String> blocked = workflow.blocked(p);
        VersionLabel label = labels.of(p.version);
        return new ProposalView(
                p.version,
                label.shortHash(),
                label.text(),
                status(p, active),
                p.summary,
                p.proposedAt,
                p.proposedBy,
                p.origin,
                p.ruleCount,
                p.approvedBy,
                p.approvedAt,
                p.rejectedBy,
                p.rejectedAt,
                p.rejectionReason,
                workflow.approvalRequired(),
                blocked.isEmpty(),
                blocked.orElse(null),
                full ? thread(p.version) : null,
                full ? changes(p.version).orElse(null) : null,
                full ? cornerstones.changes(p.version).orElse(null) : null);
    }

    private String status(KnowledgeBaseProposal p, String active) {
        if (p.version.equals(active)) {
            return ACTIVE;
        }
        if (p.rejectedAt != null) {
            return REJECTED;
        }
        if (registry.wasLive(p.version)) {
            return WAS_LIVE;
        }
        return p.approvedBy != null ? APPROVED : PROPOSED;
    }

    private static CommentView comment(KnowledgeBaseProposalComment c) {
        return new CommentView(c.author, c.writtenAt, c.kind, c.text);
    }
}
