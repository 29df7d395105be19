package io.crosscheck.fhir.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes Crosscheck reads from and writes to FHIR: the Crosscheck code system (published at
 * {@code GET /fhir/CodeSystem/crosscheck}) generated from the knowledge base's vocabulary and reference
 * data, so it follows the rules; the standard codings read as alternatives are defined with the inputs, red flags
 * and symptom codes in {@code rules/reference/} (inputs.yaml, red-flags.yaml, terminology.yaml).
 * The table in {@code kb-docs/fhir-mapping.md} documents the same list; a test keeps them in step.
 */
public final class CrosscheckCodes {

    public static final String SYSTEM = "https://crosscheck.io/fhir/CodeSystem/crosscheck";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V2_YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136";
    /** An identifier system for the pseudonymous client reference (never a name or record number). */
    public static final String CLIENT_REF_SYSTEM = "https://crosscheck.io/fhir/client-ref";

    /** Direction of a concept: read from FHIR input, written in FHIR output, or both. */
    public enum Use {
        INPUT,
        OUTPUT,
        CARD
    }

    /** One concept: code, display, the category (its group in the mapping table) and where it is used. */
    public record Concept(String code, String display, String category, Use use, String element) {}

    /** SNOMED CT laterality qualifiers read as a side. */
    public static final Map<String, String> SNOMED_SIDES =
            Map.of("7771000", "left", "24028007", "right", "51440002", "bilateral");
    /** SNOMED CT yes/no qualifiers read as an answer. */
    public static final Map<String, Boolean> SNOMED_YES_NO = Map.of("373066001", true, "373067005", false);

    /**
     * Coded findings that answer a yes/no input as the value of an Observation (LOINC 82810-3 Pregnancy status:
     * SNOMED CT 77386006 pregnant, 60001007 not pregnant), by the input's own coding they answer.
     */
    public static final Map<String, Map<String, Boolean>> FINDING_ANSWERS =
            Map.of(SNOMED + "|77386006", Map.of("77386006", true, "60001007", false));

    /** SNOMED CT 261665006 Unknown: the question stays unanswered (never a "no"). */
    public static final String SNOMED_UNKNOWN = "261665006";

    public static final List<String> OVERRIDE_REASONS = List.of(
            "override.already-addressed", "override.not-relevant", "override.client-declined", "override.disagree");

    private CrosscheckCodes() {}

    /** Every concept of the Crosscheck code system for this knowledge base, in table order ({@link CodeSystemConcepts}). */
    public static List<Concept> concepts(ReferenceData reference) {
        return CodeSystemConcepts.of(reference);
    }

    /** The prefix of a choice input's option codes: {@code activity_level} -> {@code activity-level} (activity-level.sedentary). */
    public static String optionPrefix(InputDefinition i) {
        return i.code().replace('_', '-');
    }

    public static String overrideDisplay(String code) {
        return switch (code) {
            case "override.already-addressed" -> "Already addressed (e.g. referral already made)";
            case "override.not-relevant" -> "Not relevant for this client";
            case "override.client-declined" -> "Client declined";
            case "override.disagree" -> "Disagree with the advice";
            default -> code;
        };
    }

    /**
     * Codes with their first SNOMED CT coding, for the mapping table's SNOMED CT column: red-flag questions, inputs
     * and the symptom codes of {@code terminology.yaml} (every coding, SNOMED CT or not, is in the table's own
     * section of standard codings).
     */
    public static Map<String, String> snomedByCrosscheckCode(ReferenceData reference) {
        Map<String, String> out = new LinkedHashMap<>();
        for (io.crosscheck.engine.facts.RedFlagDefinition f : reference.redFlags()) {
            f.getCodings().stream()
                    .filter(c -> SNOMED.equals(c.system()))
                    .findFirst()
                    .ifPresent(c -> out.put("red-flag." + f.getCode(), c.code()));
        }
        reference
                .terminology()
                .codings()
                .forEach((code, codings) -> codings.stream()
                        .filter(c -> SNOMED.equals(c.system()))
                        .findFirst()
                        .ifPresent(c -> out.put(code, c.code())));
        for (InputDefinition i : reference.inputs().inputs()) {
            i.codings().stream()
                    .filter(c -> SNOMED.equals(c.system()))
                    .findFirst()
                    .ifPresent(c -> out.putIfAbsent(i.crosscheckCode(), c.code()));
        }
        return out;
    }

    /** Every concept code, for checks. */
    public static List<String> codes(ReferenceData reference) {
        List<String> out = new ArrayList<>();
        concepts(reference).forEach(c -> out.add(c.code()));
        return out;
    }
}
