package io.crosscheck.fhir.service;

import io.crosscheck.engine.Vocabulary;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Observations of the examination: posture signs and angles, muscle-length and movement-pattern tests
 * (result, substitutions, measurement, side) and reported symptoms (region, kind and their components),
 * each in the vocabulary's codes and units. Latest per test and side wins.
 */
final class TestObservations {

    private final MappingContext ctx;

    TestObservations(MappingContext ctx) {
        this.ctx = ctx;
    }

    void posture(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.PostureCode> pc = ctx.reference.vocabulary().postureCode(code);
        if (pc.isEmpty()) {
            ctx.unknown(o.getCode(), "Observation", path + "/code");
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
            Optional<Boolean> a = FhirValues.yesNo(o.getValue());
            if (a.isEmpty()) {
                ctx.invalid(
                        path + "/value",
                        "a yes/no answer is expected (valueBoolean, or SNOMED CT 373066001/373067005)");
            }
            if (a.isEmpty()) {
                return;
            }
            present = a.get();
        } else {
            return;
        }
        String side = side(o, path);
        ctx.posture.put(code + "|" + side, new ScreeningRequest.Observation(code, present, m, side), at, ctx.order);
    }

    void muscle(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.MuscleCode> mc = ctx.reference.vocabulary().muscle(code);
        if (mc.isEmpty()) {
            ctx.unknown(o.getCode(), "Observation", path + "/code");
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
        ctx.muscles.put(code + "|" + side, new ScreeningRequest.MuscleLength(code, side, result, m), at, ctx.order);
    }

    void movement(String code, Observation o, String path, Instant at) {
        Optional<Vocabulary.MovementTestCode> tc = ctx.reference.vocabulary().movementTest(code);
        if (tc.isEmpty()) {
            ctx.unknown(o.getCode(), "Observation", path + "/code");
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
            if (ctx.code(comp.getCode()).filter("substitution"::equals).isPresent()
                    && comp.getValue() instanceof CodeableConcept cc) {
                Optional<String> s = ctx.codeIn(cc, "substitution");
                if (s.isPresent() && tc.get().substitution(s.get()).isPresent()) {
                    subs.add(s.get());
                } else {
                    ctx.unknown(cc, "Observation", path + "/component/" + i + "/valueCodeableConcept");
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
        ctx.movements.put(
                code + "|" + side,
                new ScreeningRequest.Movement(code, side, result, subs.isEmpty() ? null : subs, m),
                at,
                ctx.order);
    }

    void symptom(Observation o, String path, Instant at) {
        String region = null;
        if (o.hasBodySite()) {
            region = ctx.codeIn(o.getBodySite(), "region").orElse(null);
            if (region == null) {
                ctx.unknown(o.getBodySite(), "Observation", path + "/bodySite");
                return;
            }
        }
        String kind = o.getValue() instanceof CodeableConcept cc
                ? ctx.codeIn(cc, "symptom-kind").orElse(null)
                : null;
        if (region == null || kind == null) {
            if (o.getValue() instanceof CodeableConcept cc && kind == null) {
                ctx.unknown(cc, "Observation", path + "/valueCodeableConcept");
            } else if (ctx.mode == FhirScreeningMapper.Mode.STRICT) {
                ctx.invalid(path, "a symptom needs bodySite (region.*) and valueCodeableConcept (symptom-kind.*)");
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
            Optional<String> cc = ctx.code(comp.getCode());
            if (cc.isEmpty()) {
                ctx.unknown(comp.getCode(), "Observation", cpath + "/code");
                continue;
            }
            switch (cc.get()) {
                case "trigger" ->
                    trigger = comp.getValue() instanceof CodeableConcept v
                            ? ctx.codeIn(v, "trigger").orElse(null)
                            : null;
                case "pain-nrs" -> nrs = FhirValues.integer(comp.getValue());
                case "duration-weeks" -> weeks = FhirValues.integer(comp.getValue());
                case "settle-minutes" -> settle = FhirValues.integer(comp.getValue());
                default -> ctx.unknown(comp.getCode(), "Observation", cpath + "/code");
            }
        }
        ctx.symptoms.put(
                region + "|" + kind,
                new ScreeningRequest.Symptom(region, kind, trigger, nrs, weeks, settle),
                at,
                ctx.order);
    }

    /**
     * A pain score Observation (LOINC 72514-3, or Crosscheck {@code pain-nrs}): the pain of its body site's region,
     * or, without a body site, of the one painful region the chart has (set once every resource is read).
     */
    void painScore(Observation o, String path, Instant at) {
        Integer nrs = o.hasValue() ? FhirValues.integer(o.getValue()) : null;
        if (nrs == null || nrs < 0 || nrs > 10) {
            if (o.hasValue()) {
                ctx.invalid(path + "/value", "a pain score 0-10 is expected");
            }
            return;
        }
        String region = "";
        if (o.hasBodySite()) {
            region = ctx.codeIn(o.getBodySite(), "region").orElse(null);
            if (region == null) {
                ctx.unknown(o.getBodySite(), "Observation", path + "/bodySite");
                return;
            }
        }
        ctx.painScores.put(region, nrs, at, ctx.order);
    }

    /** The latest pain score of each region is its pain symptom's intensity (a symptom without one of its own gets it). */
    void painScores() {
        java.util.Map<String, Integer> scores = ctx.painScores.asMap();
        for (java.util.Map.Entry<String, Integer> e : scores.entrySet()) {
            String region = e.getKey();
            if (region.isEmpty()) {
                List<String> painful = ctx.symptoms.asMap().values().stream()
                        .filter(s -> s.kind().equals("pain"))
                        .map(ScreeningRequest.Symptom::region)
                        .distinct()
                        .toList();
                if (painful.size() != 1 || scores.containsKey(painful.get(0))) {
                    ctx.skipped.add(new FhirScreeningMapper.Skipped(
                            "pain-nrs",
                            "Observation",
                            "a pain score without a body site, and " + painful.size()
                                    + " painful regions: not read (the region is not known)"));
                    continue;
                }
                region = painful.get(0);
            }
            int nrs = e.getValue();
            String r = region;
            if (!ctx.symptoms.update(
                    r + "|pain",
                    s -> s.nrs() != null
                            ? s
                            : new ScreeningRequest.Symptom(
                                    s.region(), s.kind(), s.trigger(), nrs, s.durationWeeks(), s.settleMinutes()))) {
                ctx.symptoms.put(
                        r + "|pain", new ScreeningRequest.Symptom(r, "pain", null, nrs, null, null), null, ctx.order);
            }
        }
    }

    /** A Quantity in the vocabulary's unit (UCUM {@code mm[Hg]} is the vocabulary's {@code mmHg}). */
    private ScreeningRequest.Measurement measurement(Quantity q, Vocabulary.Range range, String path) {
        if (range == null) {
            ctx.invalid(path, "this observation takes no measurement");
            return null;
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        if ("mm[Hg]".equals(unit)) {
            unit = "mmHg";
        }
        if (!q.hasValue() || !range.unit().equals(unit)) {
            ctx.invalid(path, "a value in " + range.unit() + " is expected");
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
            Optional<String> r = ctx.codeIn(cc, "result");
            if (r.isPresent() && allowed.contains(r.get())) {
                return r.get();
            }
        }
        return null;
    }

    private String side(Observation o, String path) {
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent comp = o.getComponent().get(i);
            if (ctx.code(comp.getCode()).filter("side"::equals).isPresent()
                    && comp.getValue() instanceof CodeableConcept cc) {
                for (Coding c : cc.getCoding()) {
                    if (CrosscheckCodes.SYSTEM.equals(c.getSystem())
                            && c.getCode() != null
                            && c.getCode().startsWith("side.")) {
                        return c.getCode().substring("side.".length());
                    }
                    if (CrosscheckCodes.SNOMED.equals(c.getSystem())
                            && CrosscheckCodes.SNOMED_SIDES.containsKey(c.getCode())) {
                        return CrosscheckCodes.SNOMED_SIDES.get(c.getCode());
                    }
                }
                ctx.unknown(cc, "Observation", path + "/component/" + i + "/valueCodeableConcept");
            }
        }
        return null;
    }
}
