package io.crosscheck.cdshooks.service;

import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The red-flag screen's own cards: incomplete after it was begun in the chart (naming the questions not answered by
 * their labels, never reading them as "no"), and the chart not fully read (what was not read is listed by
 * {@link CardBuilder}; no "no" in the chart is relied on, so the screen cannot be complete). Pure.
 */
final class ScreenCards {

    static final String INCOMPLETE = "screen-incomplete";
    static final String CHART_INCOMPLETE = "chart-incomplete";
    /** The rule that leaves the red-flag screen incomplete, for a result that names none. */
    static final String SCREEN_RULE = "SAF-021";

    private ScreenCards() {}

    static CardBuilder.Issued incomplete(
            CardBuilder b, ScreeningResult r, ScreeningResult.ScreenResult screen, CardBuilder.Context ctx) {
        int count = count(screen);
        StringBuilder d = new StringBuilder(
                "**Red-flag screen incomplete: " + count + " question"
                        + (count == 1 ? "" : "s")
                        + " not answered.** An unanswered question is never read as \"no\"; the plan is provisional until they are answered.\n\n");
        d.append(unanswered(screen));
        if (screen.because() != null) {
            d.append("\n").append(CardBuilder.markdown(screen.because())).append('\n');
        }
        d.append('\n').append(HealthScreenLines.status(r));
        String summary = "Red-flag screen incomplete: " + count + " question" + (count == 1 ? "" : "s")
                + " unanswered ("
                + screen.unanswered().stream()
                        .map(ScreeningResult.UnansweredDomain::label)
                        .collect(Collectors.joining(", "))
                + ")";
        String rule = screen.ruleId() == null ? SCREEN_RULE : screen.ruleId();
        return b.issue(INCOMPLETE, summary, d.toString(), "warning", rule, List.of(rule), null, null, r, ctx);
    }

    static CardBuilder.Issued chartIncomplete(
            CardBuilder b, ScreeningResult r, ScreeningResult.ScreenResult screen, CardBuilder.Context ctx) {
        StringBuilder d = new StringBuilder(
                "**Crosscheck could not read all of this patient's chart** (listed below), "
                        + "so no answer of \"no\" in it is relied on and the red-flag screen is not complete: a red flag in what "
                        + "was not read would not show here. Check the chart, or answer the red-flag questions in Crosscheck.\n\n");
        if (screen != null && count(screen) > 0) {
            d.append("Red-flag questions without an answer Crosscheck could rely on (never read as \"no\"):\n\n")
                    .append(unanswered(screen))
                    .append('\n');
        }
        d.append(HealthScreenLines.status(r));
        String rule = screen == null || screen.ruleId() == null ? SCREEN_RULE : screen.ruleId();
        return b.issue(
                CHART_INCOMPLETE,
                "Chart not fully read: red-flag screen not complete",
                d.toString(),
                "warning",
                rule,
                List.of(rule),
                null,
                null,
                r,
                ctx);
    }

    /** The unanswered questions by domain, as a Markdown list of labels. */
    static String unanswered(ScreeningResult.ScreenResult screen) {
        StringBuilder d = new StringBuilder();
        for (ScreeningResult.UnansweredDomain u : screen.unanswered()) {
            d.append("- **")
                    .append(CardBuilder.markdown(u.label()))
                    .append("**: ")
                    .append(u.questions().stream()
                            .map(q -> CardBuilder.markdown(q.label()))
                            .collect(Collectors.joining("; ")))
                    .append('\n');
        }
        return d.toString();
    }

    static int count(ScreeningResult.ScreenResult screen) {
        return screen.unanswered() == null
                ? 0
                : screen.unanswered().stream()
                        .mapToInt(u -> u.questions().size())
                        .sum();
    }
}
