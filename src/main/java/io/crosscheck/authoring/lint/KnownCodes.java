package io.crosscheck.authoring.lint;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.drl.ValidValues;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.engine.input.InputType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For each fact type a rule may match, the string codes a constraint on it can meaningfully compare
 * against: vocabulary and reference-data codes, plus codes some rule itself creates (e.g. the first
 * argument of {@code new Contributor( "anxiety", ... )}, read from the parsed consequences); and where
 * each list is defined, for a message that names the valid codes.
 */
final class KnownCodes {

    private static final String REF = "rules/reference/";
    private static final String CODE = "[a-z0-9_]+";

    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final Map<String, String> where = new HashMap<>();

    KnownCodes(ReferenceData ref, List<ParsedRule> rules) {
        Vocabulary v = ref.vocabulary();
        put(
                "PostureObservation",
                REF + "vocabulary.yaml posture",
                v.posture().stream().map(Vocabulary.PostureCode::code));
        put(
                "MuscleLengthTest",
                REF + "vocabulary.yaml muscles and muscleLengthTests; short, normal",
                Stream.of(
                                v.muscles().stream().map(Vocabulary.MuscleCode::code),
                                v.muscleLengthTests().stream().map(Vocabulary.TestCode::code),
                                Stream.of("short", "normal"))
                        .flatMap(s -> s));
        put(
                "MovementTest",
                REF + "vocabulary.yaml movementTests and their substitutions; normal, abnormal",
                Stream.of(
                                v.movementTests().stream().map(Vocabulary.MovementTestCode::code),
                                v.movementTests().stream()
                                        .flatMap(t -> t.substitutions().stream().map(s -> s.code())),
                                Stream.of("normal", "abnormal"))
                        .flatMap(s -> s));
        put(
                "Symptom",
                REF + "vocabulary.yaml symptoms (regions, kinds, triggers)",
                Stream.of(
                                v.symptoms().regions(),
                                v.symptoms().kinds(),
                                v.symptoms().triggers())
                        .flatMap(list -> list.stream().map(c -> c.code())));
        var inputs = ref.inputs();
        Set<String> inputCodes = codes(inputs.inputs().stream().map(i -> i.code()));
        inputs.sections().forEach(sec -> inputCodes.add(sec.code()));
        inputCodes.add(InputSection.HEALTH);
        Set<String> answer = new HashSet<>(inputCodes);
        for (InputType t : InputType.values()) {
            answer.add(t.code());
        }
        inputs.inputs().forEach(i -> i.options().forEach(o -> answer.add(o.code())));
        put("Answer", REF + "inputs.yaml inputs, sections, types and options", answer.stream());
        put("NotRecorded", REF + "inputs.yaml inputs and sections", inputCodes.stream());
        put("Finding", REF + "findings.yaml", ref.findings().stream().map(FindingDefinition::getCode));
        put(
                "FindingDefinition",
                REF + "findings.yaml; the categories posture, muscle_length, movement, breathing_observation,"
                        + " breathing_questionnaire",
                Stream.concat(
                        ref.findings().stream().map(FindingDefinition::getCode),
                        Stream.of(
                                "posture",
                                "muscle_length",
                                "movement",
                                "breathing_observation",
                                "breathing_questionnaire")));
        Set<String> patterns = codes(ref.patterns().stream().map(PatternDefinition::getCode));
        patterns.addAll(Set.of("concordance", "composite"));
        put("PatternDefinition", REF + "patterns.yaml; concordance, composite", patterns.stream());
        put("PatternConclusion", REF + "patterns.yaml; concordance, composite", patterns.stream());
        put(
                "PatternSubtype",
                REF + "patterns.yaml and new PatternSubtype(...) in the rules",
                Stream.concat(patterns.stream(), constructed(rules, "PatternSubtype")));
        put("Threshold", REF + "thresholds.yaml", ref.thresholds().stream().map(Threshold::getId));
        put(
                "InterventionDefinition",
                REF + "interventions.yaml ids and categories",
                Stream.concat(
                        ref.interventions().stream().map(InterventionDefinition::getId),
                        ref.interventions().stream().map(InterventionDefinition::getCategory)));
        put(
                "TestDefinition",
                REF + "vocabulary.yaml (every test)",
                ref.tests().stream().map(TestDefinition::getCode));
        Set<String> redFlags = codes(Stream.of(
                        ref.redFlags().stream().map(RedFlagDefinition::getCode),
                        ref.redFlags().stream().map(RedFlagDefinition::getDomain),
                        constructed(rules, "RedFlag"))
                .flatMap(s -> s));
        String flagsWhere = REF + "red-flags.yaml codes and domains, and new RedFlag(...) in the rules";
        put("RedFlag", flagsWhere, redFlags.stream());
        put("RedFlagDefinition", flagsWhere, redFlags.stream());
        put(
                "Referral",
                REF + "red-flags.yaml domains and inputs.yaml sections",
                Stream.concat(redFlags.stream(), inputs.sections().stream().map(sec -> sec.code())));
        put(
                "HealthConsideration",
                "new HealthConsideration(...) in the rules and " + REF + "inputs.yaml sections",
                Stream.concat(
                        constructed(rules, "HealthConsideration"),
                        inputs.sections().stream().map(sec -> sec.code())));
        // a yellow flag is named by a rule's literal or, when a rule raises one per answer (YEL-001), by a yes/no
        // input's code
        put(
                "YellowFlag",
                "new YellowFlag(...) in the rules and the yes/no inputs of " + REF + "inputs.yaml",
                Stream.concat(
                        constructed(rules, "YellowFlag"),
                        inputs.inputs().stream()
                                .filter(i -> i.type() == InputType.YES_NO)
                                .map(i -> i.code())));
        for (String type : new String[] {"Contributor", "Precaution"}) {
            put(type, "new " + type + "(...) in the rules", constructed(rules, type));
        }
    }

    private void put(String type, String definedIn, Stream<String> codes) {
        allowed.put(type, codes(codes));
        where.put(type, definedIn);
    }

    /** The codes a constraint on this fact type may compare with; empty when the type's literals are not checked. */
    Optional<Set<String>> forType(String type) {
        return Optional.ofNullable(allowed.get(simple(type)));
    }

    /** Whether a literal is a known code (or a stage name); a literal concatenated with a value must prefix one. */
    static boolean accepts(Set<String> known, String value) {
        return known.contains(value)
                || RuleEngine.STAGES.contains(value)
                || value.endsWith("_") && known.stream().anyMatch(k -> k.startsWith(value));
    }

    /**
     * The sentence that follows "is not a known code for T": the valid codes of the fact type, all or the closest
     * few, and where they are defined.
     */
    String validValues(String type, String wrong) {
        Set<String> codes = allowed.getOrDefault(simple(type), Set.of()).stream()
                .filter(c -> c.matches(CODE))
                .collect(Collectors.toSet());
        return ValidValues.describe(wrong, codes, "codes for " + simple(type), where.get(simple(type)));
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Codes that some rule creates: every string argument of e.g. {@code new Contributor( "anxiety", ... )}. */
    private static Stream<String> constructed(List<ParsedRule> rules, String type) {
        return rules.stream()
                .flatMap(r -> r.constructions().stream())
                .filter(c -> c.type().equals(type))
                .flatMap(c -> c.literals().stream())
                .map(ParsedLiteral::value);
    }

    private static Set<String> codes(Stream<String> s) {
        return s.collect(Collectors.toCollection(HashSet::new));
    }
}
