package io.crosscheck.web.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.input.AppliesTo;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.web.service.FormModel.Scope;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which parts of the screening form are for this client, read from the reference data and never from a list of its
 * own, so that the form asks what the screen will count as missing and examines what the complaint calls for:
 *
 * <ul>
 *   <li>a red-flag domain: its {@code regions} in red-flags.yaml, exactly as SAF-020 scopes the screen (a client with
 *       no symptom region gets every domain);
 *   <li>a question (inputs.yaml) and a questionnaire (the inputs it scores): its {@code appliesTo}, as the engine
 *       decides what is not recorded ({@link AppliesTo#appliesTo}); an age not entered yet hides nothing;
 *   <li>an outcome measure: its {@code appliesTo} regions in outcome-measures.yaml;
 *   <li>a posture observation, muscle or movement test: the {@code regions} of the patterns (patterns.yaml) its
 *       findings count towards (findings.yaml: the finding's {@code tests}, or its {@code muscle}); one that counts
 *       towards no pattern with regions (breathing, the neurological examinations) is for every client.
 * </ul>
 *
 * <p>What is not for the client is folded, never dropped: a part that holds an answer or an error is always shown,
 * and the page's script makes the same decision again as age, sex, symptom regions and answers change.
 */
final class FormScope {

    static final String DOMAIN = "domain";
    static final String TEST = "test";
    static final String INPUT = "input";

    private final Map<String, String> values;
    private final Map<String, String> errors;
    private final Integer age;
    private final String sex;
    private final Set<String> regions;
    private final Map<String, Set<String>> testRegions;
    private final InputCatalog inputs;

    FormScope(ReferenceData reference, Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
        this.inputs = reference.inputs();
        this.age = wholeNumber(values.get("client.age"));
        String s = values.get("client.sex");
        this.sex = s == null || s.isBlank() ? null : s;
        this.regions = values.entrySet().stream()
                .filter(e -> e.getKey().matches("sy\\.\\d+\\.region") && e.getValue() != null)
                .map(Map.Entry::getValue)
                .filter(v -> !v.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        this.testRegions = testRegions(reference);
    }

    /**
     * The symptom regions of each posture observation ({@code obs.<code>}), muscle ({@code ml.<code>}) and movement
     * test ({@code mv.<code>}): those of the patterns its findings count towards; none (every client) when no such
     * pattern has regions.
     */
    static Map<String, Set<String>> testRegions(ReferenceData reference) {
        Vocabulary v = reference.vocabulary();
        Map<String, List<String>> byPattern = reference.patterns().stream()
                .collect(Collectors.toMap(PatternDefinition::getCode, PatternDefinition::getRegions));
        Set<String> posture =
                v.posture().stream().map(Vocabulary.PostureCode::code).collect(Collectors.toSet());
        Set<String> movement = v.movementTests().stream()
                .map(Vocabulary.MovementTestCode::code)
                .collect(Collectors.toSet());
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (FindingDefinition f : reference.findings()) {
            List<String> patternRegions = byPattern.getOrDefault(f.getPattern(), List.of());
            if (patternRegions.isEmpty()) {
                continue;
            }
            for (String test : f.getTests()) {
                if (posture.contains(test)) {
                    add(out, "obs." + test, patternRegions);
                }
                if (movement.contains(test)) {
                    add(out, "mv." + test, patternRegions);
                }
            }
            for (Vocabulary.MuscleCode m : v.muscles()) {
                boolean named = f.getMuscle() != null
                        ? f.getMuscle().equals(m.code())
                        : f.getTests().contains(m.test());
                if (named) {
                    add(out, "ml." + m.code(), patternRegions);
                }
            }
        }
        return out;
    }

    private static void add(Map<String, Set<String>> out, String key, List<String> regions) {
        out.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(regions);
    }

    /** The symptom regions entered. */
    Set<String> regions() {
        return regions;
    }

    /** A red-flag domain with its regions, and the form fields of its questions. */
    Scope domain(List<String> domainRegions, List<String> fields) {
        boolean applies = domainRegions.isEmpty() || regions.isEmpty() || any(domainRegions);
        return new Scope(DOMAIN, words(domainRegions), "", "", "", "", !applies && !answered(fields::contains));
    }

    /** A posture observation, muscle or movement test ({@code obs.}, {@code ml.}, {@code mv.} and its code). */
    Scope test(String key) {
        Set<String> r = testRegions.getOrDefault(key, Set.of());
        boolean applies = r.isEmpty() || regions.isEmpty() || any(r);
        return new Scope(TEST, words(r), "", "", "", "", !applies && !answered(f -> f.startsWith(key + ".")));
    }

    /** A question of inputs.yaml. */
    Scope input(InputDefinition i) {
        String field = FormLayout.fieldName(i);
        return input(List.of(i), f -> f.equals(field));
    }

    /** A questionnaire, by the inputs it scores (applies when any of them does) and its fields. */
    Scope input(List<InputDefinition> scored, Predicate<String> fields) {
        if (scored.isEmpty()) {
            return new Scope(INPUT, "", "", "", "", "", false);
        }
        AppliesTo a = scored.get(0).appliesTo();
        boolean applies = scored.stream().anyMatch(i -> applies(i.appliesTo()));
        String orWhenYes = a.orWhenYes().stream()
                .map(c -> inputs.input(c).map(FormLayout::fieldName).orElse(c))
                .collect(Collectors.joining(" "));
        return new Scope(
                INPUT,
                words(a.regions()),
                a.minAge() == null ? "" : a.minAge().toString(),
                a.maxAge() == null ? "" : a.maxAge().toString(),
                words(a.sexes()),
                orWhenYes,
                !applies && !answered(fields));
    }

    /** An outcome measure, offered for these regions (none: every client), its fields under {@code prefix}. */
    Scope measure(List<String> measureRegions, String prefix) {
        boolean applies = measureRegions == null || measureRegions.isEmpty() || any(measureRegions);
        return new Scope(
                INPUT,
                measureRegions == null ? "" : words(measureRegions),
                "",
                "",
                "",
                "",
                !applies && !answered(f -> f.startsWith(prefix)));
    }

    /**
     * As the engine decides whether a question applies ({@link AppliesTo#appliesTo}), except that an age not entered
     * yet excludes nothing; follow-ups ({@code whenYes}) are the health screen's own business.
     */
    private boolean applies(AppliesTo a) {
        boolean yes = a.orWhenYes().stream()
                .map(inputs::input)
                .anyMatch(i -> i.isPresent() && "yes".equals(values.get(FormLayout.fieldName(i.get()))));
        if (yes) {
            return true;
        }
        if (age != null && ((a.minAge() != null && age < a.minAge()) || (a.maxAge() != null && age > a.maxAge()))) {
            return false;
        }
        if (!a.sexes().isEmpty() && !a.sexes().contains(sex == null ? AppliesTo.NOT_STATED : sex)) {
            return false;
        }
        return a.regions().isEmpty() || any(a.regions());
    }

    private boolean any(Collection<String> of) {
        return of.stream().anyMatch(regions::contains);
    }

    /** Whether a field among these holds a value or an error: such a part of the form is never folded. */
    private boolean answered(Predicate<String> field) {
        return values.entrySet().stream()
                        .anyMatch(e -> field.test(e.getKey())
                                && e.getValue() != null
                                && !e.getValue().isBlank())
                || errors.keySet().stream().anyMatch(field);
    }

    /** "low back, hip · 34 · female": what the form is scoped to, as its summary line says it. */
    String summary(Vocabulary.SymptomCodes codes) {
        String where = regions.isEmpty()
                ? "no symptom region yet (every red-flag domain and test)"
                : regions.stream()
                        .map(r -> Vocabulary.find(codes.regions(), r)
                                .map(Vocabulary.Code::label)
                                .orElse(r))
                        .collect(Collectors.joining(", "));
        return where + (age == null ? "" : " · " + age + " years") + (sex == null ? "" : " · " + sex);
    }

    private static String words(Collection<String> codes) {
        return String.join(" ", codes);
    }

    private static Integer wholeNumber(String s) {
        return s != null && s.trim().matches("\\d{1,3}") ? Integer.valueOf(s.trim()) : null;
    }
}
