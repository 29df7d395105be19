package io.crosscheck.authoring.replay.model;

/**
 * One re-evaluated screening or scenario: changed (with its diff), unchanged, or failed to
 * evaluate (with the reason, e.g. the request is no longer valid under the candidate vocabulary).
 *
 * @param subject the screening id or the scenario file
 * @param failure for {@link Status#FAILED}: the kind of failure, e.g. {@code invalid under candidate: ...}
 */
public record ReplayOutcome(String subject, Status status, ScreeningDiff diff, String failure) {

    public enum Status {
        CHANGED,
        UNCHANGED,
        FAILED
    }

    public static ReplayOutcome compared(String subject, ScreeningDiff diff) {
        return new ReplayOutcome(subject, diff.none() ? Status.UNCHANGED : Status.CHANGED, diff, null);
    }

    public static ReplayOutcome unchanged(String subject) {
        return new ReplayOutcome(subject, Status.UNCHANGED, null, null);
    }

    public static ReplayOutcome failed(String subject, String failure) {
        return new ReplayOutcome(subject, Status.FAILED, null, failure);
    }
}
