package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For each fact type a rule may match, the string codes a constraint on it can meaningfully compare
 * against: vocabulary and reference-data codes, plus codes some rule itself creates (e.g. the first
 * argument of {@code new Contributor( "anxiety", ... )}, read from the parsed consequences).
 */
final class KnownCodes {

    private final Map<String, Set<String>> allowed = new HashMap<>();

    KnownCodes(KnowledgeBase kb) {
        ReferenceData ref = kb.reference();
        Vocabulary v = ref.vocabulary();
        allowed.put("PostureObservation", codes(v.posture().stream().map(Vocabulary.PostureCode::code)));
        Set<String> muscle = codes(v.muscles().stream().map(Vocabulary.MuscleCode::code));
        muscle.addAll(codes(v.muscleLengthTests().stream().map(Vocabulary.TestCode::code)));
        muscle.addAll(Set.of("short", "normal"));
        allowed.put("MuscleLengthTest", muscle);
        Set<String> movement = codes(v.movementTests().stream().map(Vocabulary.MovementTestCode::code));
        v.movementTests().forEach(t -> t.substitutions().forEach(s -> movement.add(s.code())));
        movement.addAll(Set.of("normal", "abnormal"));
        allowed.put("MovementTest", movement);
        Set<String> symptom = new HashSet<>();
        Stream.of(v.symptoms().regions(), v.symptoms().kinds(), v.symptoms().triggers())
                .forEach(list -> list.forEach(c -> symptom.add(c.code())));
        allowed.put("Symptom", symptom);
        var inputs = ref.inputs();
        Set<String> answer =
                new java.util.HashSet<>(codes(inputs.inputs().stream().map(i -> i.code())));
        inputs.sections().forEach(sec -> answer.add(sec.code()));
        for (io.crosscheck.engine.input.InputType t : io.crosscheck.engine.input.InputType.values()) {
            answer.add(t.code());
        }
        inputs.inputs().forEach(i -> i.options().forEach(o -> answer.add(o.code())));
        answer.add(io.crosscheck.engine.input.InputSection.HEALTH);
        allowed.put("Answer", answer);
        Set<String> notRecorded =
                new java.util.HashSet<>(codes(inputs.inputs().stream().map(i -> i.code())));
        inputs.sections().forEach(sec -> notRecorded.add(sec.code()));
        notRecorded.add(io.crosscheck.engine.input.InputSection.HEALTH);
        allowed.put("NotRecorded", notRecorded);
        allowed.put("Finding", codes(ref.findings().stream().map(FindingDefinition::getCode)));
        Set<String> findingDefinitions = codes(ref.findings().stream().map(FindingDefinition::getCode));
        findingDefinitions.addAll(
                Set.of("posture", "muscle_length", "movement", "breathing_observation", "breathing_questionnaire"));
        allowed.put("FindingDefinition", findingDefinitions);
        Set<String> patterns = codes(ref.patterns().stream().map(PatternDefinition::getCode));
        patterns.addAll(Set.of("concordance", "composite"));
        allowed.put("PatternDefinition", patterns);
        allowed.put("PatternConclusion", patterns);
        Set<String> subtypes = new HashSet<>(patterns);
        subtypes.addAll(constructed(kb, "PatternSubtype"));
        allowed.put("PatternSubtype", subtypes);
        allowed.put("Threshold", codes(ref.thresholds().stream().map(Threshold::getId)));
        Set<String> interventions = codes(ref.interventions().stream().map(InterventionDefinition::getId));
        interventions.addAll(codes(ref.interventions().stream().map(InterventionDefinition::getCategory)));
        allowed.put("InterventionDefinition", interventions);
        allowed.put("TestDefinition", codes(ref.tests().stream().map(TestDefinition::getCode)));
        Set<String> redFlags = codes(ref.redFlags().stream().map(RedFlagDefinition::getCode));
        redFlags.addAll(codes(ref.redFlags().stream().map(RedFlagDefinition::getDomain)));
        redFlags.addAll(constructed(kb, "RedFlag"));
        allowed.put("RedFlag", redFlags);
        allowed.put("RedFlagDefinition", redFlags);
        // a referral's domain: a red-flag domain, or a health-screen section (a cardiovascular referral)
        Set<String> referrals = new HashSet<>(redFlags);
        inputs.sections().forEach(sec -> referrals.add(sec.code()));
        allowed.put("Referral", referrals);
        // a health consideration: a code some rule creates, or a health-screen section (its domain)
        Set<String> considerations = constructed(kb, "HealthConsideration");
        inputs.sections().forEach(sec -> considerations.add(sec.code()));
        allowed.put("HealthConsideration", considerations);
        // a yellow flag is named by a rule's literal or, when a rule raises one per answer (YEL-001), by a yes/no
        // input's code
        Set<String> yellowFlags = constructed(kb, "YellowFlag");
        inputs.inputs().stream()
                .filter(i -> i.type() == io.crosscheck.engine.input.InputType.YES_NO)
                .forEach(i -> yellowFlags.add(i.code()));
        allowed.put("YellowFlag", yellowFlags);
        for (String type : new String[] {"Contributor", "Precaution"}) {
            allowed.put(type, constructed(kb, type));
        }
        allowed.values().forEach(s -> s.addAll(RuleEngine.STAGES));
    }

    /** The codes a constraint on this fact type may compare with; empty when the type's literals are not checked. */
    Optional<Set<String>> forType(String type) {
        return Optional.ofNullable(allowed.get(type.substring(type.lastIndexOf('.') + 1)));
    }

    /** Whether a literal is a known code; a literal concatenated with a value ("dnf_endurance_" + sex) must prefix one. */
    static boolean accepts(Set<String> known, String value) {
        return known.contains(value) || value.endsWith("_") && known.stream().anyMatch(k -> k.startsWith(value));
    }

    /** Codes that some rule creates: every string argument of e.g. {@code new Contributor( "anxiety", ... )}. */
    private static Set<String> constructed(KnowledgeBase kb, String type) {
        return kb.parsedRules().stream()
                .flatMap(r -> r.constructions().stream())
                .filter(c -> c.type().equals(type))
                .flatMap(c -> c.literals().stream())
                .map(ParsedLiteral::value)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> codes(Stream<String> s) {
        return s.collect(Collectors.toCollection(HashSet::new));
    }
}
