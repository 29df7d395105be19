package io.crosscheck.engine.doc;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.engine.input.InputType;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Where the codes a fact field holds are defined: a list of the reference data ({@code rules/reference/*.yaml}) or
 * the rules that create them ({@code new Precaution( "code", ... )}). {@link #codes} reads them from a knowledge base,
 * in the order they are defined, so the reference can list them.
 */
public enum Codes {
    NONE("", (r, p) -> List.of()),
    SYMPTOM_REGIONS(
            "`rules/reference/vocabulary.yaml`, `symptoms.regions`",
            (r, p) -> codes(voc(r).symptoms().regions())),
    SYMPTOM_KINDS(
            "`rules/reference/vocabulary.yaml`, `symptoms.kinds`",
            (r, p) -> codes(voc(r).symptoms().kinds())),
    SYMPTOM_TRIGGERS(
            "`rules/reference/vocabulary.yaml`, `symptoms.triggers`",
            (r, p) -> codes(voc(r).symptoms().triggers())),
    POSTURE(
            "`rules/reference/vocabulary.yaml`, `posture`",
            (r, p) -> map(voc(r).posture(), Vocabulary.PostureCode::code)),
    MUSCLES(
            "`rules/reference/vocabulary.yaml`, `muscles`",
            (r, p) -> map(voc(r).muscles(), Vocabulary.MuscleCode::code)),
    LENGTH_AND_MOVEMENT_TESTS(
            "`rules/reference/vocabulary.yaml`, `muscleLengthTests` (on a MuscleLengthTest) and `movementTests` (on a"
                    + " MovementTest)",
            (r, p) -> Stream.concat(
                            voc(r).muscleLengthTests().stream().map(Vocabulary.TestCode::code),
                            voc(r).movementTests().stream().map(Vocabulary.MovementTestCode::code))
                    .toList()),
    MOVEMENT_TESTS(
            "`rules/reference/vocabulary.yaml`, `movementTests`",
            (r, p) -> map(voc(r).movementTests(), Vocabulary.MovementTestCode::code)),
    SUBSTITUTIONS(
            "`rules/reference/vocabulary.yaml`, `movementTests[].substitutions`",
            (r, p) -> voc(r).movementTests().stream()
                    .flatMap(t -> t.substitutions().stream().map(Vocabulary.Code::code))
                    .toList()),
    SEXES("`rules/reference/vocabulary.yaml`, `sexes`", (r, p) -> codes(voc(r).sexes())),
    INPUTS(
            "`rules/reference/inputs.yaml`, `inputs[].code`",
            (r, p) -> map(r.inputs().inputs(), InputDefinition::code)),
    HEALTH_INPUTS(
            "`rules/reference/inputs.yaml`, the `inputs` of the sections with `screen: health`",
            (r, p) -> r.inputs().inputs().stream()
                    .filter(i -> r.inputs()
                            .section(i.section())
                            .map(InputSection::isHealthScreen)
                            .orElse(false))
                    .map(InputDefinition::code)
                    .toList()),
    SECTIONS(
            "`rules/reference/inputs.yaml`, `sections[].code`",
            (r, p) -> map(r.inputs().sections(), InputSection::code)),
    HEALTH_SECTIONS(
            "`rules/reference/inputs.yaml`, the `sections` with `screen: health`",
            (r, p) -> r.inputs().sections().stream()
                    .filter(InputSection::isHealthScreen)
                    .map(InputSection::code)
                    .toList()),
    OPTIONS(
            "`rules/reference/inputs.yaml`, `inputs[].options` of the choice inputs",
            (r, p) -> r.inputs().inputs().stream()
                    .filter(i -> i.type() == InputType.CHOICE)
                    .flatMap(i -> i.options().stream().map(o -> o.code()))
                    .toList()),
    AFFECTS(
            "`rules/reference/inputs.yaml`, `sections[].affects`",
            (r, p) -> r.inputs().sections().stream()
                    .flatMap(s -> s.affects().stream())
                    .toList()),
    FINDINGS(
            "`rules/reference/findings.yaml`, `findings[].code`",
            (r, p) -> map(r.findings(), FindingDefinition::getCode)),
    FINDING_CATEGORIES(
            "`rules/reference/findings.yaml`, `findings[].category`",
            (r, p) -> map(r.findings(), FindingDefinition::getCategory)),
    PATTERNS(
            "`rules/reference/patterns.yaml`, `patterns[].code`",
            (r, p) -> map(r.patterns(), PatternDefinition::getCode)),
    THRESHOLDS("`rules/reference/thresholds.yaml`, `thresholds[].id`", (r, p) -> map(r.thresholds(), Threshold::getId)),
    TESTS(
            "the assessments of `rules/reference/vocabulary.yaml`: `posture`, `muscleLengthTests`, `movementTests`,"
                    + " `otherAssessments`",
            (r, p) -> map(r.tests(), TestDefinition::getCode)),
    INTERVENTIONS(
            "`rules/reference/interventions.yaml`, `interventions[].id`",
            (r, p) -> map(r.interventions(), InterventionDefinition::getId)),
    INTERVENTION_CATEGORIES(
            "`rules/reference/interventions.yaml`, `interventions[].category`",
            (r, p) -> map(r.interventions(), InterventionDefinition::getCategory)),
    INTERVENTION_TAGS(
            "`rules/reference/interventions.yaml`, `interventions[].tags`",
            (r, p) -> r.interventions().stream()
                    .flatMap(i -> i.getTags().stream())
                    .toList()),
    RED_FLAGS(
            "`rules/reference/red-flags.yaml`, the questions' `code`",
            (r, p) -> map(r.redFlags(), RedFlagDefinition::getCode)),
    RED_FLAG_DOMAINS(
            "`rules/reference/red-flags.yaml`, `domains`", (r, p) -> map(r.redFlags(), RedFlagDefinition::getDomain)),
    RAISED_RED_FLAGS(
            "`rules/reference/red-flags.yaml` (the questions' `code`), and the flags rules raise themselves"
                    + " (`new RedFlag( \"code\", ... )`)",
            (r, p) -> join(map(r.redFlags(), RedFlagDefinition::getCode), created(p, "RedFlag"))),
    REFERRAL_DOMAINS(
            "the red-flag `domains` of `rules/reference/red-flags.yaml` and the health-screen sections of"
                    + " `rules/reference/inputs.yaml`",
            (r, p) -> join(map(r.redFlags(), RedFlagDefinition::getDomain), HEALTH_SECTIONS.codes(r, p))),
    CONTRIBUTORS("the rules that create them: `new Contributor( \"code\", ... )`", (r, p) -> created(p, "Contributor")),
    PRECAUTIONS("the rules that create them: `new Precaution( \"code\", ... )`", (r, p) -> created(p, "Precaution")),
    YELLOW_FLAGS(
            "the rules that create them (`new YellowFlag( \"code\", ... )`), or the yes/no input a rule raises one for"
                    + " (YEL-001: `rules/reference/inputs.yaml`)",
            (r, p) -> created(p, "YellowFlag")),
    PAIN_STATES("the rules that create them: `new PainState( \"code\", ... )`", (r, p) -> created(p, "PainState")),
    EXPLAINED_SIGNS(
            "the rules that create them: `new ExplainedSign( \"code\", ... )`", (r, p) -> created(p, "ExplainedSign")),
    HEALTH_CONSIDERATIONS(
            "the rules that create them: `new HealthConsideration( \"code\", ... )`",
            (r, p) -> created(p, "HealthConsideration")),
    SUBTYPES(
            "the rules that create them: `new PatternSubtype( \"PATTERN\", \"code\", ... )`",
            (r, p) -> created(p, "PatternSubtype")),
    OUTCOME_MEASURES(
            "`rules/reference/outcome-measures.yaml`, `measures[].code`",
            (r, p) -> map(r.outcomes().measures(), io.crosscheck.engine.outcome.OutcomeMeasures.Measure::code)),
    FOLLOW_UP_DONE(
            "`rules/reference/outcome-measures.yaml`, `followUp.done`",
            (r, p) -> map(r.outcomes().followUp().done(), io.crosscheck.engine.outcome.OutcomeMeasures.Code::code)),
    FOLLOW_UP_TOLERANCE(
            "`rules/reference/outcome-measures.yaml`, `followUp.tolerance`",
            (r, p) ->
                    map(r.outcomes().followUp().tolerance(), io.crosscheck.engine.outcome.OutcomeMeasures.Code::code));

    private final String where;
    private final BiFunction<ReferenceData, List<ParsedRule>, Collection<String>> read;

    Codes(String where, BiFunction<ReferenceData, List<ParsedRule>, Collection<String>> read) {
        this.where = where;
        this.read = read;
    }

    /** Where the codes are defined, in Markdown. */
    public String where() {
        return where;
    }

    /** The codes, each once, in the order the reference data or the rules define them. */
    public List<String> codes(ReferenceData reference, List<ParsedRule> rules) {
        return List.copyOf(new LinkedHashSet<>(read.apply(reference, rules)));
    }

    private static Vocabulary voc(ReferenceData r) {
        return r.vocabulary();
    }

    private static List<String> codes(List<Vocabulary.Code> codes) {
        return codes == null ? List.of() : map(codes, Vocabulary.Code::code);
    }

    private static <T> List<String> map(List<T> items, java.util.function.Function<T, String> code) {
        return items == null
                ? List.of()
                : items.stream().map(code).filter(java.util.Objects::nonNull).toList();
    }

    private static List<String> join(Collection<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * The codes rules create for a type: in each {@code new Type( ... )} of a consequence, the first string argument
     * written as a code (lower case, digits and underscores), as {@code "prolonged_sitting"} in
     * {@code new Contributor( "prolonged_sitting", "prolonged sitting (...)" )}.
     */
    private static List<String> created(List<ParsedRule> rules, String type) {
        return rules.stream()
                .flatMap(r -> r.constructions().stream())
                .filter(c -> c.type().equals(type))
                .flatMap(c -> c.literals().stream()
                        .map(ParsedRule.ParsedLiteral::value)
                        .filter(v -> v.matches("[a-z][a-z0-9_]*"))
                        .limit(1))
                .toList();
    }
}
