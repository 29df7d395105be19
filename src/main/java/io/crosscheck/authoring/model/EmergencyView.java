package io.crosscheck.authoring.model;

import java.time.Instant;

/** An emergency activation as the API shows it; {@code awaitingReview} until another author reviewed it. */
public record EmergencyView(
        String version,
        String revertedVersion,
        Instant activatedAt,
        String activatedBy,
        String reason,
        boolean awaitingReview,
        Instant reviewedAt,
        String reviewedBy,
        String reviewReason) {

    public static EmergencyView of(EmergencyActivation e) {
        return new EmergencyView(
                e.version,
                e.revertedVersion,
                e.activatedAt,
                e.activatedBy,
                e.reason,
                e.reviewedBy == null,
                e.reviewedAt,
                e.reviewedBy,
                e.reviewReason);
    }
}
