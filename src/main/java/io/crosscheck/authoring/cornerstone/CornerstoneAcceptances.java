package io.crosscheck.authoring.cornerstone;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An author's explicit acceptance of the conclusion a candidate version gives a cornerstone case, with the reason,
 * audited. Where approval is required ({@code crosscheck.cluster.require-approval}) a second author confirms it, with
 * a reason of their own; the first author's second acceptance is refused. Only a conclusion the version was checked
 * to give can be accepted: what is accepted is that conclusion, so a different one later needs a new acceptance.
 */
@ApplicationScoped
public class CornerstoneAcceptances {

    private final CornerstoneHold hold;
    private final CornerstoneViews views;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    CornerstoneAcceptances(CornerstoneHold hold, CornerstoneViews views, Event<AuditEvent> audit) {
        this.hold = hold;
        this.views = views;
        this.audit = audit;
    }

    /**
     * Accepts (or, as a second author, confirms) the conclusion {@code version} gives case {@code id}. 422 naming each
     * bad field (no version, a version not checked against the case or that does not change it, no reason); 404 for
     * no such case; 409 when it is retired, accepted already, or the confirmation would be by the author who accepted.
     *
     * @return the case as the version changes it, with its acceptance
     */
    @Transactional
    public CornerstoneViews.Change accept(UUID id, String version, String reason, String by) {
        CornerstoneService.plain("/version", version, "/reason", reason);
        List<FieldError> errors = new ArrayList<>();
        String why = CornerstoneService.text(errors, "/reason", reason, CornerstoneService.REASON_MAX, true);
        String v = version == null ? null : version.strip();
        Cornerstone c = id == null ? null : Cornerstone.findById(id);
        if (c == null) {
            throw new Refused(404, "not-found", "No cornerstone case " + id);
        }
        CornerstoneCheck check = null;
        if (v == null || v.isEmpty()) {
            errors.add(new FieldError("/version", "is required: the candidate version whose conclusion you accept"));
        } else {
            check = CornerstoneCheck.findById(new CornerstoneCheck.Key(v, c.id));
            if (check == null) {
                errors.add(new FieldError(
                        "/version", "this version was not checked against this cornerstone: propose or reload it", v));
            } else if (views.conclusion(check.conclusionJson).equals(views.conclusion(c.conclusionJson))) {
                errors.add(new FieldError("/version", "this version keeps this cornerstone's conclusion", v));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        if (Cornerstone.RETIRED.equals(c.status)) {
            throw new Refused(409, "cornerstone-retired", "Cornerstone " + c.shortId() + " is retired");
        }
        CornerstoneCheck checked = check;
        CornerstoneAcceptance a = CornerstoneHold.acceptance(c.id, v)
                .filter(x -> views.conclusion(x.conclusionJson).equals(views.conclusion(checked.conclusionJson)))
                .orElse(null);
        if (a == null) {
            CornerstoneHold.acceptance(c.id, v).ifPresent(stale -> stale.delete());
            CornerstoneAcceptance.flush();
            a = new CornerstoneAcceptance();
            a.id = UUID.randomUUID();
            a.cornerstoneId = c.id;
            a.version = v;
            a.conclusionJson = checked.conclusionJson;
            a.fired = checked.fired;
            a.acceptedBy = by;
            a.acceptedAt = clock.instant();
            a.reason = why;
            a.persist();
            audit.fire(new AuditEvent(
                    AuditEvent.KB_CORNERSTONE_ACCEPTED,
                    c.id.toString(),
                    v,
                    "by " + by + (hold.approvalRequired() ? ", awaiting a second author" : "")));
        } else if (a.complete(hold.approvalRequired())) {
            throw new Refused(
                    409,
                    "cornerstone-accepted",
                    "Cornerstone " + c.shortId() + "'s conclusion under this version is accepted already (by "
                            + a.acceptedBy + (a.confirmedBy == null ? "" : ", confirmed by " + a.confirmedBy) + ")");
        } else if (a.acceptedBy.equals(by)) {
            throw new Refused(
                    409,
                    "acceptance-by-same-author",
                    "You accepted this change: an author other than " + by + " confirms it");
        } else {
            a.confirmedBy = by;
            a.confirmedAt = clock.instant();
            a.confirmReason = why;
            audit.fire(new AuditEvent(
                    AuditEvent.KB_CORNERSTONE_CONFIRMED,
                    c.id.toString(),
                    v,
                    "by " + by + ", accepted by " + a.acceptedBy));
        }
        return hold.changes(v)
                .flatMap(changes -> changes.cases().stream()
                        .filter(x -> x.id().equals(c.id))
                        .findFirst())
                .orElseThrow();
    }
}
