package io.crosscheck.screening.service;

import io.crosscheck.engine.facts.HealthScreen;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary a result leads with. It names the status of both screens; the plan is {@code withheld} while a
 * referral is pending, {@code provisional} while any applicable question of either screen is unanswered, and
 * {@code final} only when both screens were fully asked.
 */
final class SummaryWriter {

    private SummaryWriter() {}

    static ScreeningResult.Summary summary(
            RedFlagOutcome redFlags, HealthScreenOutcome health, List<PatternResult> patterns) {
        String status = redFlags.screen().status();
        if (redFlags.referral()) {
            ReferralResult first = redFlags.referrals().get(0);
            return new ScreeningResult.Summary(
                    status,
                    health.status(),
                    "withheld",
                    "Refer (" + redFlags.urgency() + ") " + first.purpose() + ": "
                            + String.join(", ", first.reasons())
                            + ". Everything but the referral is withheld until it has been dealt with.");
        }
        int redUnanswered = UnansweredDomains.count(redFlags.screen().unanswered());
        int healthUnanswered = UnansweredDomains.count(health.unanswered());
        // a screen no rule concluded complete (no screen rules, nothing asserted) is incomplete even with no question
        // listed
        boolean redOpen = redUnanswered > 0 || io.crosscheck.engine.facts.RedFlagScreen.INCOMPLETE.equals(status);
        boolean healthOpen =
                healthUnanswered > 0 || io.crosscheck.engine.facts.HealthScreen.INCOMPLETE.equals(health.status());
        // a knowledge base without health-screen rules concluded no status: nothing was screened
        boolean healthScreened = health.ruleId() != null;
        List<String> sentences = new ArrayList<>();
        sentences.add(
                redUnanswered > 0
                        ? "Red-flag screen incomplete: " + questions(redUnanswered) + " not answered ("
                                + domains(redFlags.screen().unanswered()) + ")."
                        : redOpen ? "Red-flag screen incomplete." : "Red-flag screen complete and negative.");
        sentences.add(
                healthScreened
                        ? healthSentence(health, healthUnanswered)
                        : "No health screen: this knowledge base asks no health questions.");
        boolean provisional = redOpen || healthOpen;
        if (provisional) {
            sentences.add("The plan is provisional until "
                    + (redOpen && healthOpen ? "both screens are" : "the screen is")
                    + " complete.");
        } else {
            sentences.add(outcome(patterns) + ".");
        }
        return new ScreeningResult.Summary(
                status, health.status(), provisional ? "provisional" : "final", String.join(" ", sentences));
    }

    private static String healthSentence(HealthScreenOutcome health, int unanswered) {
        String missing =
                unanswered > 0 ? questions(unanswered) + " not answered (" + domains(health.unanswered()) + ")" : null;
        if (!health.considerations().isEmpty()) {
            return "Health screen positive: "
                    + String.join(
                            "; ",
                            health.considerations().stream()
                                    .map(ScreeningResult.Consideration::text)
                                    .distinct()
                                    .toList())
                    + (missing == null ? "." : "; " + missing + ".");
        }
        if (missing == null && HealthScreen.INCOMPLETE.equals(health.status())) {
            return "Health screen incomplete.";
        }
        return missing == null
                ? "Health screen complete: nothing changes the plan."
                : "Health screen incomplete: " + missing + ".";
    }

    private static String outcome(List<PatternResult> patterns) {
        return patterns.stream()
                .filter(p -> p.patternStatus() == PatternStatus.CONSISTENT && !"LAYER".equals(p.code()))
                .map(PatternResult::statement)
                .findFirst()
                .orElse(patterns.stream()
                        .filter(p -> p.patternStatus() == PatternStatus.PARTIAL)
                        .map(PatternResult::statement)
                        .findFirst()
                        .orElse("No pattern reached"));
    }

    private static String questions(int n) {
        return n + (n == 1 ? " applicable question" : " applicable questions");
    }

    private static String domains(List<ScreeningResult.UnansweredDomain> unanswered) {
        return String.join(
                ", ",
                unanswered.stream().map(ScreeningResult.UnansweredDomain::label).toList());
    }
}
