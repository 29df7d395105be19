package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What would change a screening's result: the smallest changes of its input that move a decision, each found by
 * evaluating the varied request on the same evaluation path as the screening itself (not by a second model of the
 * rules), and each phrased as something a clinician can do (a test to perform, a question to ask, an answer to
 * confirm), never as an instruction to change a recorded finding.
 *
 * @param screeningId       the screening analysed
 * @param knowledgeBase     the knowledge base the variants were evaluated on
 * @param sameKnowledgeBase whether that is the knowledge base that produced the stored result (if not, the changes are
 *                          relative to the result this knowledge base gives for the same request, shown as baseline)
 * @param patterns          per pattern: its status and the single findings that would move it
 * @param plan              unanswered questions that would change the plan, most decisive first
 * @param referral          what a pending referral rests on, and single answers that would raise or lower its urgency
 * @param variants          how many varied requests were evaluated
 * @param limit             the most the analysis evaluates (crosscheck.what-if.max-variants)
 * @param complete          false when the limit cut the analysis short (the list of variants is fixed, so the cut is
 *                          the same on every run)
 * @param elapsedMs         time taken, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WhatIf(
        String screeningId,
        String knowledgeBase,
        boolean sameKnowledgeBase,
        List<PatternWhatIf> patterns,
        List<QuestionWhatIf> plan,
        ReferralWhatIf referral,
        int variants,
        int limit,
        boolean complete,
        long elapsedMs) {

    /** A pattern, its status in the baseline, and the single findings that would move it. */
    public record PatternWhatIf(String code, String name, String status, List<FindingChange> changes) {}

    /**
     * One finding that would move a pattern's status.
     *
     * @param kind      {@code untested}: a test not recorded, if it showed the finding; {@code recorded}: a recorded
     *                  finding the status rests on, if a repeat test did not confirm it
     * @param code      what the change is about: a posture observation, a muscle (its length test named in the
     *                  label), a movement test or an observed sign's input code
     * @param side      left, right, bilateral, or null for a test without sides
     * @param finding   what the test would show ("short", "abnormal", "present", "normal", "absent")
     * @param status    the pattern's status with that change
     * @param direction {@code up} (towards consistent) or {@code down}
     * @param action    what the clinician can do, in words
     */
    public record FindingChange(
            String kind,
            String code,
            String label,
            String side,
            String finding,
            String status,
            String direction,
            String action) {}

    /**
     * An unanswered question of the red-flag or health screen and what a "yes" would do to the plan.
     *
     * @param screen         {@code red_flags} or {@code health}
     * @param referral       the urgency of the referral a "yes" would start, null if none
     * @param removed        plan items a "yes" would take away or withhold
     * @param added          plan items a "yes" would add
     * @param precautions    precautions a "yes" would add
     * @param changes        how much of the plan a "yes" changes (items removed, added, precautions added): the rank
     * @param action         what to ask, in words
     */
    public record QuestionWhatIf(
            String screen,
            String code,
            String label,
            String domain,
            String referral,
            List<String> removed,
            List<String> added,
            List<String> precautions,
            int changes,
            String action) {}

    /**
     * A pending referral: the answers it rests on (each with what a "no" would leave), and the unanswered questions a
     * "yes" to which would make it more urgent.
     */
    public record ReferralWhatIf(String urgency, List<AnswerChange> restsOn, List<AnswerChange> wouldRaise) {}

    /**
     * One answer and the referral with it changed.
     *
     * @param urgency the referral's urgency with the answer changed ({@code none}: no referral)
     * @param effect  {@code lower}, {@code same} or {@code higher}
     */
    public record AnswerChange(
            String code, String label, String answer, String urgency, String effect, String action) {}

    /** Whether anything would change at all (for a compact display). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return patterns.stream().allMatch(p -> p.changes().isEmpty())
                && plan.isEmpty()
                && (referral == null
                        || referral.restsOn().isEmpty() && referral.wouldRaise().isEmpty());
    }
}
