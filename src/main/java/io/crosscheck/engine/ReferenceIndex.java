package io.crosscheck.engine;

import io.crosscheck.engine.doc.FactDoc;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reference data as rules reach it: the DRL global {@code reference}, built once per knowledge base
 * and shared read-only by every session, instead of some 200 facts inserted into each session.
 * A rule matches an entry with {@code from}, e.g.
 * {@code $t : Threshold( id == "cva_forward_head" ) from reference.threshold( "cva_forward_head" )}
 * (one entry by key, or nothing) or {@code FindingDefinition( category == "posture" ) from reference.findings()}
 * (every entry). The entry is part of the rule's match like any fact, so the explanation still names it.
 */
public final class ReferenceIndex {

    /** The name of the DRL global, declared in every rule file that matches reference data. */
    public static final String GLOBAL = "reference";

    private final ReferenceData data;
    private final Map<String, Threshold> thresholds;
    private final Map<String, FindingDefinition> findings;
    private final Map<String, PatternDefinition> patterns;
    private final Map<String, RedFlagDefinition> redFlags;
    private final Map<String, InterventionDefinition> interventions;
    private final Map<String, TestDefinition> tests;

    public ReferenceIndex(ReferenceData data) {
        this.data = data;
        this.thresholds = index(data.thresholds(), Threshold::getId);
        this.findings = index(data.findings(), FindingDefinition::getCode);
        this.patterns = index(data.patterns(), PatternDefinition::getCode);
        this.redFlags = index(data.redFlags(), RedFlagDefinition::getCode);
        this.interventions = index(data.interventions(), InterventionDefinition::getId);
        this.tests = index(data.tests(), TestDefinition::getCode);
    }

    private static <T> Map<String, T> index(List<T> entries, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        for (T e : entries) {
            map.putIfAbsent(key.apply(e), e); // first wins, as the first inserted fact matched first
        }
        return Map.copyOf(map);
    }

    @FactDoc(
            "The threshold with this id (`rules/reference/thresholds.yaml`), or nothing: `$t : Threshold( id == \"x\" ) from reference.threshold( \"x\" )`.")
    public Threshold threshold(String id) {
        return thresholds.get(id);
    }

    @FactDoc("The finding definition with this code (`findings.yaml`), or nothing.")
    public FindingDefinition finding(String code) {
        return findings.get(code);
    }

    @FactDoc("The pattern definition with this code (`patterns.yaml`), or nothing.")
    public PatternDefinition pattern(String code) {
        return patterns.get(code);
    }

    @FactDoc("The red-flag question with this code (`red-flags.yaml`), or nothing.")
    public RedFlagDefinition redFlag(String code) {
        return redFlags.get(code);
    }

    @FactDoc("The catalogue entry with this id (`interventions.yaml`), or nothing.")
    public InterventionDefinition intervention(String id) {
        return interventions.get(id);
    }

    @FactDoc("The assessment with this code (the vocabulary's tests), or nothing.")
    public TestDefinition test(String code) {
        return tests.get(code);
    }

    @FactDoc("Every threshold, in file order: `Threshold( ... ) from reference.thresholds()`.")
    public List<Threshold> thresholds() {
        return data.thresholds();
    }

    @FactDoc("Every finding definition, in file order.")
    public List<FindingDefinition> findings() {
        return data.findings();
    }

    @FactDoc("Every pattern definition.")
    public List<PatternDefinition> patterns() {
        return data.patterns();
    }

    @FactDoc("Every red-flag question.")
    public List<RedFlagDefinition> redFlags() {
        return data.redFlags();
    }

    @FactDoc("Every catalogue entry.")
    public List<InterventionDefinition> interventions() {
        return data.interventions();
    }

    @FactDoc("Every assessment.")
    public List<TestDefinition> tests() {
        return data.tests();
    }
}
