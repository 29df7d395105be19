package io.crosscheck.fhir.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/** FHIR values as plain values: yes/no answers, whole and decimal numbers, units, times. No state. */
final class FhirValues {

    /** UCUM spellings of the units the knowledge base writes otherwise. */
    private static final Map<String, String> UCUM_TO_KB =
            Map.of("mm[Hg]", "mmHg", "h/d", "h/day", "min", "min", "wk", "weeks", "a", "years", "{score}", "points");

    private FhirValues() {}

    /**
     * A yes/no answer: boolean, SNOMED CT or v2-0136 yes/no, or the text "yes"/"no" (as flowsheet rows hold it);
     * empty when the value is none of these.
     */
    static Optional<Boolean> yesNo(Type value) {
        if (value instanceof BooleanType b && b.hasValue()) {
            return Optional.of(b.booleanValue());
        }
        if (value instanceof org.hl7.fhir.r4.model.StringType t && t.hasValue()) {
            String text = t.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            return text.equals("yes") || text.equals("no") ? Optional.of(text.equals("yes")) : Optional.empty();
        }
        List<Coding> codings = value instanceof CodeableConcept cc
                ? cc.getCoding()
                : value instanceof Coding c ? List.of(c) : List.of();
        for (Coding c : codings) {
            if (CrosscheckCodes.SNOMED.equals(c.getSystem())
                    && CrosscheckCodes.SNOMED_YES_NO.containsKey(c.getCode())) {
                return Optional.of(CrosscheckCodes.SNOMED_YES_NO.get(c.getCode()));
            }
            if (CrosscheckCodes.V2_YES_NO.equals(c.getSystem())
                    && ("Y".equals(c.getCode()) || "N".equals(c.getCode()))) {
                return Optional.of("Y".equals(c.getCode()));
            }
        }
        return Optional.empty();
    }

    /**
     * A yes/no input answered by a coded finding as the value ({@link CrosscheckCodes#FINDING_ANSWERS}: LOINC 82810-3
     * Pregnancy status with SNOMED CT pregnant / not pregnant); empty when the value is no such finding.
     */
    static Optional<Boolean> finding(io.crosscheck.engine.input.InputDefinition input, Type value) {
        for (io.crosscheck.engine.input.Coding own : input.codings()) {
            Map<String, Boolean> answers = CrosscheckCodes.FINDING_ANSWERS.get(own.system() + "|" + own.code());
            if (answers == null) {
                continue;
            }
            for (Coding c : codings(value)) {
                if (CrosscheckCodes.SNOMED.equals(c.getSystem()) && answers.containsKey(c.getCode())) {
                    return Optional.of(answers.get(c.getCode()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the value is SNOMED CT "Unknown" (the question stays unanswered). */
    static boolean unknown(Type value) {
        return codings(value).stream()
                .anyMatch(c -> CrosscheckCodes.SNOMED.equals(c.getSystem())
                        && CrosscheckCodes.SNOMED_UNKNOWN.equals(c.getCode()));
    }

    private static List<Coding> codings(Type value) {
        return value instanceof CodeableConcept cc
                ? cc.getCoding()
                : value instanceof Coding c ? List.of(c) : List.of();
    }

    /** A whole number: integer, or a Quantity or decimal without a fractional part. */
    static Integer integer(Type value) {
        if (value instanceof IntegerType i && i.hasValue()) {
            return i.getValue();
        }
        if (value instanceof Quantity q
                && q.hasValue()
                && q.getValue().stripTrailingZeros().scale() <= 0) {
            return q.getValue().intValueExact();
        }
        if (value instanceof DecimalType d
                && d.hasValue()
                && d.getValue().stripTrailingZeros().scale() <= 0) {
            return d.getValue().intValueExact();
        }
        return null;
    }

    /**
     * A number in {@code unit}: a Quantity in that unit (or its UCUM spelling, or without a unit), a decimal
     * or an integer; null otherwise.
     */
    static Double number(Type value, String unit) {
        if (value instanceof Quantity q && q.hasValue()) {
            String u = unit(q);
            return u == null || unit == null || unit.equals(u) ? q.getValue().doubleValue() : null;
        }
        if (value instanceof DecimalType d && d.hasValue()) {
            return d.getValue().doubleValue();
        }
        if (value instanceof IntegerType i && i.hasValue()) {
            return i.getValue().doubleValue();
        }
        return null;
    }

    /** A Quantity's unit in the knowledge base's spelling ({@code mm[Hg]} is {@code mmHg}); null when it has none. */
    static String unit(Quantity q) {
        String u = q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : null;
        return u == null ? null : UCUM_TO_KB.getOrDefault(u, u);
    }

    /** When an Observation holds: effective time, the end or start of its period, else when it was issued. */
    static Instant observationTime(Observation o) {
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

    /** The first coding's code of a concept, or null. */
    static String first(CodeableConcept cc) {
        return cc.getCoding().isEmpty() ? null : cc.getCodingFirstRep().getCode();
    }
}
