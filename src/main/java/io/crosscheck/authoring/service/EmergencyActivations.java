package io.crosscheck.authoring.service;

import io.crosscheck.authoring.model.EmergencyActivation;
import io.crosscheck.authoring.model.EmergencyView;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Emergency activations (a revert put live after validation without a second author's approval) and their review
 * by another author. Both are audited; the reasons are kept here, not in the audit log (they are free text).
 */
@ApplicationScoped
public class EmergencyActivations {

    /** An emergency revert went live: {@code subject} the version, {@code detail} the version it reverted. */
    public static final String ACTIVATED = "kb.emergency.activated";
    /** Another author reviewed an emergency activation. */
    public static final String REVIEWED = "kb.emergency.reviewed";

    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    EmergencyActivations(Event<AuditEvent> audit) {
        this.audit = audit;
    }

    @Transactional
    public EmergencyView record(String version, String reverted, String by, String reason) {
        EmergencyActivation e = new EmergencyActivation();
        e.id = UUID.randomUUID();
        e.version = version;
        e.revertedVersion = reverted;
        e.activatedAt = clock.instant();
        e.activatedBy = name(by);
        e.reason = reason;
        e.persist();
        audit.fire(new AuditEvent(
                ACTIVATED,
                version,
                version,
                "revert of " + reverted + " by " + by + " without approval; awaits review"));
        return EmergencyView.of(e);
    }

    /** The outcome of a review: the reviewed emergency, or why it was refused. */
    public record Reviewed(Optional<EmergencyView> emergency, Optional<Problem> refused) {}

    /**
     * Records another author's review of the emergency activation of {@code version} awaiting one (the latest when
     * there are several); empty when the version was never activated in an emergency.
     */
    @Transactional
    public Optional<Reviewed> review(String version, String by, String reason) {
        List<EmergencyActivation> all = EmergencyActivation.list("version = ?1 order by activatedAt desc", version);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<EmergencyActivation> awaiting =
                all.stream().filter(e -> e.reviewedBy == null).findFirst();
        if (awaiting.isEmpty()) {
            return Optional.of(refused(Problem.of(
                    "emergency-reviewed",
                    "Conflict",
                    409,
                    "The emergency activation of " + version + " was reviewed already by " + all.get(0).reviewedBy)));
        }
        EmergencyActivation e = awaiting.get();
        if (e.activatedBy.equals(name(by))) {
            return Optional.of(refused(Problem.of(
                    "review-by-activator",
                    "Conflict",
                    409,
                    "An emergency activation is reviewed by an author other than the one who made it (" + e.activatedBy
                            + ")")));
        }
        e.reviewedBy = name(by);
        e.reviewedAt = clock.instant();
        e.reviewReason = reason;
        audit.fire(new AuditEvent(
                REVIEWED, version, version, "by " + by + ", activated in an emergency by " + e.activatedBy));
        return Optional.of(new Reviewed(Optional.of(EmergencyView.of(e)), Optional.empty()));
    }

    /** Emergency activations, newest first; {@code awaitingOnly}: those no other author reviewed yet. */
    @Transactional
    public List<EmergencyView> list(boolean awaitingOnly) {
        List<EmergencyActivation> rows = awaitingOnly
                ? EmergencyActivation.list("reviewedBy is null order by activatedAt desc")
                : EmergencyActivation.list("order by activatedAt desc");
        return rows.stream().map(EmergencyView::of).toList();
    }

    private static String name(String user) {
        return user.length() <= 128 ? user : user.substring(0, 128);
    }

    private static Reviewed refused(Problem p) {
        return new Reviewed(Optional.empty(), Optional.of(p));
    }
}
