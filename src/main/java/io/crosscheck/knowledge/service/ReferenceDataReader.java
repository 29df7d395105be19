package io.crosscheck.knowledge.service;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.HomeProgrammeTranslation;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.Onset;
import io.crosscheck.engine.input.Terminology;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code rules/reference/*.yaml} into {@link ReferenceData}. Unknown keys are errors, so a
 * typo in reference data fails the build of the knowledge base instead of being ignored.
 */
final class ReferenceDataReader {

    static final String DIR = KnowledgeSource.RULES + "reference/";

    /** The client's side of the catalogue ({@link HomeProgramme#FILE}); the linter checks it against the catalogue. */
    static final String HOME_PROGRAMME = "home-programme.yaml";

    /** The outcome measures ({@link OutcomeMeasures#FILE}). */
    static final String OUTCOME_MEASURES = "outcome-measures.yaml";

    /** Reference facts keep their fields private and immutable to rules: bound by field. */
    private final ObjectMapper yaml = Yaml.strict()
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    record ThresholdFile(List<Threshold> thresholds) {}

    record FindingFile(List<FindingDefinition> findings) {}

    record PatternFile(List<PatternDefinition> patterns) {}

    /** The catalogue and how its items are ordered in FHIR ({@link InterventionOrdersReader}). */
    record InterventionFile(List<InterventionDefinition> interventions, InterventionOrdersReader.Block fhir) {}

    record RedFlagFile(List<Domain> domains) {
        /** testsAfterAnswer: tests not requested while a question of the domain is unanswered. */
        record Domain(
                String code,
                String label,
                Urgency urgency,
                List<String> regions,
                List<String> testsAfterAnswer,
                List<Flag> flags) {}

        /**
         * urgency overrides the domain's; supportingOnly flags refer only together with another flag of the domain;
         * daysInCare: the question applies only once the client has been in care that many days.
         */
        record Flag(
                String code,
                String label,
                Urgency urgency,
                Boolean supportingOnly,
                List<Coding> coding,
                Onset onset,
                Integer daysInCare) {}
    }

    ReferenceData read(KnowledgeSource source, List<KnowledgeProblem> problems) {
        Map<String, String> files = source.referenceFiles();
        Vocabulary vocabulary = parse(files, "vocabulary.yaml", Vocabulary.class, problems);
        InputCatalogReader.InputFile inputFile =
                parse(files, InputCatalogReader.FILE, InputCatalogReader.InputFile.class, problems);
        InputCatalog inputs = inputFile == null
                ? null
                : InputCatalogReader.catalog(inputFile, DIR + InputCatalogReader.FILE, problems);
        ThresholdFile thresholds = parse(files, "thresholds.yaml", ThresholdFile.class, problems);
        FindingFile findings = parse(files, "findings.yaml", FindingFile.class, problems);
        PatternFile patterns = parse(files, "patterns.yaml", PatternFile.class, problems);
        RedFlagFile redFlags = parse(files, "red-flags.yaml", RedFlagFile.class, problems);
        InterventionFile interventions = parse(files, "interventions.yaml", InterventionFile.class, problems);
        // a knowledge base written before terminology.yaml existed (a stored version, a rollback) reads with the
        // defaults
        Terminology terminology = files.containsKey(DIR + TerminologyReader.FILE)
                ? parse(files, TerminologyReader.FILE, Terminology.class, problems)
                : TerminologyReader.DEFAULTS;
        // likewise home-programme.yaml: without it the take-home sheet has no client texts
        HomeProgramme home = files.containsKey(DIR + HOME_PROGRAMME)
                ? parse(files, HOME_PROGRAMME, HomeProgramme.class, problems)
                : HomeProgramme.NONE;
        Map<String, HomeProgrammeTranslation> translations = new java.util.TreeMap<>();
        for (String path : files.keySet()) {
            if (path.startsWith(HomeProgrammeTranslation.DIR)) {
                java.util.Optional<String> language = HomeProgrammeTranslation.language(path);
                if (language.isEmpty()) {
                    problems.add(new KnowledgeProblem(
                            path,
                            1,
                            1,
                            "a translation is " + HomeProgrammeTranslation.file("<language>")
                                    + ", with a two-letter language code (es)"));
                    continue;
                }
                HomeProgrammeTranslation t =
                        parse(files, path.substring(DIR.length()), HomeProgrammeTranslation.class, problems);
                if (t == null) {
                    home = null;
                } else {
                    translations.put(language.get(), t);
                }
            }
        }
        // and outcome-measures.yaml: without it a screening records no outcome measures
        OutcomeMeasures outcomes = files.containsKey(DIR + OUTCOME_MEASURES)
                ? parse(files, OUTCOME_MEASURES, OutcomeMeasures.class, problems)
                : OutcomeMeasures.NONE;
        if (outcomes != null && vocabulary != null) {
            outcomes = OutcomeMeasuresCheck.check(outcomes, vocabulary, DIR + OUTCOME_MEASURES, problems);
        }
        if (vocabulary == null
                || outcomes == null
                || home == null
                || terminology == null
                || inputs == null
                || thresholds == null
                || findings == null
                || patterns == null
                || redFlags == null
                || interventions == null) {
            return null;
        }
        InterventionOrders orders =
                InterventionOrdersReader.read(interventions.fhir(), interventions.interventions(), problems);
        if (orders == null) {
            return null;
        }
        List<RedFlagDefinition> flags = new ArrayList<>();
        for (RedFlagFile.Domain d : redFlags.domains()) {
            for (RedFlagFile.Flag f : d.flags()) {
                flags.add(new RedFlagDefinition(
                        f.code(),
                        f.label(),
                        d.code(),
                        d.label(),
                        f.urgency() != null ? f.urgency() : d.urgency(),
                        d.regions(),
                        Boolean.TRUE.equals(f.supportingOnly()),
                        d.testsAfterAnswer(),
                        f.coding(),
                        f.onset(),
                        f.daysInCare() == null ? 0 : f.daysInCare()));
            }
        }
        // activity levels and sexes are defined as choice inputs; the vocabulary lists them too (API v1)
        Vocabulary withChoices = new Vocabulary(
                vocabulary.posture(),
                vocabulary.muscles(),
                vocabulary.muscleLengthTests(),
                vocabulary.movementTests(),
                vocabulary.otherAssessments(),
                vocabulary.symptoms(),
                options(inputs, "activity_level"),
                options(inputs, "sex"));
        ReferenceData data = new ReferenceData(
                withChoices,
                thresholds.thresholds(),
                findings.findings(),
                patterns.patterns(),
                flags,
                interventions.interventions(),
                tests(vocabulary),
                inputs,
                terminology,
                orders,
                home,
                translations,
                outcomes);
        if (!TerminologyReader.check(data, DIR + TerminologyReader.FILE, problems)) {
            return null;
        }
        return data;
    }

