package io.crosscheck.cdshooks.service;

import io.crosscheck.engine.facts.HealthScreen;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a card states the pre-exercise health screen: inside the cards that already carry the red-flag screen
 * (the incomplete-screen card, the pattern cards), never as a card of its own (an incomplete health screen alone
 * is information, not a new warning). Pure.
 */
final class HealthScreenLines {

    private HealthScreenLines() {}

    /**
     * The health screen in one Markdown paragraph: its status, the considerations that change the plan and the
     * applicable questions not asked, by domain; empty when the result has no health screen.
     */
    static String status(ScreeningResult r) {
        HealthScreenOutcome h = r.healthScreen();
        if (h == null || h.status() == null) {
            return "";
        }
        StringBuilder d =
                new StringBuilder("**Health screen ").append(h.status()).append(".**");
        if (h.considerations() != null && !h.considerations().isEmpty()) {
            d.append(" Changes the plan: ")
                    .append(h.considerations().stream()
                            .map(c -> CardBuilder.markdown(c.text()))
                            .distinct()
                            .collect(Collectors.joining("; ")))
                    .append('.');
        }
        int count = unanswered(h);
        if (count > 0) {
            d.append(" Not asked (never read as \"no\"): ")
                    .append(h.unanswered().stream()
                            .map(u -> CardBuilder.markdown(u.label()) + " ("
                                    + u.questions().stream()
                                            .map(q -> CardBuilder.markdown(q.label()))
                                            .collect(Collectors.joining("; "))
                                    + ")")
                            .collect(Collectors.joining("; ")))
                    .append('.');
        } else if (HealthScreen.COMPLETE.equals(h.status())) {
            d.append(" Nothing changes the plan.");
        }
        return d.append("\n\n").toString();
    }

    /** "red-flag screen incomplete", "health screen incomplete" or both, for a provisional plan; "" otherwise. */
    static String provisionalBecause(ScreeningResult r) {
        List<String> open = new ArrayList<>();
        if (r.redFlags() != null
                && r.redFlags().screen() != null
                && RedFlagScreen.INCOMPLETE.equals(r.redFlags().screen().status())) {
            open.add("red-flag");
        }
        if (r.healthScreen() != null && unanswered(r.healthScreen()) > 0) {
            open.add("health");
        }
        return open.isEmpty()
                ? ""
                : String.join(" and ", open) + (open.size() > 1 ? " screens" : " screen") + " incomplete";
    }

    private static int unanswered(HealthScreenOutcome h) {
        return h.unanswered() == null
                ? 0
                : h.unanswered().stream().mapToInt(u -> u.questions().size()).sum();
    }
}
