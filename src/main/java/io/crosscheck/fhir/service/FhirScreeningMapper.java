package io.crosscheck.fhir.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.screening.model.ScreeningRequest;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FHIR R4 resources to the same {@link ScreeningRequest} the REST API reads, through the table in
 * {@code kb-docs/fhir-mapping.md} ({@link CrosscheckCodes}). Pure: no HTTP, no database.
 *
 * <p>Two modes. {@link Mode#LENIENT} (CDS Hooks): an EHR sends far more than Crosscheck reads, so an
 * unknown code is skipped and listed. {@link Mode#STRICT} (the REST API): an unknown code is an error
 * naming where it is, as for a JSON request.
 *
 * <p>Clinical safety: a red-flag "no" is only ever an explicit answer (an Observation with a value, a
 * QuestionnaireResponse answer, a refuted Condition). A question without a resource, or a resource
 * without a value, stays unanswered, which the rules report as an incomplete screen.
 */
public final class FhirScreeningMapper {

    public enum Mode { STRICT, LENIENT }

    /** A FHIR resource and where it was found (a JSON pointer into what was sent, or a prefetch key). */
    public record Located(Resource resource, String path) {
    }

    /** What was skipped: the coding (system|code, or a QuestionnaireResponse linkId) and why. */
    public record Skipped(String code, String resourceType, String reason) {
    }

    /** The request, what was skipped, and (strict mode) the errors. */
    public record Result(ScreeningRequest request, List<Skipped> skipped, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final Set<String> USABLE_OBSERVATION_STATUS = Set.of("final", "amended", "corrected", "preliminary");

    private final ReferenceData reference;
    private final Vocabulary vocabulary;
    private final Mode mode;
    private final LocalDate today;
    private final Set<String> known;

    public FhirScreeningMapper(ReferenceData reference, Mode mode, LocalDate today) {
        this.reference = reference;
        this.vocabulary = reference.vocabulary();
        this.mode = mode;
        this.today = today;
        this.known = new LinkedHashSet<>(CrosscheckCodes.codes(reference));
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

    // ---- collected answers, latest per key wins ----

    private record Dated<T>(T value, Instant at, int order) {
    }

    private final Map<String, Dated<Boolean>> redFlags = new LinkedHashMap<>();
    private final Map<String, Dated<Object>> breathing = new LinkedHashMap<>();
    private final Map<String, Dated<Object>> psychosocial = new LinkedHashMap<>();
    private final Map<String, Dated<Object>> lifestyle = new LinkedHashMap<>();
    private final Map<String, Dated<ScreeningRequest.Observation>> posture = new LinkedHashMap<>();
    private final Map<String, Dated<ScreeningRequest.MuscleLength>> muscles = new LinkedHashMap<>();
    private final Map<String, Dated<ScreeningRequest.Movement>> movements = new LinkedHashMap<>();
    private final Map<String, Dated<ScreeningRequest.Symptom>> symptoms = new LinkedHashMap<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private int order;

    /**
     * Maps the resources; {@code clientRef} is the pseudonymous reference to store (a Patient's identifier
     * in {@link CrosscheckCodes#CLIENT_REF_SYSTEM} takes precedence).
     */
    public Result map(List<Located> resources, String clientRef) {
        Patient patient = null;
        String patientPath = null;
        for (Located l : resources) {
            Resource r = l.resource();
            order++;
            if (r instanceof Patient p) {
                if (patient != null && mode == Mode.STRICT) {
                    errors.add(new FieldError(l.path(), "more than one Patient"));
                }
                patient = p;
                patientPath = l.path();
            } else if (r instanceof Observation o) {
                observation(o, l.path());
            } else if (r instanceof Condition c) {
                condition(c, l.path());
            } else if (r instanceof QuestionnaireResponse q) {
                questionnaireResponse(q, l.path());
            } else if (mode == Mode.STRICT) {
                errors.add(new FieldError(l.path() + "/resourceType", "resource type not read by Crosscheck "
                        + "(Patient, Observation, Condition, QuestionnaireResponse)", r.fhirType()));
            }
        }
        ScreeningRequest.Client client = null;
        if (patient == null) {
            errors.add(new FieldError(mode == Mode.STRICT ? "/Patient" : "patient", "a Patient with a birth date is required"));
        } else {
            client = client(patient, patientPath);
            String pseudonym = patient.getIdentifier().stream()
                    .filter(i -> CrosscheckCodes.CLIENT_REF_SYSTEM.equals(i.getSystem()) && i.hasValue())
                    .map(Identifier::getValue).findFirst().orElse(null);
            if (pseudonym != null) {
                clientRef = pseudonym;
            }
        }
        ScreeningRequest request = new ScreeningRequest(clientRef, client,
                values(posture), values(muscles), values(movements), breathingRecord(), values(symptoms), lifestyleRecord(),
                psychosocialRecord(), redFlagAnswers());
        return new Result(request, List.copyOf(skipped), List.copyOf(errors));
    }

    private ScreeningRequest.Client client(Patient p, String path) {
        Integer age = null;
        if (p.hasBirthDate()) {
            LocalDate born = p.getBirthDateElement().getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            age = Period.between(born, today).getYears();
        } else {
            errors.add(new FieldError(path + "/birthDate", "the Patient's birth date is needed for the client's age"));
        }
        String sex = null;
        if (p.hasGender()) {
            sex = switch (p.getGender()) {
                case FEMALE -> "female";
                case MALE -> "male";
                case OTHER -> "other";
                default -> null;
            };
        }
        return new ScreeningRequest.Client(age, sex);
    }

    // ---- Observation ----

    private void observation(Observation o, String path) {
        if (o.hasStatus() && !USABLE_OBSERVATION_STATUS.contains(o.getStatus().toCode())) {
            return; // registered, cancelled, entered-in-error, unknown: no usable result
        }
        Optional<String> code = code(o.getCode());
        if (code.isEmpty()) {
            unknown(o.getCode(), "Observation", path + "/code");
            return;
        }
        String c = code.get();
        Instant at = observationTime(o);
        Type value = o.hasValue() ? o.getValue() : null;
        String category = c.contains(".") ? c.substring(0, c.indexOf('.')) : c;
        String local = c.contains(".") ? c.substring(c.indexOf('.') + 1) : "";
        switch (category) {
            case "red-flag" -> answer(value, path + "/value").ifPresent(v -> put(redFlags, local, v, at));
            case "breathing" -> scalar(local, value, path, breathing, at, local.equals("nijmegen_score"));
            case "psychosocial" -> scalar(local, value, path, psychosocial, at, CrosscheckCodes.PSYCHOSOCIAL_SCORES.contains(local));
            case "lifestyle" -> lifestyle(local, value, path, at);
            case "posture" -> posture(local, o, path, at);
            case "muscle" -> muscle(local, o, path, at);
            case "movement" -> movement(local, o, path, at);
            case "symptom" -> symptom(o, path, at);
            default -> unknown(o.getCode(), "Observation", path + "/code");
        }
    }

    private void scalar(String field, Type value, String path, Map<String, Dated<Object>> into, Instant at, boolean number) {
        if (value == null) {
            return;
        }
        if (number) {
            Integer n = integer(value);
            if (n == null) {
                invalid(path + "/value", "an integer is expected");
            } else {
                put(into, field, n, at);
            }
        } else {
            answer(value, path + "/value").ifPresent(v -> put(into, field, v, at));
        }
    }

    private void lifestyle(String field, Type value, String path, Instant at) {
        if (value == null) {
            return;
        }
        if (field.equals("sitting_hours_per_day")) {
            Double h = value instanceof Quantity q && q.hasValue() ? q.getValue().doubleValue()
                    : value instanceof DecimalType d ? d.getValue().doubleValue() : value instanceof IntegerType i ? i.getValue().doubleValue() : null;
            if (h == null) {
                invalid(path + "/value", "a Quantity in h/d is expected");
            } else {
                put(lifestyle, field, h, at);
            }
        } else if (field.equals("activity_level") && value instanceof CodeableConcept cc) {
            Optional<String> level = code(cc).filter(x -> x.startsWith("activity-level.")).map(x -> x.substring("activity-level.".length()));
            if (level.isPresent()) {
                put(lifestyle, field, level.get(), at);
            } else {
                unknown(cc, "Observation", path + "/valueCodeableConcept");
            }
        } else {
            invalid(path + "/value", "unexpected value type for " + field);
        }
    }

    private void posture(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.PostureCode> pc = vocabulary.postureCode(code);
        if (pc.isEmpty()) {
            unknown(o.getCode(), "Observation", path + "/code");
            return;
        }
        Boolean present = null;
        ScreeningRequest.Measurement m = null;
        if (o.getValue() instanceof Quantity q) {
            m = measurement(q, pc.get().measurement(), path + "/valueQuantity");
            if (m == null) {
                return;
            }
        } else if (o.hasValue()) {
            Optional<Boolean> a = answer(o.getValue(), path + "/value");
            if (a.isEmpty()) {
                return;
            }
            present = a.get();
        } else {
            return;
        }
        String side = side(o, path);
        put(posture, code + "|" + side, new ScreeningRequest.Observation(code, present, m, side), at);
    }

    private void muscle(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.MuscleCode> mc = vocabulary.muscle(code);
        if (mc.isEmpty()) {
            unknown(o.getCode(), "Observation", path + "/code");
            return;
        }
        ScreeningRequest.Measurement m = null;
        if (o.getValue() instanceof Quantity q) {
            m = measurement(q, mc.get().measurement(), path + "/valueQuantity");
            if (m == null) {
                return;
            }
        }
        String result = result(o, path, Set.of("short", "normal"));
        if (m == null && result == null) {
            return;
        }
        String side = side(o, path);
        put(muscles, code + "|" + side, new ScreeningRequest.MuscleLength(code, side, result, m), at);
    }

    private void movement(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.MovementTestCode> tc = vocabulary.movementTest(code);
        if (tc.isEmpty()) {
            unknown(o.getCode(), "Observation", path + "/code");
            return;
        }
        ScreeningRequest.Measurement m = null;
        if (o.getValue() instanceof Quantity q) {
            m = measurement(q, tc.get().measurement(), path + "/valueQuantity");
            if (m == null) {
                return;
            }
        }
        String result = result(o, path, Set.of("normal", "abnormal"));
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent comp = o.getComponent().get(i);
            if (code(comp.getCode()).filter("substitution"::equals).isPresent() && comp.getValue() instanceof CodeableConcept cc) {
                Optional<String> s = code(cc).filter(x -> x.startsWith("substitution.")).map(x -> x.substring("substitution.".length()));
                if (s.isPresent() && tc.get().substitution(s.get()).isPresent()) {
                    subs.add(s.get());
                } else {
                    unknown(cc, "Observation", path + "/component/" + i + "/valueCodeableConcept");
                }
            }
        }
        if (m == null && result == null && subs.isEmpty()) {
            return;
        }
        if (result == null && !subs.isEmpty()) {
            result = "abnormal";
        }
        String side = side(o, path);
        put(movements, code + "|" + side, new ScreeningRequest.Movement(code, side, result, subs.isEmpty() ? null : subs, m), at);
    }

    private void symptom(Observation o, String path, Instant at) {
        String region = null;
        if (o.hasBodySite()) {
            region = code(o.getBodySite()).filter(x -> x.startsWith("region.")).map(x -> x.substring("region.".length())).orElse(null);
            if (region == null) {
                unknown(o.getBodySite(), "Observation", path + "/bodySite");
                return;
            }
        }
        String kind = o.getValue() instanceof CodeableConcept cc
                ? code(cc).filter(x -> x.startsWith("symptom-kind.")).map(x -> x.substring("symptom-kind.".length())).orElse(null) : null;
        if (region == null || kind == null) {
            if (o.getValue() instanceof CodeableConcept cc && kind == null) {
                unknown(cc, "Observation", path + "/valueCodeableConcept");
            } else if (mode == Mode.STRICT) {
                invalid(path, "a symptom needs bodySite (region.*) and valueCodeableConcept (symptom-kind.*)");
            }
            return;
        }
        String trigger = null;
        Integer nrs = null;
        Integer weeks = null;
        Integer settle = null;
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent comp = o.getComponent().get(i);
            String cpath = path + "/component/" + i;
            Optional<String> cc = code(comp.getCode());
            if (cc.isEmpty()) {
                unknown(comp.getCode(), "Observation", cpath + "/code");
                continue;
            }
            switch (cc.get()) {
                case "trigger" -> trigger = comp.getValue() instanceof CodeableConcept v
                        ? code(v).filter(x -> x.startsWith("trigger.")).map(x -> x.substring("trigger.".length())).orElse(null) : null;
                case "pain-nrs" -> nrs = integer(comp.getValue());
                case "duration-weeks" -> weeks = integer(comp.getValue());
                case "settle-minutes" -> settle = integer(comp.getValue());
                default -> unknown(comp.getCode(), "Observation", cpath + "/code");
            }
        }
        put(symptoms, region + "|" + kind, new ScreeningRequest.Symptom(region, kind, trigger, nrs, weeks, settle), at);
    }

    // ---- Condition ----

    private void condition(Condition c, String path) {
        Optional<String> code = code(c.getCode());
        if (code.isEmpty() || !(code.get().startsWith("red-flag.") || code.get().startsWith("psychosocial."))) {
            unknown(c.getCode(), "Condition", path + "/code");
            return;
        }
        String verification = c.hasVerificationStatus() ? first(c.getVerificationStatus()) : null;
        String clinical = c.hasClinicalStatus() ? first(c.getClinicalStatus()) : null;
        Boolean present;
        if ("entered-in-error".equals(verification)) {
            return;
        } else if ("refuted".equals(verification)) {
            present = false; // explicitly ruled out
        } else if (clinical == null || Set.of("active", "recurrence", "relapse").contains(clinical)) {
            present = true;
        } else {
            return; // resolved or inactive: says nothing about now, so the question stays unanswered
        }
        Instant at = c.hasRecordedDate() ? c.getRecordedDate().toInstant() : null;
        String local = code.get().substring(code.get().indexOf('.') + 1);
        if (code.get().startsWith("red-flag.")) {
            put(redFlags, local, present, at);
        } else if (CrosscheckCodes.PSYCHOSOCIAL_FLAGS.contains(local)) {
            put(psychosocial, local, present, at);
        }
    }

    // ---- QuestionnaireResponse ----

    private void questionnaireResponse(QuestionnaireResponse q, String path) {
        if (q.hasStatus() && Set.of("entered-in-error", "stopped").contains(q.getStatus().toCode())) {
            return;
        }
        Instant at = q.hasAuthored() ? q.getAuthored().toInstant() : null;
        items(q.getItem(), path + "/item", at);
    }

    private void items(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String path, Instant at) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = items.get(i);
            String ipath = path + "/" + i;
            if (item.hasItem()) {
                items(item.getItem(), ipath + "/item", at);
            }
            if (!item.hasAnswer()) {
                continue; // a question without an answer is unanswered
            }
            String link = item.getLinkId();
            if (link == null || !known.contains(link)) {
                skippedOrError(new Skipped("linkId:" + link, "QuestionnaireResponse", "unknown item"), ipath + "/linkId", link);
                continue;
            }
            Type value = item.getAnswerFirstRep().getValue();
            String apath = ipath + "/answer/0/value";
            String local = link.substring(link.indexOf('.') + 1);
            if (link.startsWith("red-flag.")) {
                answer(value, apath).ifPresent(v -> put(redFlags, local, v, at));
            } else if (link.startsWith("breathing.")) {
                scalar(local, value, ipath + "/answer/0", breathing, at, local.equals("nijmegen_score"));
            } else if (link.startsWith("psychosocial.")) {
                scalar(local, value, ipath + "/answer/0", psychosocial, at, CrosscheckCodes.PSYCHOSOCIAL_SCORES.contains(local));
            } else if (link.startsWith("lifestyle.")) {
                Type v = value instanceof Coding coding ? new CodeableConcept(coding) : value;
                lifestyle(local, v, ipath + "/answer/0", at);
            } else {
                invalid(ipath + "/linkId", "only red-flag, breathing, psychosocial and lifestyle items are read from a QuestionnaireResponse");
            }
        }
    }

    // ---- values ----

    /** A yes/no answer: boolean, SNOMED CT or v2-0136 yes/no. Anything else is not an answer. */
    private Optional<Boolean> answer(Type value, String path) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BooleanType b && b.hasValue()) {
            return Optional.of(b.booleanValue());
        }
        List<Coding> codings = value instanceof CodeableConcept cc ? cc.getCoding() : value instanceof Coding c ? List.of(c) : List.of();
        for (Coding c : codings) {
            if (CrosscheckCodes.SNOMED.equals(c.getSystem()) && CrosscheckCodes.SNOMED_YES_NO.containsKey(c.getCode())) {
                return Optional.of(CrosscheckCodes.SNOMED_YES_NO.get(c.getCode()));
            }
            if (CrosscheckCodes.V2_YES_NO.equals(c.getSystem()) && ("Y".equals(c.getCode()) || "N".equals(c.getCode()))) {
                return Optional.of("Y".equals(c.getCode()));
            }
        }
        invalid(path, "a yes/no answer is expected (valueBoolean, or SNOMED CT 373066001/373067005)");
        return Optional.empty();
    }

    private static Integer integer(Type value) {
        if (value instanceof IntegerType i && i.hasValue()) {
            return i.getValue();
        }
        if (value instanceof Quantity q && q.hasValue() && q.getValue().stripTrailingZeros().scale() <= 0) {
            return q.getValue().intValueExact();
        }
        if (value instanceof DecimalType d && d.hasValue() && d.getValue().stripTrailingZeros().scale() <= 0) {
            return d.getValue().intValueExact();
        }
        return null;
    }

    /** A Quantity in the vocabulary's unit (UCUM {@code mm[Hg]} is the vocabulary's {@code mmHg}). */
    private ScreeningRequest.Measurement measurement(Quantity q, Vocabulary.Range range, String path) {
        if (range == null) {
            invalid(path, "this observation takes no measurement");
            return null;
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if ("mm[Hg]".equals(unit)) {
            unit = "mmHg";
        }
        if (!q.hasValue() || !range.unit().equals(unit)) {
            invalid(path, "a value in " + range.unit() + " is expected");
            return null;
        }
        return new ScreeningRequest.Measurement(q.getValue().doubleValue(), unit);
    }

    private String result(Observation o, String path, Set<String> allowed) {
        List<CodeableConcept> candidates = new ArrayList<>(o.getInterpretation());
        if (o.getValue() instanceof CodeableConcept cc) {
            candidates.add(cc);
        }
        for (CodeableConcept cc : candidates) {
            Optional<String> r = code(cc).filter(x -> x.startsWith("result.")).map(x -> x.substring("result.".length()));
            if (r.isPresent() && allowed.contains(r.get())) {
                return r.get();
            }
        }
        return null;
    }

    private String side(Observation o, String path) {
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent comp = o.getComponent().get(i);
            if (code(comp.getCode()).filter("side"::equals).isPresent() && comp.getValue() instanceof CodeableConcept cc) {
                for (Coding c : cc.getCoding()) {
                    if (CrosscheckCodes.SYSTEM.equals(c.getSystem()) && c.getCode() != null && c.getCode().startsWith("side.")) {
                        return c.getCode().substring("side.".length());
                    }
                    if (CrosscheckCodes.SNOMED.equals(c.getSystem()) && CrosscheckCodes.SNOMED_SIDES.containsKey(c.getCode())) {
                        return CrosscheckCodes.SNOMED_SIDES.get(c.getCode());
                    }
                }
                unknown(cc, "Observation", path + "/component/" + i + "/valueCodeableConcept");
            }
        }
        return null;
    }

    /** The Crosscheck code of a concept, if one of its codings is known. */
    private Optional<String> code(CodeableConcept cc) {
        if (cc == null) {
            return Optional.empty();
        }
        for (Coding c : cc.getCoding()) {
            Optional<String> code = CrosscheckCodes.crosscheckCode(c.getSystem(), c.getCode()).filter(known::contains);
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    private static String first(CodeableConcept cc) {
        return cc.getCoding().isEmpty() ? null : cc.getCodingFirstRep().getCode();
    }

    private static Instant observationTime(Observation o) {
        if (o.getEffective() instanceof DateTimeType d && d.hasValue()) {
            return d.getValue().toInstant();
        }
        if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasEnd()) {
            return o.getEffectivePeriod().getEnd().toInstant();
        }
        if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
            return o.getEffectivePeriod().getStart().toInstant();
        }
        return o.hasIssued() ? o.getIssued().toInstant() : null;
    }

    private <T> void put(Map<String, Dated<T>> into, String key, T value, Instant at) {
        Dated<T> next = new Dated<>(value, at, order);
        into.merge(key, next, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
    }

    /** Later time wins; a dated answer beats an undated one; between equals, the one sent last. */
    private static final Comparator<Dated<?>> LATEST = Comparator
            .comparing((Dated<?> d) -> d.at(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Dated::order);

    private void unknown(CodeableConcept cc, String type, String path) {
        List<String> codes = cc == null ? List.of() : cc.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList();
        String shown = codes.isEmpty() ? "(no coding)" : String.join(", ", codes);
        skippedOrError(new Skipped(shown, type, "unknown code"), path, shown);
    }

    private void skippedOrError(Skipped s, String path, Object rejected) {
        if (mode == Mode.STRICT) {
            errors.add(new FieldError(path, s.reason() + " (see kb-docs/fhir-mapping.md and GET /fhir/CodeSystem/crosscheck)", rejected));
        } else {
            skipped.add(s);
        }
    }

    private void invalid(String path, String message) {
        if (mode == Mode.STRICT) {
            errors.add(new FieldError(path, message));
        } else {
            skipped.add(new Skipped(path, "value", message));
        }
    }

    private static <T> List<T> values(Map<String, Dated<T>> map) {
        return map.isEmpty() ? null : map.values().stream().map(Dated::value).toList();
    }

    private ScreeningRequest.Breathing breathingRecord() {
        if (breathing.isEmpty()) {
            return null;
        }
        return new ScreeningRequest.Breathing(bool(breathing, "upper_chest_dominant"), bool(breathing, "mouth_breathing"),
                bool(breathing, "frequent_sighing"), bool(breathing, "rapid_rate"),
                bool(breathing, "chest_elevation_on_neck_flexion"), num(breathing, "nijmegen_score"));
    }

    private ScreeningRequest.Psychosocial psychosocialRecord() {
        if (psychosocial.isEmpty()) {
            return null;
        }
        Map<String, Dated<Object>> p = psychosocial;
        return new ScreeningRequest.Psychosocial(bool(p, "anxiety"), bool(p, "fear_avoidance"), bool(p, "catastrophising"),
                bool(p, "low_mood"), bool(p, "pain_belief_harmful"), bool(p, "passive_coping"), bool(p, "excessive_rest"),
                bool(p, "work_compensation_issues"), num(p, "sbst_total"), num(p, "sbst_psych"), num(p, "fabq_work"),
                num(p, "fabq_physical_activity"));
    }

    private ScreeningRequest.Lifestyle lifestyleRecord() {
        if (lifestyle.isEmpty()) {
            return null;
        }
        Dated<Object> h = lifestyle.get("sitting_hours_per_day");
        Dated<Object> a = lifestyle.get("activity_level");
        return new ScreeningRequest.Lifestyle(h == null ? null : (Double) h.value(), a == null ? null : (String) a.value());
    }

    private List<ScreeningRequest.RedFlagAnswer> redFlagAnswers() {
        if (redFlags.isEmpty()) {
            return null;
        }
        List<ScreeningRequest.RedFlagAnswer> out = new ArrayList<>();
        redFlags.forEach((code, d) -> out.add(new ScreeningRequest.RedFlagAnswer(code, d.value())));
        return out;
    }

    private static Boolean bool(Map<String, Dated<Object>> m, String k) {
        Dated<Object> d = m.get(k);
        return d == null || !(d.value() instanceof Boolean b) ? null : b;
    }

    private static Integer num(Map<String, Dated<Object>> m, String k) {
        Dated<Object> d = m.get(k);
        return d == null || !(d.value() instanceof Integer i) ? null : i;
    }
}
