package io.crosscheck.fhir.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The codes Crosscheck reads from and writes to FHIR: the Crosscheck code system (published at
 * {@code GET /fhir/CodeSystem/crosscheck}) generated from the knowledge base's vocabulary and reference
 * data, so it follows the rules, and the SNOMED CT concepts accepted as alternatives where one exists.
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

    /**
     * SNOMED CT concepts read as a red-flag question (clinical findings only; a yes/no answer as value). The
     * codings of the other inputs are defined with them in {@code rules/reference/inputs.yaml}.
     */
    public static final Map<String, String> SNOMED_FINDINGS = Map.ofEntries(
            Map.entry("404640003", "red-flag.dizziness"),
            Map.entry("24982008", "red-flag.diplopia"),
            Map.entry("8011004", "red-flag.dysarthria"),
            Map.entry("40739000", "red-flag.dysphagia"),
            Map.entry("422587007", "red-flag.nausea"),
            Map.entry("563001", "red-flag.nystagmus"),
            Map.entry("20262006", "red-flag.ataxia"),
            Map.entry("72042002", "red-flag.bowel_incontinence"),
            Map.entry("448765001", "red-flag.unexplained_weight_loss"));

    /** SNOMED CT laterality qualifiers read as a side. */
    public static final Map<String, String> SNOMED_SIDES =
            Map.of("7771000", "left", "24028007", "right", "51440002", "bilateral");
    /** SNOMED CT yes/no qualifiers read as an answer. */
    public static final Map<String, Boolean> SNOMED_YES_NO = Map.of("373066001", true, "373067005", false);

    public static final List<String> OVERRIDE_REASONS = List.of(
            "override.already-addressed", "override.not-relevant", "override.client-declined", "override.disagree");

    private CrosscheckCodes() {}

    /** Every concept of the Crosscheck code system for this knowledge base, in table order. */
    public static List<Concept> concepts(ReferenceData reference) {
        Vocabulary v = reference.vocabulary();
        Map<String, Concept> all = new LinkedHashMap<>();
        for (Vocabulary.PostureCode p : v.posture()) {
            add(
                    all,
                    "posture." + p.code(),
                    p.label(),
                    "posture",
                    Use.INPUT,
                    "Observation: value[x] boolean (sign) or Quantity "
                            + (p.measurement() == null
                                    ? ""
                                    : "(" + p.measurement().unit() + ")") + (p.sided() ? "; component side" : ""));
        }
        for (Vocabulary.MuscleCode m : v.muscles()) {
            add(
                    all,
                    "muscle." + m.code(),
                    m.label(),
                    "muscle length",
                    Use.INPUT,
                    "Observation: interpretation or value CodeableConcept result.short/normal"
                            + (m.measurement() == null
                                    ? ""
                                    : "; valueQuantity (" + m.measurement().unit() + ")") + "; component side");
        }
        for (Vocabulary.MovementTestCode t : v.movementTests()) {
            add(
                    all,
                    "movement." + t.code(),
                    t.name(),
                    "movement pattern",
                    Use.INPUT,
                    "Observation: interpretation or value CodeableConcept result.normal/abnormal; component substitution"
                            + (t.measurement() == null
                                    ? ""
                                    : "; valueQuantity (" + t.measurement().unit() + ")")
                            + (t.sided() ? "; component side" : ""));
        }
        for (Vocabulary.MovementTestCode t : v.movementTests()) {
            for (Vocabulary.Code s : t.substitutions()) {
                add(
                        all,
                        "substitution." + s.code(),
                        s.label(),
                        "movement substitution",
                        Use.INPUT,
                        "Observation.component (code substitution) value CodeableConcept");
            }
        }
        for (RedFlagDefinition f : reference.redFlags()) {
            add(
                    all,
                    "red-flag." + f.getCode(),
                    f.getLabel() + " (" + f.getDomainLabel() + ")",
                    "red flag",
                    Use.INPUT,
                    "Observation value boolean or yes/no; QuestionnaireResponse item (linkId) answer; Condition (refuted = no)");
        }
        for (InputDefinition i : reference.inputs().inputs()) {
            if (i.pointer().equals("/client/age") || i.pointer().equals("/client/sex")) {
                continue; // read from the Patient (birthDate, gender)
            }
            add(all, i.crosscheckCode(), i.label(), i.section(), Use.INPUT, element(i));
            for (Option o : i.options()) {
                add(
                        all,
                        optionPrefix(i) + "." + o.code(),
                        o.label(),
                        i.section(),
                        Use.INPUT,
                        "value of " + i.crosscheckCode());
            }
        }
        add(
                all,
                "symptom",
                "reported symptom",
                "symptom",
                Use.INPUT,
                "Observation: bodySite region.*, value CodeableConcept symptom-kind.*, components trigger, pain-nrs, duration-weeks, settle-minutes");
        for (Vocabulary.Code r : v.symptoms().regions()) {
            add(all, "region." + r.code(), r.label(), "symptom", Use.INPUT, "Observation.bodySite of a symptom");
        }
        for (Vocabulary.Code k : v.symptoms().kinds()) {
            add(all, "symptom-kind." + k.code(), k.label(), "symptom", Use.INPUT, "value of a symptom Observation");
        }
        for (Vocabulary.Code t : v.symptoms().triggers()) {
            add(all, "trigger." + t.code(), t.label(), "symptom", Use.INPUT, "value of the trigger component");
        }
        add(all, "trigger", "what brings the symptom on", "component", Use.INPUT, "Observation.component code");
        add(
                all,
                "pain-nrs",
                "pain intensity, numeric rating scale 0-10",
                "component",
                Use.INPUT,
                "Observation.component valueInteger");
        add(
                all,
                "duration-weeks",
                "symptom duration in weeks",
                "component",
                Use.INPUT,
                "Observation.component valueInteger or Quantity (wk)");
        add(
                all,
                "settle-minutes",
                "time to settle after aggravation, minutes",
                "component",
                Use.INPUT,
                "Observation.component valueInteger or Quantity (min)");
        add(
                all,
                "side",
                "side of the body",
                "component",
                Use.INPUT,
                "Observation.component code; value side.* or SNOMED CT laterality");
        add(
                all,
                "substitution",
                "substitution seen in a movement test",
                "component",
                Use.INPUT,
                "Observation.component code; value substitution.*");
        for (String s : List.of("left", "right", "bilateral")) {
            add(all, "side." + s, s, "component", Use.INPUT, "value of the side component");
        }
        for (String r : List.of("short", "normal", "abnormal")) {
            add(all, "result." + r, r, "result", Use.INPUT, "Observation.interpretation or value CodeableConcept");
        }
        add(
                all,
                "screening",
                "Crosscheck screening (Janda crossed-syndrome pattern screen)",
                "output",
                Use.OUTPUT,
                "GuidanceResponse.reasonCode; RiskAssessment.code");
        for (PatternDefinition p : reference.patterns()) {
            add(
                    all,
                    "pattern." + p.getCode(),
                    "findings consistent with the " + p.getName() + " pattern",
                    "output",
                    Use.OUTPUT,
                    "RiskAssessment.prediction.outcome");
        }
        add(
                all,
                "referral",
                "referral for medical assessment",
                "output",
                Use.OUTPUT,
                "ServiceRequest.code (card suggestion and Bundle)");
        for (InterventionDefinition i : reference.interventions()) {
            add(
                    all,
                    "intervention." + i.getId(),
                    i.getName(),
                    "output",
                    Use.OUTPUT,
                    "ServiceRequest.code (exercise programme item)");
        }
        for (String o : OVERRIDE_REASONS) {
            add(
                    all,
                    o,
                    overrideDisplay(o),
                    "card override reason",
                    Use.CARD,
                    "Card.overrideReasons; feedback overrideReason.reason");
        }
        return List.copyOf(all.values());
    }

    /** How an input is carried in FHIR, by its type (the mapping table's element column). */
    private static String element(InputDefinition i) {
        String yesNo =
                "Observation value boolean or yes/no; QuestionnaireResponse item (linkId) answer; Condition (refuted = no)";
        return switch (i.type()) {
            case YES_NO -> yesNo;
            case INTEGER -> "Observation valueInteger / item answer integer (" + i.describeRange() + ")";
            case NUMBER ->
                "Observation valueQuantity (" + i.unit() + ") or decimal / item answer decimal (" + i.describeRange()
                        + ")";
            case CHOICE -> "Observation value CodeableConcept / item answer Coding " + optionPrefix(i) + ".*";
        };
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

    /** The Crosscheck code a coding stands for: itself in the Crosscheck system, or the SNOMED CT alternative. */
    public static Optional<String> crosscheckCode(String system, String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (SYSTEM.equals(system)) {
            return Optional.of(code);
        }
        if (SNOMED.equals(system)) {
            return Optional.ofNullable(SNOMED_FINDINGS.get(code));
        }
        return Optional.empty();
    }

    /** Codes with their SNOMED CT alternative, for the mapping table: red-flag questions and inputs with a SNOMED CT coding. */
    public static Map<String, String> snomedByCrosscheckCode(ReferenceData reference) {
        Map<String, String> out = new LinkedHashMap<>();
        SNOMED_FINDINGS.forEach((snomed, cc) -> out.put(cc, snomed));
        for (InputDefinition i : reference.inputs().inputs()) {
            i.codings().stream()
                    .filter(c -> SNOMED.equals(c.system()))
                    .forEach(c -> out.put(i.crosscheckCode(), c.code()));
        }
        return out;
    }

    private static void add(
            Map<String, Concept> all, String code, String display, String category, Use use, String element) {
        all.putIfAbsent(code, new Concept(code, display, category, use, element));
    }

    /** Every concept code, for checks. */
    public static List<String> codes(ReferenceData reference) {
        List<String> out = new ArrayList<>();
        concepts(reference).forEach(c -> out.add(c.code()));
        return out;
    }
}
