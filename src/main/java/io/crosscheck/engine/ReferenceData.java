package io.crosscheck.engine;

import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.ReferenceFact;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.Terminology;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base's data, as opposed to its logic: vocabulary, the inputs a request may answer, thresholds, finding and pattern
 * definitions, red flags, the intervention catalogue with how its items are ordered in FHIR, and how a chart in standard
 * terminologies is read; the outcome measures a screening can record ({@link OutcomeMeasures}); and the client's side of the catalogue ({@link HomeProgramme}, read by the take-home sheet
 * only). Rules look it up through {@link ReferenceIndex} (the DRL global {@code reference}); it is not inserted into
 * sessions.
 */
public record ReferenceData(
        Vocabulary vocabulary,
        List<Threshold> thresholds,
        List<FindingDefinition> findings,
        List<PatternDefinition> patterns,
        List<RedFlagDefinition> redFlags,
        List<InterventionDefinition> interventions,
        List<TestDefinition> tests,
        InputCatalog inputs,
        Terminology terminology,
        InterventionOrders orders,
        HomeProgramme home,
        Map<String, HomeProgrammeTranslation> homeTranslations,
        OutcomeMeasures outcomes) {

    public ReferenceData {
        orders = orders == null ? InterventionOrders.NONE : orders;
        home = home == null ? HomeProgramme.NONE : home;
        homeTranslations = homeTranslations == null ? Map.of() : Map.copyOf(homeTranslations);
        outcomes = outcomes == null ? OutcomeMeasures.NONE : outcomes;
        thresholds = List.copyOf(thresholds);
        findings = List.copyOf(findings);
        patterns = List.copyOf(patterns);
        redFlags = List.copyOf(redFlags);
        interventions = List.copyOf(interventions);
        tests = List.copyOf(tests);
    }

    /**
     * The client texts in a language: the English ({@link #home()}) for {@code en} or a language without a
     * translation, else the translation's texts over the English ones ({@link HomeProgrammeTranslation#over}).
     */
    public HomeProgramme home(String language) {
        HomeProgrammeTranslation t = language == null ? null : homeTranslations.get(language);
        return t == null ? home : t.over(home);
    }

    /** Reference data without FHIR orders ({@link InterventionOrders#NONE}) or client texts. */
    public ReferenceData(
            Vocabulary vocabulary,
            List<Threshold> thresholds,
            List<FindingDefinition> findings,
            List<PatternDefinition> patterns,
            List<RedFlagDefinition> redFlags,
            List<InterventionDefinition> interventions,
            List<TestDefinition> tests,
            InputCatalog inputs,
            Terminology terminology) {
        this(
                vocabulary,
                thresholds,
                findings,
                patterns,
                redFlags,
                interventions,
                tests,
                inputs,
                terminology,
                null,
                null,
                null,
                null);
    }

    /** Every reference fact, in a fixed order (inserted only for rules that declare no {@code reference} global). */
    public List<ReferenceFact> facts() {
        List<ReferenceFact> all = new ArrayList<>();
        all.addAll(thresholds);
        all.addAll(findings);
        all.addAll(patterns);
        all.addAll(redFlags);
        all.addAll(interventions);
        all.addAll(tests);
        return all;
    }

    public Optional<RedFlagDefinition> redFlag(String code) {
        return redFlags.stream().filter(r -> r.getCode().equals(code)).findFirst();
    }

    public Optional<FindingDefinition> finding(String code) {
        return findings.stream().filter(f -> f.getCode().equals(code)).findFirst();
    }

    public Optional<InterventionDefinition> intervention(String id) {
        return interventions.stream().filter(i -> i.getId().equals(id)).findFirst();
    }

    public Optional<PatternDefinition> pattern(String code) {
        return patterns.stream().filter(p -> p.getCode().equals(code)).findFirst();
    }

    public Optional<TestDefinition> test(String code) {
        return tests.stream().filter(t -> t.getCode().equals(code)).findFirst();
    }
}
