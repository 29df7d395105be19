package io.crosscheck.authoring.service;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Audits what the upload doors refuse, so that every candidate knowledge base that enters the service
 * leaves an entry, accepted or rejected. Who and when are the audit log's (the authenticated caller, the
 * time of recording); the entry carries the candidate's content hash and the number of problems, never
 * its text nor the problems' messages (compiler messages quote the DRL). Accepted candidates are
 * audited where they are stored or started ({@code kb.load.accepted}, {@code kb.proposed},
 * {@code kb.replay}); a rejected reload through validation by the registry ({@code kb.load.rejected}).
 */
@ApplicationScoped
public class UploadAudit {

    /** The door a candidate came through, as the detail of its entry names it. */
    public enum Door {
        UPLOAD(AuditEvent.KB_LOAD_REJECTED, "upload"),
        PROPOSAL(AuditEvent.KB_PROPOSAL_REJECTED, "proposal"),
        REPLAY(AuditEvent.KB_REPLAY_REJECTED, "replay");

        final String rejectedAction;
        final String name;

        Door(String rejectedAction, String name) {
            this.rejectedAction = rejectedAction;
            this.name = name;
        }
    }

    private final CandidateSources candidates;
    private final Event<AuditEvent> audit;

    UploadAudit(CandidateSources candidates, Event<AuditEvent> audit) {
        this.candidates = candidates;
        this.audit = audit;
    }

    /**
     * Reads an uploaded archive ({@link CandidateSources#archive}); an unreadable one (not a zip, too
     * large, a path outside rules/ and kb-docs/) is audited as rejected at {@code door}, then refused.
     */
    public KnowledgeSource archive(byte[] zip, Door door) {
        try {
            return candidates.archive(zip);
        } catch (InvalidRequestException e) {
            rejected(door, CandidateSources.archiveId(zip), e.errors().size());
            throw e;
        }
    }

    /** Records a candidate refused at {@code door}: its content hash and how many problems it had. */
    public void rejected(Door door, String contentHash, int problems) {
        audit.fire(new AuditEvent(
                door.rejectedAction, contentHash, contentHash, door.name + ": " + problems + " problem(s)"));
    }
}
