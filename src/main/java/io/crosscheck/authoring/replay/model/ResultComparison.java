package io.crosscheck.authoring.replay.model;

import static io.crosscheck.authoring.replay.model.ResultItems.*;

import io.crosscheck.authoring.replay.model.ScreeningDiff.Change;
import io.crosscheck.engine.explain.FiredRule;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.PrecautionResult;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import io.crosscheck.screening.model.ScreeningResult.SubtypeResult;
import io.crosscheck.screening.model.ScreeningResult.TestResult;
import io.crosscheck.screening.model.ScreeningResult.WithheldIntervention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compares two results of the same request item by item, the way a clinician reads them. Items are matched by
 * their code (a finding by code and side, a referral by domain); an item on one side only is added or removed,
 * an item on both whose clinical content differs (a dose, a reason, a status) is changed.
 */
final class ResultComparison {

    private final List<Change> changes = new ArrayList<>();

    private ResultComparison() {}

    static ScreeningDiff compare(ScreeningResult before, ScreeningResult after) {
        ResultComparison c = new ResultComparison();
        c.patterns(list(before.patterns()), list(after.patterns()));
        c.referral(before, after);
        c.interventions(list(before.interventions()), list(after.interventions()));
        c.keyed(
                "precaution",
                list(before.precautions()),
                list(after.precautions()),
                PrecautionResult::code,
                p -> new Item(p.text(), one(p.ruleId()), p.because()),
                (x, y) -> Objects.equals(x.text(), y.text()));
        c.keyed(
                "withheld",
                list(before.withheld()),
                list(after.withheld()),
                WithheldIntervention::id,
                w -> new Item(w.name() + " withheld: " + w.reason(), one(w.ruleId()), w.reason()),
                (x, y) -> Objects.equals(x.reason(), y.reason()));
        c.strings("contributor", list(before.contributors()), list(after.contributors()));
        c.strings("yellow flag", list(before.yellowFlags()), list(after.yellowFlags()));
        Set<String> firedBefore = fired(before);
        Set<String> firedAfter = fired(after);
        return new ScreeningDiff(
                c.changes,
                firedAfter.stream().filter(r -> !firedBefore.contains(r)).toList(),
                firedBefore.stream().filter(r -> !firedAfter.contains(r)).toList());
    }

    /** An item in clinical words, the rules behind it and what it rests on. */
    private record Item(String label, List<String> rules, String because) {}

    private void patterns(List<PatternResult> before, List<PatternResult> after) {
        Map<String, PatternResult> from = byKey(before, PatternResult::code);
        Map<String, PatternResult> to = byKey(after, PatternResult::code);
        for (String code : union(from.keySet(), to.keySet())) {
            PatternResult b = from.get(code);
            PatternResult a = to.get(code);
            String s1 = b == null ? ScreeningDiff.ABSENT : b.status();
            String s2 = a == null ? ScreeningDiff.ABSENT : a.status();
            PatternResult either = a != null ? a : b;
            if (!Objects.equals(s1, s2)) {
                changes.add(new Change(
                        code + " " + s1 + "->" + s2,
                        either.name() + ": " + words(s1) + " becomes " + words(s2),
                        rules(b == null ? null : b.ruleId(), a == null ? null : a.ruleId()),
                        either.because()));
            }
        }
        keyed(
                "finding",
                findings(before),
                findings(after),
                f -> f.code() + (f.side() == null ? "" : " " + f.side()),
                f -> new Item(
                        f.label() + (f.side() == null ? "" : " (" + f.side() + ")"), one(f.ruleId()), f.because()),
                (x, y) -> true);
        keyed(
                "subtype",
                flat(before, PatternResult::subtypes),
                flat(after, PatternResult::subtypes),
                SubtypeResult::code,
                s -> new Item(s.label(), one(s.ruleId()), s.because()),
                (x, y) -> true);
        keyed(
                "test suggested",
                flat(before, PatternResult::missingTests),
                flat(after, PatternResult::missingTests),
                TestResult::code,
                t -> new Item(t.name(), List.of(), t.evidenceNote()),
                (x, y) -> true);
    }

    private void referral(ScreeningResult before, ScreeningResult after) {
        String u1 = urgency(before);
        String u2 = urgency(after);
        List<ReferralResult> r1 = referrals(before);
        List<ReferralResult> r2 = referrals(after);
        if (!u1.equals(u2)) {
            List<String> rules = Stream.concat(r1.stream(), r2.stream())
                    .flatMap(r -> list(r.ruleIds()).stream())
                    .distinct()
                    .toList();
            changes.add(new Change(
                    "referral " + u1 + "->" + u2,
                    "Referral: " + words(u1) + " becomes " + words(u2),
                    rules,
                    reasons(r2.isEmpty() ? r1 : r2)));
        }
        keyed(
                "referral",
                r1,
                r2,
                ReferralResult::domain,
                r -> new Item(
                        "Refer " + r.purpose() + " (" + r.urgency() + ")",
                        list(r.ruleIds()),
                        String.join("; ", list(r.reasons()))),
                (x, y) -> Objects.equals(x.urgency(), y.urgency()) && Objects.equals(x.reasons(), y.reasons()));
        status("red-flag screen", redFlagScreen(before), redFlagScreen(after));
        status("health screen", healthScreen(before), healthScreen(after));
        boolean w1 = exerciseWithheld(before);
        boolean w2 = exerciseWithheld(after);
        if (w1 != w2) {
            changes.add(new Change(
                    "exercise " + (w2 ? "withheld" : "no longer withheld"),
                    w2 ? "All exercise advice withheld" : "Exercise advice no longer withheld",
                    List.of(),
                    reasons(w2 ? r2 : r1)));
        }
    }

