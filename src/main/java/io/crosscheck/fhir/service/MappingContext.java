package io.crosscheck.fhir.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.Onset;
import io.crosscheck.engine.input.Terminology;
import io.crosscheck.fhir.service.FhirScreeningMapper.Mode;
import io.crosscheck.fhir.service.FhirScreeningMapper.Skipped;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The state of one mapping of FHIR resources to a request: the knowledge base's codes (its own, the standard codings
 * of its reference data and a site's ConceptMaps), the time it is read at, what has been collected so far (latest
 * answer per question), what was skipped and, in strict mode, the errors.
 * Single use: one instance per {@link FhirScreeningMapper#map} call.
 */
final class MappingContext {

    /**
     * What a coding means: a Crosscheck code ({@code code}; null for a problem) or a problem read as a symptom, the
     * standard coding matched (its {@code scoreFrom}; null for a Crosscheck coding), what the question asks about
     * time, and whether it came through a standard (not a Crosscheck) coding.
     */
    record Meaning(
            String code,
            io.crosscheck.engine.input.Coding coding,
            Onset onset,
            boolean standard,
            Terminology.Problem problem) {}

    final ReferenceData reference;
    final Mode mode;
    final Terminology terminology;
    final ConceptMapTranslations siteMaps;
    /** When the chart is read (windows are counted back from it); null: no time windows (checks). */
    final Instant now;

    private final Set<String> known;
    /** Standard codings of the reference data (system|code) -> what they mean. */
    private final Map<String, Meaning> byCoding = new LinkedHashMap<>();

    private final Map<String, Onset> onsets = new LinkedHashMap<>();

    final LatestAnswers<Boolean> redFlags = new LatestAnswers<>();
    /** Per answer section: field -> value (Boolean, Integer, Double or String). */
    final Map<String, LatestAnswers<Object>> answers = new LinkedHashMap<>();

    final LatestAnswers<ScreeningRequest.Observation> posture = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.MuscleLength> muscles = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.Movement> movements = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.Symptom> symptoms = new LatestAnswers<>();
    /** Pain scores (0-10) by region; "" for a score without a body site. */
    final LatestAnswers<Integer> painScores = new LatestAnswers<>();

    final List<Skipped> skipped = new ArrayList<>();
    final List<FieldError> errors = new ArrayList<>();
    /** The position of the resource being read, which breaks ties between answers of the same time. */
    int order;

    MappingContext(ReferenceData reference, Mode mode, ConceptMapTranslations siteMaps, Instant now) {
        this.reference = reference;
        this.mode = mode;
        this.terminology = reference.terminology();
        this.siteMaps = siteMaps == null ? ConceptMapTranslations.NONE : siteMaps;
        this.now = now;
        this.known = new LinkedHashSet<>(CrosscheckCodes.codes(reference));
        for (InputDefinition i : reference.inputs().inputs()) {
            onsets.put(i.crosscheckCode(), i.onset());
            i.codings().forEach(c -> index(c, new Meaning(i.crosscheckCode(), c, i.onset(), true, null)));
        }
        for (RedFlagDefinition f : reference.redFlags()) {
            String code = "red-flag." + f.getCode();
            onsets.put(code, f.getOnset());
            f.getCodings().forEach(c -> index(c, new Meaning(code, c, f.getOnset(), true, null)));
        }
        terminology
                .codings()
                .forEach((code, codings) ->
                        codings.forEach(c -> index(c, new Meaning(code, c, Onset.CURRENT, true, null))));
        for (Terminology.Problem p : terminology.problems()) {
            p.coding().forEach(c -> index(c, new Meaning(null, c, Onset.CURRENT, true, p)));
        }
    }

    private void index(io.crosscheck.engine.input.Coding c, Meaning m) {
        byCoding.putIfAbsent(c.key(), m);
    }

    /**
     * What a concept means: the first of its codings Crosscheck reads (its own code system, a standard coding of the
     * reference data), else the first a site ConceptMap translates into one.
     */
    Optional<Meaning> meaning(CodeableConcept cc) {
        if (cc == null) {
            return Optional.empty();
        }
        for (Coding c : cc.getCoding()) {
            Optional<Meaning> m = direct(c.getSystem(), c.getCode());
            if (m.isPresent()) {
                return m;
            }
        }
        for (Coding c : cc.getCoding()) {
            for (Coding target : siteMaps.translate(c.getSystem(), c.getCode())) {
                Optional<Meaning> m = direct(target.getSystem(), target.getCode());
                if (m.isPresent()) {
                    return m;
                }
            }
        }
        return Optional.empty();
    }

    /** A coding read as itself: a Crosscheck code, or a standard coding of the reference data. */
    Optional<Meaning> direct(String system, String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (CrosscheckCodes.SYSTEM.equals(system)) {
            return known.contains(code)
                    ? Optional.of(new Meaning(code, null, onsets.getOrDefault(code, Onset.CURRENT), false, null))
                    : Optional.empty();
        }
        return Optional.ofNullable(byCoding.get(system + "|" + code));
    }

    /** The Crosscheck code of a concept, if one of its codings is read as one (not a problem). */
    Optional<String> code(CodeableConcept cc) {
        return meaning(cc).map(Meaning::code);
    }

    /** The code after {@code prefix.} of a concept whose Crosscheck code has that prefix. */
    Optional<String> codeIn(CodeableConcept cc, String prefix) {
        return code(cc).filter(x -> x.startsWith(prefix + ".")).map(x -> x.substring(prefix.length() + 1));
    }

    boolean known(String crosscheckCode) {
        return known.contains(crosscheckCode);
    }

    /** Whether an answer dated {@code at} is older than the answer window (undated answers are read). */
    boolean stale(Instant at) {
        return now != null
                && at != null
                && at.isBefore(now.minus(Duration.ofDays(terminology.windows().answerMaxAgeDays())));
    }

    /** Whether something that began at {@code began} is within the window of {@code onset} (new or recent). */
    boolean within(Instant began, Onset onset) {
        return now == null
                || began == null
                || !began.isBefore(
                        now.minus(Duration.ofDays(terminology.windows().days(onset))));
    }

    void answer(InputDefinition input, Object value, Instant at) {
        answers.computeIfAbsent(input.section(), k -> new LatestAnswers<>()).put(input.field(), value, at, order);
    }

    void unknown(CodeableConcept cc, String type, String path) {
        List<String> codes = cc == null
                ? List.of()
                : cc.getCoding().stream()
                        .map(c -> c.getSystem() + "|" + c.getCode())
                        .toList();
        String shown = codes.isEmpty() ? "(no coding)" : String.join(", ", codes);
        skippedOrError(new Skipped(shown, type, "unknown code"), path, shown);
    }

    /** A resource Crosscheck understood but does not read as an answer (resolved, not new, too old): listed, never an error. */
    void notRead(CodeableConcept cc, String type, String reason) {
        String shown = cc == null || cc.getCoding().isEmpty()
                ? "(no coding)"
                : String.join(
                        ", ",
                        cc.getCoding().stream()
                                .map(c -> c.getSystem() + "|" + c.getCode())
                                .toList());
        skipped.add(new Skipped(shown, type, reason));
    }

    void skippedOrError(Skipped s, String path, Object rejected) {
        if (mode == Mode.STRICT) {
            errors.add(new FieldError(
                    path, s.reason() + " (see kb-docs/fhir-mapping.md and GET /fhir/CodeSystem/crosscheck)", rejected));
        } else {
            skipped.add(s);
        }
    }

    void invalid(String path, String message) {
        if (mode == Mode.STRICT) {
            errors.add(new FieldError(path, message));
        } else {
            skipped.add(new Skipped(path, "value", message));
        }
    }
}
