package io.crosscheck.fhir.service;

import io.crosscheck.screening.model.ScreeningRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The examination a screening was made from as Observations (category exam): posture signs and angles, muscle-length
 * and movement-pattern tests with their result, substitutions, measurement and side, and the reported symptoms. Each
 * is written in the codes and shape the mapper reads ({@link TestObservations}), so an EHR that files them and sends
 * them back is read as the same examination. Pure.
 */
final class ExaminationObservations {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private final Reference subject;
    private final Date effective;

    ExaminationObservations(Reference subject, Date effective) {
        this.subject = subject;
        this.effective = effective;
    }

    /** Every examination finding of the request, in the request's order. */
    List<Observation> of(ScreeningRequest request) {
        List<Observation> out = new ArrayList<>();
        if (request == null) {
            return out;
        }
        for (ScreeningRequest.Observation p : request.observationsOrEmpty()) {
            Observation o = observation("posture." + p.code());
            if (p.measurement() != null) {
                o.setValue(quantity(p.measurement()));
            } else if (p.present() != null) {
                o.setValue(new BooleanType(p.present()));
            } else {
                continue;
            }
            side(o, p.side());
            out.add(o);
        }
        for (ScreeningRequest.MuscleLength m : request.muscleLengthOrEmpty()) {
            Observation o = observation("muscle." + m.muscle());
            result(o, m.result(), m.measurement());
            side(o, m.side());
            out.add(o);
        }
        for (ScreeningRequest.Movement m : request.movementPatternsOrEmpty()) {
            Observation o = observation("movement." + m.test());
            result(o, m.result(), m.measurement());
            for (String s : m.substitutionsOrEmpty()) {
                o.addComponent()
                        .setCode(crosscheck("substitution", "substitution seen in a movement test"))
                        .setValue(crosscheck("substitution." + s, s.replace('_', ' ')));
            }
            side(o, m.side());
            out.add(o);
        }
        for (ScreeningRequest.Symptom s : request.symptomsOrEmpty()) {
            Observation o = observation("symptom");
            o.setBodySite(crosscheck("region." + s.region(), s.region().replace('_', ' ')));
            o.setValue(crosscheck("symptom-kind." + s.kind(), s.kind().replace('_', ' ')));
            if (s.trigger() != null) {
                o.addComponent()
                        .setCode(crosscheck("trigger", "what brings the symptom on"))
                        .setValue(
                                crosscheck("trigger." + s.trigger(), s.trigger().replace('_', ' ')));
            }
            integer(o, "pain-nrs", "pain intensity, numeric rating scale 0-10", s.nrs());
            integer(o, "duration-weeks", "symptom duration in weeks", s.durationWeeks());
            integer(o, "settle-minutes", "time to settle after aggravation, minutes", s.settleMinutes());
            out.add(o);
        }
        return out;
    }

    private Observation observation(String code) {
        Observation o = FhirProfiles.declare(new Observation(), FhirProfiles.OBSERVATION);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, "exam", "Exam")));
        o.setCode(crosscheck(code, null));
        o.setSubject(subject);
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(effective));
        return o;
    }

    /** A test's result: the value when there is no measurement, else an interpretation beside the measured value. */
    private static void result(Observation o, String result, ScreeningRequest.Measurement measurement) {
        CodeableConcept r = result == null ? null : crosscheck("result." + result, result);
        if (measurement != null) {
            o.setValue(quantity(measurement));
            if (r != null) {
                boolean normal = "normal".equals(result);
                r.getCoding()
                        .add(0, new Coding(INTERPRETATION_SYSTEM, normal ? "N" : "A", normal ? "Normal" : "Abnormal"));
                o.addInterpretation(r);
            }
        } else if (r != null) {
            o.setValue(r);
        }
    }

    private static void side(Observation o, String side) {
        if (side == null) {
            return;
        }
        CodeableConcept value = crosscheck("side." + side, side);
        CrosscheckCodes.SNOMED_SIDES.entrySet().stream()
                .filter(e -> e.getValue().equals(side))
                .map(Map.Entry::getKey)
                .findFirst()
                .ifPresent(snomed -> value.addCoding(new Coding(CrosscheckCodes.SNOMED, snomed, null)));
        o.addComponent().setCode(crosscheck("side", "side of the body")).setValue(value);
    }

    private static void integer(Observation o, String code, String display, Integer value) {
        if (value != null) {
            o.addComponent().setCode(crosscheck(code, display)).setValue(new IntegerType(value));
        }
    }

    private static Type quantity(ScreeningRequest.Measurement m) {
        String ucum = "mmHg".equals(m.unit()) ? "mm[Hg]" : m.unit();
        return new Quantity()
                .setValue(BigDecimal.valueOf(m.value()))
                .setUnit(m.unit())
                .setSystem(CrosscheckCodes.UCUM)
                .setCode(ucum);
    }

    private static CodeableConcept crosscheck(String code, String display) {
        return new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, code, display));
    }
}
