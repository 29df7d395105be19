package io.crosscheck.fhir.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR R4 resources to the same {@link ScreeningRequest} the REST API reads, through the table in
 * {@code kb-docs/fhir-mapping.md} ({@link CrosscheckCodes}). Pure: no HTTP, no database.
 *
 * <p>Two modes. {@link Mode#LENIENT} (CDS Hooks): an EHR sends far more than Crosscheck reads, so an
 * unknown code is skipped and listed. {@link Mode#STRICT} (the REST API): an unknown code is an error
 * naming where it is, as for a JSON request.
 *
 * <p>Codes: Crosscheck's own, the standard codings of the reference data (SNOMED CT, LOINC, ICD-10-CM in
 * {@code inputs.yaml}, {@code red-flags.yaml} and {@code terminology.yaml}) and a site's ConceptMaps from its local
 * codes ({@link ConceptMapTranslations}).
 *
 * <p>Clinical safety: a red-flag "no" is only ever an explicit answer (an Observation with a value, a
 * QuestionnaireResponse answer, a refuted Condition). A question without a resource, or a resource
 * without a value, stays unanswered, which the rules report as an incomplete screen. Conditions are read by
 * meaning ({@link ConditionReader}); an Observation or QuestionnaireResponse older than the answer window does not
 * describe now and is not read.
 */
public final class FhirScreeningMapper {

    public enum Mode {
        STRICT,
        LENIENT
    }

    /** A FHIR resource and where it was found (a JSON pointer into what was sent, or a prefetch key). */
    public record Located(Resource resource, String path) {}

    /** What was skipped: the coding (system|code, or a QuestionnaireResponse linkId) and why. */
    public record Skipped(String code, String resourceType, String reason) {}

    /** The request, what was skipped, and (strict mode) the errors. */
    public record Result(ScreeningRequest request, List<Skipped> skipped, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A result is read only when final, amended or corrected (not registered, preliminary, cancelled, entered-in-error). */
    private static final Set<String> USABLE_OBSERVATION_STATUS = Set.of("final", "amended", "corrected");

    private final ReferenceData reference;
    private final Mode mode;
    private final LocalDate today;
    private final ConceptMapTranslations siteMaps;

    public FhirScreeningMapper(ReferenceData reference, Mode mode, LocalDate today) {
        this(reference, mode, today, ConceptMapTranslations.NONE);
    }

    /** @param siteMaps the site's ConceptMaps from its local codes (e.g. flowsheet rows) to codes Crosscheck reads */
    public FhirScreeningMapper(ReferenceData reference, Mode mode, LocalDate today, ConceptMapTranslations siteMaps) {
        this.reference = reference;
        this.mode = mode;
        this.today = today;
        this.siteMaps = siteMaps;
    }

    /** Every resource of a Bundle (entries, nested Bundles unwrapped) or the resource itself, with its path. */
    public static List<Located> flatten(Resource resource, String path) {
        List<Located> out = new ArrayList<>();
        if (resource instanceof Bundle b) {
            for (int i = 0; i < b.getEntry().size(); i++) {
                Resource r = b.getEntry().get(i).getResource();
                if (r != null) {
                    out.addAll(flatten(r, path + "/entry/" + i + "/resource"));
                }
            }
        } else if (resource != null) {
            out.add(new Located(resource, path));
        }
        return out;
    }

    /**
     * Maps the resources; {@code clientRef} is the pseudonymous reference to store (a Patient's identifier
     * in {@link CrosscheckCodes#CLIENT_REF_SYSTEM} takes precedence).
     */
    public Result map(List<Located> resources, String clientRef) {
        MappingContext ctx = new MappingContext(
                reference,
                mode,
                siteMaps,
                today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        AnswerReader answers = new AnswerReader(ctx);
        ConditionReader conditions = new ConditionReader(ctx, answers);
        TestObservations tests = new TestObservations(ctx);
        Patient patient = null;
        String patientPath = null;
        for (Located l : resources) {
            Resource r = l.resource();
            ctx.order++;
            if (r instanceof Patient p) {
                if (patient != null && mode == Mode.STRICT) {
                    ctx.errors.add(new FieldError(l.path(), "more than one Patient"));
                }
                patient = p;
                patientPath = l.path();
            } else if (r instanceof Observation o) {
                observation(ctx, answers, tests, o, l.path());
            } else if (r instanceof Condition c) {
                conditions.read(c, l.path());
            } else if (r instanceof QuestionnaireResponse q) {
                answers.questionnaireResponse(q, l.path());
            } else if (mode == Mode.STRICT) {
                ctx.errors.add(new FieldError(
                        l.path() + "/resourceType",
                        "resource type not read by Crosscheck "
                                + "(Patient, Observation, Condition, QuestionnaireResponse)",
                        r.fhirType()));
            }
        }
        tests.painScores();
        if (patient == null) {
            ctx.errors.add(new FieldError(
                    mode == Mode.STRICT ? "/Patient" : "patient", "a Patient with a birth date is required"));
        } else {
            client(ctx, patient, patientPath);
            String pseudonym = patient.getIdentifier().stream()
                    .filter(i -> CrosscheckCodes.CLIENT_REF_SYSTEM.equals(i.getSystem()) && i.hasValue())
                    .map(Identifier::getValue)
                    .findFirst()
                    .orElse(null);
            if (pseudonym != null) {
                clientRef = pseudonym;
            }
        }
        Map<String, Answers> sections = new LinkedHashMap<>();
        for (InputSection s : reference.inputs().sections()) {
            LatestAnswers<Object> sent = ctx.answers.get(s.code());
            if (sent != null && !sent.isEmpty()) {
                sections.put(s.code(), Answers.of(sent.asMap()));
            }
        }
        List<ScreeningRequest.RedFlagAnswer> redFlags = ctx.redFlags.isEmpty()
                ? null
                : ctx.redFlags.asMap().entrySet().stream()
                        .map(e -> new ScreeningRequest.RedFlagAnswer(e.getKey(), e.getValue()))
                        .toList();
        Map<String, Answers> others = new LinkedHashMap<>(sections);
        ScreeningRequest.NAMED_SECTIONS.forEach(others::remove);
        ScreeningRequest request = new ScreeningRequest(
                clientRef,
                patient == null ? null : sections.get("client"),
                ctx.posture.valuesOrNull(),
                ctx.muscles.valuesOrNull(),
                ctx.movements.valuesOrNull(),
                sections.get("breathing"),
                ctx.symptoms.valuesOrNull(),
                sections.get("lifestyle"),
                sections.get("psychosocial"),
                redFlags,
                null,
                null,
                others);
        return new Result(request, List.copyOf(ctx.skipped), List.copyOf(ctx.errors));
    }

    /** Age (whole years on {@code today}) and sex from the Patient, as the client section's answers. */
    private void client(MappingContext ctx, Patient p, String path) {
        InputDefinition age = reference.inputs().input("client", "age").orElseThrow();
        if (p.hasBirthDate()) {
            LocalDate born = p.getBirthDateElement()
                    .getValue()
                    .toInstant()
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate();
            ctx.answer(age, Period.between(born, today).getYears(), null);
        } else {
            ctx.errors.add(
                    new FieldError(path + "/birthDate", "the Patient's birth date is needed for the client's age"));
        }
        String sex = !p.hasGender()
                ? null
                : switch (p.getGender()) {
                    case FEMALE -> "female";
                    case MALE -> "male";
                    case OTHER -> "other";
                    default -> null;
                };
        if (sex != null) {
            reference.inputs().input("client", "sex").ifPresent(s -> ctx.answer(s, sex, null));
        }
    }

    private void observation(
            MappingContext ctx, AnswerReader answers, TestObservations tests, Observation o, String path) {
        if (o.hasStatus() && !USABLE_OBSERVATION_STATUS.contains(o.getStatus().toCode())) {
            return; // registered, preliminary, cancelled, entered-in-error, unknown: no usable result
        }
        Optional<MappingContext.Meaning> meaning = ctx.meaning(o.getCode());
        if (meaning.isEmpty() || meaning.get().code() == null) {
            ctx.unknown(o.getCode(), "Observation", path + "/code");
            return;
        }
        Instant at = FhirValues.observationTime(o);
        if (ctx.stale(at)) {
            ctx.notRead(
                    o.getCode(),
                    "Observation",
                    "observed " + at.toString().substring(0, 10) + ": older than "
                            + reference.terminology().windows().answerMaxAgeDays() + " days, does not describe now");
            return;
        }
        String c = meaning.get().code();
        Type value = o.hasValue() ? o.getValue() : null;
        if (answers.read(meaning.get(), value, path, at)) {
            return;
        }
        String category = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
        String local = c.contains(".") ? c.substring(c.indexOf('.') + 1) : "";
        switch (category) {
            case "posture" -> tests.posture(local, o, path, at);
            case "muscle" -> tests.muscle(local, o, path, at);
            case "movement" -> tests.movement(local, o, path, at);
            case "symptom" -> tests.symptom(o, path, at);
            case "pain-nrs" -> tests.painScore(o, path, at);
            default -> ctx.unknown(o.getCode(), "Observation", path + "/code");
        }
    }
}
