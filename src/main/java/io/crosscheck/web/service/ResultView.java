package io.crosscheck.web.service;

import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;

/**
 * What the result page shows, in the order a clinician reads it: the safety block, the patterns, the
 * body diagram, the plan by Janda stage, contributors and yellow flags, and the footer's version and
 * disclaimer. Built from the stored result only (the same one the API returns).
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
        List<Stage> plan,
        List<ScreeningResult.WithheldIntervention> withheld,
        List<ScreeningResult.PrecautionResult> precautions,
        List<String> contributors,
        List<String> yellowFlags,
        io.crosscheck.screening.model.FollowUpResult followUp) {

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

    /** A pattern card; {@code notAssessed} while a referral is pending (shown collapsed). */
    public record PatternView(ScreeningResult.PatternResult pattern, boolean notAssessed) {

        public String badge() {
            return notAssessed ? "not assessed" : pattern.status();
        }
    }

    /** One stage of Janda's sequence with the plan items in it. */
    public record Stage(int phase, String title, String summary, List<PlanItem> items) {}

    /**
     * A plan item: the intervention as the result gives it, how to perform it from its kb-docs page, and the address
     * of its start-and-end picture when it is a home exercise with one (else null).
     */
    public record PlanItem(
            ScreeningResult.InterventionResult intervention, String howTo, String whenToStop, String picture) {}

    public boolean hasPlan() {
        return plan.stream().anyMatch(s -> !s.items().isEmpty());
    }
}
