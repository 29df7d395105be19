package io.crosscheck.fhir.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.fhir.service.FhirScreeningMapper.Mode;
import io.crosscheck.fhir.service.FhirScreeningMapper.Skipped;
import io.crosscheck.screening.model.ScreeningRequest;
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
 * The state of one mapping of FHIR resources to a request: the knowledge base's codes, what has been
 * collected so far (latest answer per question), what was skipped and, in strict mode, the errors.
 * Single use: one instance per {@link FhirScreeningMapper#map} call.
 */
final class MappingContext {

    final ReferenceData reference;
    final Mode mode;
    private final Set<String> known;
    /** Codings listed for an input in inputs.yaml (system|code) -> the input's Crosscheck code. */
    private final Map<String, String> inputCodings = new LinkedHashMap<>();

    final LatestAnswers<Boolean> redFlags = new LatestAnswers<>();
    /** Per answer section: field -> value (Boolean, Integer, Double or String). */
    final Map<String, LatestAnswers<Object>> answers = new LinkedHashMap<>();

    final LatestAnswers<ScreeningRequest.Observation> posture = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.MuscleLength> muscles = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.Movement> movements = new LatestAnswers<>();
    final LatestAnswers<ScreeningRequest.Symptom> symptoms = new LatestAnswers<>();
    final List<Skipped> skipped = new ArrayList<>();
    final List<FieldError> errors = new ArrayList<>();
    /** The position of the resource being read, which breaks ties between answers of the same time. */
    int order;

    MappingContext(ReferenceData reference, Mode mode) {
        this.reference = reference;
        this.mode = mode;
        this.known = new LinkedHashSet<>(CrosscheckCodes.codes(reference));
        for (InputDefinition i : reference.inputs().inputs()) {
            i.codings().forEach(c -> inputCodings.putIfAbsent(c.system() + "|" + c.code(), i.crosscheckCode()));
        }
    }

    /** The Crosscheck code of a concept, if one of its codings is known (Crosscheck's own, SNOMED CT or an input's coding). */
    Optional<String> code(CodeableConcept cc) {
        if (cc == null) {
            return Optional.empty();
        }
        for (Coding c : cc.getCoding()) {
            if (c.getCode() == null) {
                continue;
            }
            String mapped = inputCodings.get(c.getSystem() + "|" + c.getCode());
            Optional<String> code = mapped != null
                    ? Optional.of(mapped)
                    : CrosscheckCodes.crosscheckCode(c.getSystem(), c.getCode()).filter(known::contains);
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    /** The code after {@code prefix.} of a concept whose Crosscheck code has that prefix. */
    Optional<String> codeIn(CodeableConcept cc, String prefix) {
        return code(cc).filter(x -> x.startsWith(prefix + ".")).map(x -> x.substring(prefix.length() + 1));
    }

    boolean known(String crosscheckCode) {
        return known.contains(crosscheckCode);
    }

    void answer(InputDefinition input, Object value, java.time.Instant at) {
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
