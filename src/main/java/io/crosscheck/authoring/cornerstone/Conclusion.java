package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the knowledge base concluded for one case, as a cornerstone keeps it: each pattern's status and subtypes, the
 * referral, the red-flag and health screens, the plan's status, the interventions recommended and withheld, the
 * precautions and health-screen considerations; or, for a request the knowledge base refused, the fields it named.
 * Lists are sorted, so two conclusions are equal when they say the same thing whatever order the rules fired in.
 * Wording, doses and explanations are not part of it: a change of those is not a change of conclusion.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Conclusion(
        Map<String, String> patterns,
        Map<String, List<String>> subtypes,
        String referral,
        String redFlagScreen,
        String healthScreen,
        String plan,
        List<String> interventions,
        List<String> withheld,
        List<String> precautions,
        List<String> considerations,
        List<String> rejected) {

    /** One aspect side by side: what the cornerstone expects and what a candidate concludes. */
    public record Row(String aspect, String before, String after, boolean changed) {}

    /** The conclusion of a result. */
    public static Conclusion of(ScreeningResult r) {
        Map<String, String> patterns = new TreeMap<>();
        Map<String, List<String>> subtypes = new TreeMap<>();
        for (ScreeningResult.PatternResult p : r.patterns()) {
            patterns.put(p.code(), p.status());
            subtypes.put(
                    p.code(),
                    sorted(
                            p.subtypes() == null
                                    ? Stream.empty()
                                    : p.subtypes().stream().map(ScreeningResult.SubtypeResult::code)));
        }
        return new Conclusion(
                patterns,
                subtypes,
                r.redFlags().referral() ? r.redFlags().urgency() : "none",
                r.redFlags().screen() == null ? null : r.redFlags().screen().status(),
                r.healthScreen() == null ? null : r.healthScreen().status(),
                r.summary() == null ? null : r.summary().plan(),
                sorted(r.interventions().stream().map(ScreeningResult.InterventionResult::id)),
                sorted(r.withheld().stream().map(ScreeningResult.WithheldIntervention::id)),
                sorted(r.precautions().stream().map(ScreeningResult.PrecautionResult::code)),
                r.healthScreen() == null || r.healthScreen().considerations() == null
                        ? List.of()
                        : sorted(r.healthScreen().considerations().stream().map(ScreeningResult.Consideration::code)),
                null);
    }

    /** The conclusion of a request the knowledge base refused, naming the fields it refused. */
    public static Conclusion refused(List<String> fields) {
        return new Conclusion(null, null, null, null, null, null, null, null, null, null, sorted(fields.stream()));
    }

    /** Every aspect of {@code before} and {@code after} side by side, the changed ones marked. */
    public static List<Row> sideBySide(Conclusion before, Conclusion after) {
        Map<String, String> b = before.aspects();
        Map<String, String> a = after.aspects();
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String key : keys) {
            String was = b.getOrDefault(key, "—");
            String is = a.getOrDefault(key, "—");
            rows.add(new Row(key, was, is, !was.equals(is)));
        }
        return rows;
    }

    /** What changed from {@code before} to {@code after}, one phrase per aspect ("pattern UCS: consistent → partial"). */
    public static List<String> changes(Conclusion before, Conclusion after) {
        return sideBySide(before, after).stream()
                .filter(Row::changed)
                .map(r -> r.aspect() + ": " + r.before() + " → " + r.after())
                .toList();
    }

    /** Aspect -> value as words, in reading order. */
    Map<String, String> aspects() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (rejected != null) {
            out.put("request", "refused (" + String.join(", ", rejected) + ")");
            return out;
        }
        Objects.requireNonNullElse(patterns, Map.<String, String>of()).forEach((code, status) -> {
            List<String> sub = subtypes == null ? List.of() : subtypes.getOrDefault(code, List.of());
            out.put("pattern " + code, status + (sub.isEmpty() ? "" : " (" + String.join(", ", sub) + ")"));
        });
        out.put("referral", String.valueOf(referral));
        out.put("red-flag screen", String.valueOf(redFlagScreen));
        out.put("health screen", String.valueOf(healthScreen));
        out.put("plan", String.valueOf(plan));
        out.put("interventions", words(interventions));
        out.put("withheld", words(withheld));
        out.put("precautions", words(precautions));
        out.put("health considerations", words(considerations));
        return out;
    }

    /**
     * The conclusion as a scenario's expectations ({@code rules/scenarios/} format): each pattern's status and
     * subtypes, the referral, both screens, the plan, every intervention recommended (included) and withheld
     * (excluded and withheld), the precautions and considerations as exact sets; the rules concerned as
     * explanation entries where they fired and as absent entries where they did not.
     */
    public Scenario.Expect expect(List<String> rulesConcerned, List<String> fired) {
        List<Scenario.ExplanationEntry> present = new ArrayList<>();
        List<Scenario.ExplanationEntry> absent = new ArrayList<>();
        for (String rule : rulesConcerned) {
            (fired.contains(rule) ? present : absent).add(new Scenario.ExplanationEntry(rule, null, null));
        }
        if (rejected != null) {
            return new Scenario.Expect(
                    null, null, null, null, null, null, null, null, null, rejected, null, null, null, null, null, null,
                    null, null, null, null);
        }
        return new Scenario.Expect(
                patterns,
                referral,
                new Scenario.Interventions(interventions, withheld.isEmpty() ? null : withheld),
                null,
                present.isEmpty() ? null : present,
                absent.isEmpty() ? null : absent,
                subtypes,
                precautions,
                null,
                null,
                redFlagScreen,
                null,
                plan,
                null,
                withheld,
                null,
                healthScreen,
                null,
                healthScreen == null ? null : considerations,
                null);
    }

    private static String words(List<String> codes) {
        return codes == null || codes.isEmpty() ? "none" : String.join(", ", codes);
    }

    private static List<String> sorted(Stream<String> codes) {
        return codes.filter(Objects::nonNull).distinct().sorted().toList();
    }
}
