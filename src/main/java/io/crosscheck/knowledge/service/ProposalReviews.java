package io.crosscheck.knowledge.service;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.KnowledgeBaseProposalComment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The review of a proposal, stored and audited: proposing (and proposing again after a rejection), comments,
 * approval with an optional comment, rejection with a reason. A rejected proposal is neither approved nor
 * activated until it is proposed again. What the caller may not do is refused with {@link Refused}.
 */
@ApplicationScoped
public class ProposalReviews {

    /** A review step that is not allowed now: {@code status} 404 (no such proposal) or 409, and a slug. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String type;

        public Refused(int status, String type, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }
    }

    private final KnowledgeBaseRegistry registry;
    private final Event<AuditEvent> audit;

    ProposalReviews(KnowledgeBaseRegistry registry, Event<AuditEvent> audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /**
     * Stores a validated candidate that is not live yet, with its proposer's summary (may be null) and the version
     * active now as what it changes. The same content again changes nothing, unless it was rejected: then it is
     * proposed again ({@link #repropose}).
     */
    @Transactional
    public KnowledgeBaseProposal propose(KnowledgeBase kb, String by, Instant at, String summary) {
        KnowledgeBaseProposal existing = KnowledgeBaseProposal.findById(kb.version());
        if (existing != null) {
            return existing.rejectedAt == null ? existing : repropose(kb.version(), by, at, summary);
        }
        KnowledgeBaseProposal p = new KnowledgeBaseProposal();
        p.version = kb.version();
        p.proposedAt = at;
        p.proposedBy = truncate(by, 128);
        p.origin = truncate(kb.source().origin(), 512);
        p.ruleCount = kb.rules().size();
        p.filesJson = registry.filesJson(kb);
        p.summary = blankToNull(summary);
        p.baseVersion = activeVersion();
        p.persist();
        audit.fire(new AuditEvent(AuditEvent.KB_PROPOSED, p.version, p.version, "by " + p.proposedBy));
        return p;
    }

    /** Opens a rejected proposal for review again, proposed now by {@code by} (with a new summary, if given). */
    @Transactional
    public KnowledgeBaseProposal repropose(String version, String by, Instant at, String summary) {
        KnowledgeBaseProposal p = find(version);
        if (p.rejectedAt == null) {
            throw new Refused(409, "proposal-not-rejected", "Only a rejected proposal is proposed again");
        }
        p.rejectedAt = null;
        p.rejectedBy = null;
        p.rejectionReason = null;
        p.approvedAt = null;
        p.approvedBy = null;
        p.proposedBy = truncate(by, 128);
        p.proposedAt = at;
        if (blankToNull(summary) != null) {
            p.summary = summary.strip();
        }
        p.baseVersion = activeVersion();
        entry(version, by, at, KnowledgeBaseProposalComment.REPROPOSAL, p.summary == null ? "" : p.summary);
        audit.fire(new AuditEvent(AuditEvent.KB_REPROPOSED, version, version, "by " + p.proposedBy));
        return p;
    }

    /** Adds a comment to the proposal's thread. */
    @Transactional
    public KnowledgeBaseProposalComment comment(String version, String by, Instant at, String text) {
        find(version);
        KnowledgeBaseProposalComment c = entry(version, by, at, KnowledgeBaseProposalComment.COMMENT, text);
        audit.fire(new AuditEvent(AuditEvent.KB_COMMENTED, version, version, "by " + c.author));
        return c;
    }

    /**
     * Records a second author's approval, with their comment (may be null) in the thread. Refused for the proposer
     * and for a rejected proposal; approving an approved proposal again only adds the comment.
     */
    @Transactional
    public KnowledgeBaseProposal approve(String version, String by, Instant at, String comment) {
        KnowledgeBaseProposal p = find(version);
        if (p.proposedBy.equals(by)) {
            throw new Refused(
                    409,
                    "approval-by-proposer",
                    "A proposal is approved by an author other than the one who proposed it");
        }
        if (p.rejectedAt != null) {
            throw new Refused(409, "proposal-rejected", rejected(p));
        }
        if (p.approvedBy != null) {
            if (blankToNull(comment) != null) {
                comment(version, by, at, comment);
            }
            return p;
        }
        p.approvedBy = truncate(by, 128);
        p.approvedAt = at;
        entry(version, by, at, KnowledgeBaseProposalComment.APPROVAL, comment == null ? "" : comment.strip());
        audit.fire(new AuditEvent(
                AuditEvent.KB_APPROVED,
                version,
                version,
                "by " + p.approvedBy + ", proposed by " + p.proposedBy
                        + (blankToNull(comment) == null ? "" : ", with a comment")));
        return p;
    }

    /**
     * Rejects a proposal with a reason (kept in the thread): its approval, if any, no longer counts. Refused for the
     * active version and for one rejected already.
     */
    @Transactional
    public KnowledgeBaseProposal reject(String version, String by, Instant at, String reason) {
        KnowledgeBaseProposal p = find(version);
        if (p.rejectedAt != null) {
            throw new Refused(409, "proposal-rejected", rejected(p));
        }
        if (version.equals(activeVersion())) {
            throw new Refused(
                    409,
                    "proposal-active",
                    "This version is active: activate another version to take it out of service");
        }
        p.rejectedBy = truncate(by, 128);
        p.rejectedAt = at;
        p.rejectionReason = reason.strip();
        p.approvedBy = null;
        p.approvedAt = null;
        entry(version, by, at, KnowledgeBaseProposalComment.REJECTION, p.rejectionReason);
        audit.fire(new AuditEvent(
                AuditEvent.KB_REJECTED, version, version, "by " + p.rejectedBy + ", proposed by " + p.proposedBy));
        return p;
    }

    /** The proposal's thread, oldest first. */
    @Transactional
    public List<KnowledgeBaseProposalComment> thread(String version) {
        return KnowledgeBaseProposalComment.thread(version);
    }

    /** Why a rejected proposal is refused, in a sentence. */
    public static String rejected(KnowledgeBaseProposal p) {
        return "Rejected by " + p.rejectedBy + " (" + VersionLabels.WHEN.format(p.rejectedAt) + " UTC): \u201c"
                + p.rejectionReason + "\u201d. Propose it again to have it reviewed once more";
    }

    private KnowledgeBaseProposal find(String version) {
        KnowledgeBaseProposal p = KnowledgeBaseProposal.findById(version);
        if (p == null) {
            throw new Refused(404, "not-found", "No proposal " + version);
        }
        return p;
    }

    private String activeVersion() {
        return registry.active()
                .map(KnowledgeBaseRegistry.ActiveVersion::version)
                .orElse(null);
    }

    private static KnowledgeBaseProposalComment entry(String version, String by, Instant at, String kind, String text) {
        KnowledgeBaseProposalComment c = new KnowledgeBaseProposalComment();
        c.id = UUID.randomUUID();
        c.version = version;
        c.author = truncate(by, 128);
        c.writtenAt = at;
        c.kind = kind;
        c.text = text;
        c.persist();
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