    private void interventions(List<InterventionResult> before, List<InterventionResult> after) {
        keyed(
                "intervention",
                before,
                after,
                InterventionResult::id,
                i -> new Item(
                        i.name() + (i.dose() == null ? "" : ", " + i.dose()),
                        list(i.ruleIds()),
                        String.join("; ", list(i.rationale()))),
                (x, y) -> true);
        Map<String, InterventionResult> to = byKey(after, InterventionResult::id);
        for (InterventionResult b : before) {
            InterventionResult a = to.get(b.id());
            if (a == null) {
                continue;
            }
            List<String> rules = rules(Stream.concat(list(b.ruleIds()).stream(), list(a.ruleIds()).stream()));
            if (!Objects.equals(b.dose(), a.dose())) {
                changes.add(new Change(
                        "dose changed " + b.id(),
                        a.name() + ": dose '" + b.dose() + "' becomes '" + a.dose() + "'",
                        rules,
                        null));
            }
            if (!Objects.equals(b.precautions(), a.precautions())) {
                changes.add(new Change(
                        "intervention precautions changed " + b.id(),
                        a.name() + ": precautions '" + b.precautions() + "' become '" + a.precautions() + "'",
                        rules,
                        null));
            }
            if (b.phase() != a.phase()) {
                changes.add(new Change(
                        "phase changed " + b.id(),
                        a.name() + ": phase " + b.phase() + " becomes " + a.phase(),
                        rules,
                        null));
            }
        }
    }

    /**
     * Items matched by key: added, removed, or (when {@code same} says their content differs) changed. Kinds
     * are {@code <what> added <key>}, {@code <what> removed <key>}, {@code <what> changed <key>}.
     */
    private <T> void keyed(
            String what,
            List<T> before,
            List<T> after,
            Function<T, String> key,
            Function<T, Item> item,
            java.util.function.BiPredicate<T, T> same) {
        Map<String, T> from = byKey(before, key);
        Map<String, T> to = byKey(after, key);
        for (String k : union(from.keySet(), to.keySet())) {
            T b = from.get(k);
            T a = to.get(k);
            if (b == null) {
                Item i = item.apply(a);
                changes.add(new Change(
                        what + " added " + k, capital(what) + " added: " + i.label(), i.rules(), i.because()));
            } else if (a == null) {
                Item i = item.apply(b);
                changes.add(new Change(
                        what + " removed " + k, capital(what) + " removed: " + i.label(), i.rules(), i.because()));
            } else if (!same.test(b, a)) {
                Item i1 = item.apply(b);
                Item i2 = item.apply(a);
                changes.add(new Change(
                        what + " changed " + k,
                        capital(what) + ": " + i1.label() + " becomes " + i2.label(),
                        rules(Stream.concat(i1.rules().stream(), i2.rules().stream())),
                        i2.because()));
            }
        }
    }

    private void strings(String what, List<String> before, List<String> after) {
        keyed(what, before, after, Function.identity(), s -> new Item(s, List.of(), null), (x, y) -> true);
    }

    private void status(String what, String before, String after) {
        if (before != null && after != null && !before.equals(after)) {
            changes.add(new Change(
                    what + " " + before + "->" + after,
                    capital(what) + ": " + before + " becomes " + after,
                    List.of(),
                    null));
        }
    }

    /** What a referral rests on, in the result's words: each referral's reasons. */
    private static String reasons(List<ReferralResult> referrals) {
        String joined = referrals.stream()
                .flatMap(r -> list(r.reasons()).stream())
                .distinct()
                .collect(java.util.stream.Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    private static List<ReferralResult> referrals(ScreeningResult r) {
        return r.redFlags() == null ? List.of() : list(r.redFlags().referrals());
    }

    private static String redFlagScreen(ScreeningResult r) {
        return r.redFlags() == null || r.redFlags().screen() == null
                ? null
                : r.redFlags().screen().status();
    }

    private static String healthScreen(ScreeningResult r) {
        return r.healthScreen() == null ? null : r.healthScreen().status();
    }

    private static boolean exerciseWithheld(ScreeningResult r) {
        return r.redFlags() != null && r.redFlags().exerciseWithheld();
    }

    private static String urgency(ScreeningResult r) {
        return r.redFlags() != null && r.redFlags().referral() && r.redFlags().urgency() != null
                ? r.redFlags().urgency()
                : ScreeningDiff.NO_REFERRAL;
    }

    private static Set<String> fired(ScreeningResult r) {
        Set<String> ids = new TreeSet<>();
        if (r.explanation() != null && r.explanation().trace() != null) {
            r.explanation().trace().stream()
                    .map(FiredRule::ruleId)
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
        }
        return ids;
    }
}
