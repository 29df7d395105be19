package io.crosscheck.fhir.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.Option;
import io.crosscheck.fhir.service.CrosscheckCodes.Concept;
import io.crosscheck.fhir.service.CrosscheckCodes.Use;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concepts of the Crosscheck code system, generated from a knowledge base's vocabulary and reference
 * data in the order of the mapping table ({@code kb-docs/fhir-mapping.md}): the inputs read from FHIR, the
 * components and results they carry, the outputs written and the card override reasons.
 */
final class CodeSystemConcepts {

    private CodeSystemConcepts() {}

    /** Every concept of the Crosscheck code system for this knowledge base, in table order. */
    static List<Concept> of(ReferenceData reference) {
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
                        CrosscheckCodes.optionPrefix(i) + "." + o.code(),
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
                "GuidanceResponse.reasonCode; ClinicalImpression.code; RequestGroup.code; RiskAssessment.code");
        for (PatternDefinition p : reference.patterns()) {
            add(
                    all,
                    "pattern." + p.getCode(),
                    "findings consistent with the " + p.getName() + " pattern",
                    "output",
                    Use.OUTPUT,
                    "ClinicalImpression.finding; RiskAssessment.prediction.outcome (only a pattern found: findings consistent, or some)");
        }
        add(
                all,
                "referral",
                "referral for medical assessment",
                "output",
                Use.OUTPUT,
                "ServiceRequest.code beside SNOMED CT Referral to doctor (card suggestion and Bundle)");
        add(
                all,
                "health-screen",
                "Crosscheck pre-exercise health screen",
                "output",
                Use.OUTPUT,
                "RiskAssessment.code (status in the text and a note; considerations as predictions)");
        for (InterventionDefinition i : reference.interventions()) {
            add(
                    all,
                    "intervention." + i.getId(),
                    i.getName(),
                    "output",
                    Use.OUTPUT,
                    "ServiceRequest.code beside its SNOMED CT procedure (Bundle); orderDetail of a card's programme");
        }
        for (String o : CrosscheckCodes.OVERRIDE_REASONS) {
            add(
                    all,
                    o,
                    CrosscheckCodes.overrideDisplay(o),
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
            case CHOICE ->
                "Observation value CodeableConcept / item answer Coding " + CrosscheckCodes.optionPrefix(i) + ".*";
        };
    }

    private static void add(
            Map<String, Concept> all, String code, String display, String category, Use use, String element) {
        all.putIfAbsent(code, new Concept(code, display, category, use, element));
    }
}