    private static List<Vocabulary.Code> options(InputCatalog inputs, String code) {
        return inputs.input(code)
                .map(i -> i.options().stream()
                        .map(o -> new Vocabulary.Code(o.code(), o.label()))
                        .toList())
                .orElse(List.of());
    }

    /** Every assessment a finding can come from, for why-not explanations. */
    private static List<TestDefinition> tests(Vocabulary v) {
        List<TestDefinition> tests = new ArrayList<>();
        v.posture()
                .forEach(p ->
                        tests.add(new TestDefinition(p.code(), p.label() + " observation", "posture", p.evidence())));
        v.muscleLengthTests()
                .forEach(t -> tests.add(new TestDefinition(t.code(), t.name(), "muscle_length", t.evidence())));
        v.movementTests().forEach(t -> tests.add(new TestDefinition(t.code(), t.name(), "movement", t.evidence())));
        v.otherAssessments().forEach(t -> tests.add(new TestDefinition(t.code(), t.name(), "other", t.evidence())));
        return tests;
    }

    private <T> T parse(Map<String, String> files, String name, Class<T> type, List<KnowledgeProblem> problems) {
        String path = DIR + name;
        String text = files.get(path);
        if (text == null) {
            problems.add(new KnowledgeProblem(path, 0, 0, "reference data file is missing"));
            return null;
        }
        try {
            return yaml.readValue(text, type);
        } catch (JsonProcessingException e) {
            JsonLocation at = where(text, e);
            problems.add(new KnowledgeProblem(
                    path, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
            return null;
        }
    }

    /**
     * Where a binding problem is: the key it names (a record's unknown field is only reported at the end of its object,
     * once the record's fields are all read), else where the parser stopped.
     */
    private JsonLocation where(String text, JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.PropertyBindingException b
                && !b.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            for (var ref : b.getPath()) {
                pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
            }
            try (var p = yaml.getFactory().createParser(text)) {
                com.fasterxml.jackson.core.JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                            && p.getParsingContext().pathAsPointer().toString().equals(pointer.toString())) {
                        return p.currentTokenLocation();
                    }
                }
            } catch (java.io.IOException ignored) {
                // fall back to where the parser stopped
            }
        }
        return e.getLocation();
    }
}
