package io.crosscheck.screening.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.MuscleLengthTest;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.FollowUpResult;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult.FindingResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed since the previous visit, from the previous visit as stored in the request ({@link FollowUp.PreviousVisit}:
 * its patterns' statuses, its findings and its measured values) and this visit's result and request. A finding the
 * previous visit counted and this one does not is {@code resolved} only where a test that finds it was done this time
 * (for a muscle, that muscle's length tested); otherwise it is {@code not_reexamined}: nothing tested today is never read
 * as normal. Pure: no database, nothing clinical decided (the rules concluded both results).
 */
final class SinceLastVisit {

    private SinceLastVisit() {}

    /** Null when the previous visit carries nothing to compare (an outcome-only previous visit, an EHR's). */
    static FollowUpResult.SinceLastVisit of(
            ReferenceData reference,
            List<? extends InputFact> inputs,
            ScreeningRequest request,
            List<PatternResult> patterns,
            FollowUp.PreviousVisit previous) {
        if (previous == null || previous.patterns() == null) {
            return null;
        }
        return new FollowUpResult.SinceLastVisit(
                patterns(reference, patterns, previous.patternsOrEmpty()),
                findings(reference, inputs, patterns, previous.findingsOrEmpty()),
                measures(reference, request, previous.measuresOrEmpty()));
    }

    private static List<FollowUpResult.PatternChange> patterns(
            ReferenceData reference, List<PatternResult> now, Map<String, String> before) {
        Map<String, String> statusNow = new LinkedHashMap<>();
        now.forEach(p -> statusNow.put(p.code(), p.status()));
        Set<String> codes = new LinkedHashSet<>(statusNow.keySet());
        codes.addAll(before.keySet());
        List<FollowUpResult.PatternChange> out = new ArrayList<>();
        for (String code : codes) {
            String name =
                    reference.pattern(code).map(PatternDefinition::getName).orElse(code);
            out.add(new FollowUpResult.PatternChange(code, name, before.get(code), statusNow.get(code)));
        }
        return out;
    }

    private static List<FollowUpResult.FindingChange> findings(
            ReferenceData reference,
            List<? extends InputFact> inputs,
            List<PatternResult> patterns,
            List<FollowUp.FindingSeen> before) {
        Map<FollowUp.FindingSeen, String> labels = new LinkedHashMap<>();
        for (PatternResult p : patterns) {
            for (FindingResult f : p.findings() == null ? List.<FindingResult>of() : p.findings()) {
                labels.put(new FollowUp.FindingSeen(f.code(), f.side()), f.label());
            }
        }
        Set<FollowUp.FindingSeen> then = new LinkedHashSet<>(before);
        List<FollowUpResult.FindingChange> out = new ArrayList<>();
        labels.forEach((f, label) -> {
            if (!then.contains(f)) {
                out.add(new FollowUpResult.FindingChange(f.code(), label, f.side(), "appeared"));
            }
        });
        Set<String> performed = new HashSet<>();
        Set<String> musclesTested = new HashSet<>();
        for (InputFact f : inputs) {
            if (f.getTestCode() != null) {
                performed.add(f.getTestCode());
            }
            if (f instanceof MuscleLengthTest m) {
                musclesTested.add(m.getMuscle());
            }
        }
        for (FollowUp.FindingSeen f : then) {
            if (labels.containsKey(f)) {
                continue;
            }
            FindingDefinition d = reference.finding(f.code()).orElse(null);
            boolean tested = d != null
                    && (d.getMuscle() != null
                            ? musclesTested.contains(d.getMuscle())
                            : d.getTests().stream().anyMatch(performed::contains));
            out.add(new FollowUpResult.FindingChange(
                    f.code(), d == null ? f.code() : d.getLabel(), f.side(), tested ? "resolved" : "not_reexamined"));
        }
        return out;
    }

    private static List<FollowUpResult.MeasureChange> measures(
            ReferenceData reference, ScreeningRequest request, List<FollowUp.Measured> before) {
        Map<String, MeasuredValues.Value> now = new LinkedHashMap<>();
        MeasuredValues.of(reference.vocabulary(), request).forEach(v -> now.putIfAbsent(v.key(), v));
        Map<String, FollowUp.Measured> then = new LinkedHashMap<>();
        for (FollowUp.Measured m : before) {
            then.putIfAbsent(
                    String.join(
                            "|", m.kind(), m.code(), String.valueOf(m.side()), String.valueOf(m.qualifier()), m.unit()),
                    m);
        }
        List<FollowUpResult.MeasureChange> out = new ArrayList<>();
        now.forEach((key, v) -> {
            FollowUp.Measured m = then.get(key);
            Double b = m == null ? null : m.value();
            out.add(new FollowUpResult.MeasureChange(
                    v.kind(),
                    v.code(),
                    v.side(),
                    v.qualifier(),
                    v.label(),
                    v.unit(),
                    b,
                    v.value(),
                    b == null ? null : round(v.value() - b)));
        });
        then.forEach((key, m) -> {
            if (!now.containsKey(key)) {
                out.add(new FollowUpResult.MeasureChange(
                        m.kind(),
                        m.code(),
                        m.side(),
                        m.qualifier(),
                        MeasuredValues.label(reference.vocabulary(), m.kind(), m.code(), m.qualifier()),
                        m.unit(),
                        m.value(),
                        null,
                        null));
            }
        });
        return out;
    }

    /** A difference of two values entered with at most a decimal or two, without floating-point noise. */
    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
