package io.crosscheck.fhir.service;

import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * What the screening found, as a ClinicalImpression (the examination Observations it was made from, each pattern the
 * findings are consistent with or partly consistent with, each referral's reasons; the patterns without enough
 * findings only as a note, never as a finding) and one RiskAssessment per pattern found, worded "findings consistent
 * with", never a diagnosis. A pattern with insufficient evidence is stated nowhere as a finding or a predicted
 * outcome. Pure.
 */
final class ImpressionResources {

    private ImpressionResources() {}

    /** Whether a pattern was found: its findings are consistent, or partly consistent, with it. */
    static boolean found(ScreeningResult.PatternResult p) {
        PatternStatus s = p.patternStatus();
        return s == PatternStatus.CONSISTENT || s == PatternStatus.PARTIAL;
    }

    static ClinicalImpression impression(
            ScreeningResult r, Reference subject, Date created, List<String> observationUrls, boolean provisional) {
        ClinicalImpression ci = FhirProfiles.declare(new ClinicalImpression(), FhirProfiles.CLINICAL_IMPRESSION);
        ci.setStatus(
                provisional
                        ? ClinicalImpression.ClinicalImpressionStatus.INPROGRESS
                        : ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
        ci.setCode(new CodeableConcept(ScreeningBundles.screeningCoding()));
        ci.setDescription("Janda crossed-syndrome screen with red-flag and pre-exercise health screens (Crosscheck)");
        ci.setSubject(subject);
        ci.setEffective(new DateTimeType(created));
        ci.setDate(created);
        ci.addProtocol(ScreeningBundles.knowledgeBaseUri(r));
        if (r.summary() != null && r.summary().headline() != null) {
            ci.setSummary(r.summary().headline());
        }
        if (!observationUrls.isEmpty()) {
            ClinicalImpression.ClinicalImpressionInvestigationComponent exam =
                    ci.addInvestigation().setCode(new CodeableConcept().setText("Examination"));
            observationUrls.forEach(u -> exam.addItem(new Reference(u)));
        }
        if (r.redFlags() != null && r.redFlags().referral()) {
            for (ScreeningResult.ReferralResult ref : r.redFlags().referrals()) {
                ci.addFinding()
                        .setItemCodeableConcept(new CodeableConcept()
                                .setText((r.fromHealthScreen(ref) ? "Health screen: " : "Red flags: ")
                                        + String.join("; ", ref.reasons())))
                        .setBasis("Refer (" + ref.urgency() + ") " + ref.purpose() + " ["
                                + String.join(", ", ref.ruleIds()) + "]");
            }
        }
        for (ScreeningResult.PatternResult p : patterns(r)) {
            if (found(p)) {
                ci.addFinding().setItemCodeableConcept(pattern(p)).setBasis(p.because());
            } else {
                ci.addNote(new Annotation()
                        .setText("Not enough findings to assess the " + p.name() + " pattern (" + p.status()
                                + "); not stated as a finding."));
            }
        }
        ci.addNote(new Annotation().setText(r.disclaimer() == null ? ScreeningResult.DISCLAIMER : r.disclaimer()));
        return ci;
    }

    /** One RiskAssessment per pattern found; none for a pattern without enough findings. */
    static List<RiskAssessment> patternAssessments(
            ScreeningResult r, Reference subject, Date created, Reference basis, boolean preliminary) {
        List<RiskAssessment> out = new ArrayList<>();
        for (ScreeningResult.PatternResult p : patterns(r)) {
            if (!found(p)) {
                continue;
            }
            RiskAssessment ra = FhirProfiles.declare(new RiskAssessment(), FhirProfiles.PATTERN_ASSESSMENT);
            ra.setStatus(
                    preliminary
                            ? RiskAssessment.RiskAssessmentStatus.PRELIMINARY
                            : RiskAssessment.RiskAssessmentStatus.FINAL);
            ra.setSubject(subject);
            ra.setOccurrence(new DateTimeType(created));
            ra.setCode(new CodeableConcept(ScreeningBundles.screeningCoding()));
            ra.setMethod(new CodeableConcept()
                    .setText("Crosscheck rule " + p.ruleId() + " (knowledge base "
                            + r.knowledgeBase().version() + ")"));
            ra.addPrediction().setOutcome(pattern(p)).setRationale(p.because());
            if (p.evidenceNote() != null) {
                ra.addNote().setText(p.evidenceNote());
            }
            if (p.assessment() != null && !"assessed".equals(p.assessment())) {
                ra.addNote().setText(p.assessment());
            }
            ra.addBasis(basis);
            out.add(ra);
        }
        return out;
    }

    /** The pattern as found: the Crosscheck code, worded as its status says ("some findings consistent with ..."). */
    private static CodeableConcept pattern(ScreeningResult.PatternResult p) {
        String phrase = p.patternStatus().phrase();
        return new CodeableConcept(new Coding(
                        CrosscheckCodes.SYSTEM,
                        "pattern." + p.code(),
                        "findings consistent with the " + p.name() + " pattern"))
                .setText(Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + " the " + p.name()
                        + " pattern");
    }

    private static List<ScreeningResult.PatternResult> patterns(ScreeningResult r) {
        return r.patterns() == null ? List.of() : r.patterns();
    }
}
