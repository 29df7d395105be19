package io.crosscheck.web.service;

import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;

/**
 * What the result page shows, in the order a clinician reads it: the safety block, what to do first (the two or three
 * most important plan items with their reasons, and what to ask or test next), the plan in priority order, the
 * patterns, the body diagram, contributors and yellow flags, and the footer's version and disclaimer. Built from the
 * stored result (the same one the API returns) and, for {@code record}, the stored screening around it.
 */
public record ResultView(
        String id,
        String clientRef,
        String createdAt,
        String kbVersion,
        String disclaimer,
        ScreeningResult.Summary summary,
        Safety safety,
        Health health,
        List<PatternView> patterns,
        String bodySvg,
        List<BodyDiagram.Mark> marks,
        List<PlanItem> plan,
        List<Stage> stages,
        FirstSteps first,
        List<ScreeningResult.WithheldIntervention> withheld,
        List<ScreeningResult.PrecautionResult> precautions,
        List<String> contributors,
        List<String> yellowFlags,
        io.crosscheck.screening.model.FollowUpResult followUp,
        ScreeningRecord record) {

    /** A change against the MCID in words, for the outcome table. */
    public String changeWords(String change) {
        if (change == null) {
            return "first recorded";
        }
        return switch (change) {
            case "important_improvement" -> "important improvement";
            case "important_worsening" -> "important worsening";
            default -> "within MCID";
        };
    }

    /** Referral (first on the page), or an incomplete red-flag screen with the questions left to ask. */
    public record Safety(
            boolean referral,
            String urgency,
            String headline,
            List<ScreeningResult.ReferralResult> referrals,
            String screenStatus,
            List<ScreeningResult.UnansweredDomain> unanswered,
            boolean exerciseWithheld) {

        public boolean incomplete() {
            return RedFlagScreen.INCOMPLETE.equals(screenStatus);
        }

        /** What a referral is for, as a sentence opening: "To exclude cauda equina syndrome". */
        public String purpose(ScreeningResult.ReferralResult ref) {
            String p = ref.purpose() == null ? "to exclude " + ref.label() : ref.purpose();
            return p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1);
        }

        public boolean urgent() {
            Urgency u = ScreeningResult.urgency(urgency);
            return u == Urgency.EMERGENCY || u == Urgency.URGENT;
        }
    }

    /**
     * The pre-exercise health screen: its status (complete, incomplete, positive; null for a result stored before
     * it existed), the considerations that change the plan with their reasons, and the applicable questions not
     * asked, by domain.
     */
    public record Health(
            String status,
            List<ScreeningResult.Consideration> considerations,
            List<ScreeningResult.UnansweredDomain> unanswered,
            String because,
            String ruleId) {

        public boolean shown() {
            return status != null;
        }

        public boolean incomplete() {
            return !unanswered.isEmpty();
        }
    }

    /**
     * A pattern card; {@code notAssessed} while a referral is pending (shown collapsed). {@code findings} groups the
     * pattern's findings by code, each with its sides, so the list counts what the pattern counted: "3 distinct
     * findings" lists three lines, a short muscle on both sides one line with two sides.
     */
    public record PatternView(ScreeningResult.PatternResult pattern, boolean notAssessed, List<FindingLine> findings) {

        public String badge() {
            return notAssessed ? "not assessed" : pattern.status();
        }
    }

    /** One finding of a pattern with the sides it was found on (none for a finding without a side). */
    public record FindingLine(String code, String label, List<ScreeningResult.FindingResult> sides) {

        /** The sides in words: "left and right". */
        public String sideWords() {
            List<String> named = sides.stream()
                    .map(ScreeningResult.FindingResult::side)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            return String.join(" and ", named);
        }
    }

    /** One stage of Janda's sequence, as the plan's introduction names it. */
    public record Stage(int phase, String title, String summary) {}

    /**
     * A plan item in priority order: the intervention as the result gives it, its rank (1 = do first), the stage of
     * Janda's sequence it belongs to, how to perform it from its kb-docs page, and the address of its start-and-end
     * picture when it is a home exercise with one (else null).
     */
    public record PlanItem(
            ScreeningResult.InterventionResult intervention,
            int rank,
            Stage stage,
            String howTo,
            String whenToStop,
            String picture) {

        /** The reasons in one line. */
        public String why() {
            return String.join("; ", intervention.rationale());
        }
    }

    /**
     * The summary a result opens with: the most important plan items (two or three; none while a referral is pending)
     * and what to ask or test next.
     */
    public record FirstSteps(List<PlanItem> actions, List<Next> next) {}

    /**
     * One question to ask or test to do next, and why: a red-flag or health question not asked, a test that would
     * settle an open pattern, or a test not yet done that looks for more of a pattern's findings.
     */
    public record Next(String kind, String what, String why) {}

    /**
     * The screening around the result: who screened, when the visit was and when this version was saved (clinic
     * time), its version in the chain and why it was amended, what changed from the version before, the measured and
     * observed values and symptoms recorded, and the disagreements recorded with its conclusions.
     */
    public record ScreeningRecord(
            String clinician,
            String screenedAt,
            String savedAt,
            int version,
            int versions,
            String amendReason,
            String previousId,
            List<AmendmentDiff.Change> changes,
            List<RequestFields.Field> measured,
            List<RequestFields.Field> symptoms,
            List<Disagreement> disagreements) {

        public boolean amended() {
            return version > 1;
        }

        /** The version this one amends (0 for the first). */
        public int previousVersion() {
            return version - 1;
        }
    }

    /** A disagreement a clinician recorded with a conclusion of this screening. */
    public record Disagreement(String conclusion, String expected, String comment, String user, String at) {}

    public boolean hasPlan() {
        return !plan.isEmpty();
    }
}
