package io.crosscheck.authoring.cornerstone;

import io.crosscheck.screening.Screening;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a cornerstone case comes from: a clinician's disagreement ({@link DisagreementOrigin}) or a CDS card override
 * with its reason (implemented by the CDS Hooks integration, which sits above authoring). Each finds its record in
 * the caller's clinic and the screening behind it, read through the screening store (so the read is filtered by
 * clinic and audited).
 */
public interface CornerstoneOrigin {

    /** {@link Cornerstone#DISAGREEMENT} or {@link Cornerstone#OVERRIDE}: the request field naming the record. */
    String kind();

    /**
     * What the clinician decided.
     *
     * @param screening the screening it was decided on (its request is pseudonymised before anything is kept)
     * @param rules the rules concerned
     * @param expected what the clinician expected instead (their words for a disagreement, the card and its override
     *     reason for an override)
     * @param decidedBy the clinician, or the EHR client whose user overrode the card
     * @param decidedAt when (kept as its month only)
     * @param reason the override's coded reason (display or code); null for a disagreement
     */
    record Found(
            Screening screening,
            List<String> rules,
            String expected,
            String decidedBy,
            Instant decidedAt,
            String reason) {}

    /** The record {@code id} of the caller's clinic and its screening; empty when there is none. */
    Optional<Found> find(UUID id);
}
