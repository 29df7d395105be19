package io.crosscheck.fhir.service;

import io.crosscheck.engine.facts.HealthScreen;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * The pre-exercise health screen in a screening's FHIR Bundle: the unanswered applicable questions as a data
 * requirement of the GuidanceResponse (Crosscheck codes {@code <section>.<code>}, as read back), and one
 * RiskAssessment for the screen (code {@code health-screen}): its status in the text and a note, each consideration
 * a prediction (outcome text) with its reason. Pure.
 */
final class HealthScreenResources {

    private HealthScreenResources() {}

    /** Whether applicable health-screen questions were not answered. */
    static boolean incomplete(ScreeningResult r) {
        HealthScreenOutcome h = r.healthScreen();
        return h != null
                && h.unanswered() != null
                && h.unanswered().stream().anyMatch(u -> !u.questions().isEmpty());
    }

    /** The unanswered health-screen questions as an Observation data requirement. */
    static void dataRequirement(ScreeningResult r, org.hl7.fhir.r4.model.GuidanceResponse gr) {
        DataRequirement.DataRequirementCodeFilterComponent filter =
                gr.addDataRequirement().setType("Observation").addCodeFilter().setPath("code");
        for (ScreeningResult.UnansweredDomain d : r.healthScreen().unanswered()) {
            for (ScreeningResult.Question q : d.questions()) {
                filter.addCode(new Coding(CrosscheckCodes.SYSTEM, d.domain() + "." + q.code(), q.label()));
            }
        }
    }

    /** Why a provisional plan is provisional: which screens were not fully asked. */
    static String provisionalNote(ScreeningResult r) {
        boolean red = ScreeningBundles.redFlagScreenIncomplete(r);
        boolean health = incomplete(r);
        return "Provisional: the "
                + (red && health ? "red-flag and health screens are" : red ? "red-flag screen is" : "health screen is")
                + " incomplete";
    }

    /** The health screen as a RiskAssessment; null when the result has none. */
    static RiskAssessment assessment(ScreeningResult r, Reference subject, Date created, Reference basis) {
        HealthScreenOutcome h = r.healthScreen();
        if (h == null || h.status() == null) {
            return null;
        }
        RiskAssessment ra = FhirProfiles.declare(new RiskAssessment(), FhirProfiles.HEALTH_SCREEN_ASSESSMENT);
        ra.setStatus(
                HealthScreen.INCOMPLETE.equals(h.status()) || incomplete(r)
                        ? RiskAssessment.RiskAssessmentStatus.PRELIMINARY
                        : RiskAssessment.RiskAssessmentStatus.FINAL);
        ra.setSubject(subject);
        ra.setOccurrence(new DateTimeType(created));
        ra.setCode(new CodeableConcept(
                        new Coding(CrosscheckCodes.SYSTEM, "health-screen", "Crosscheck pre-exercise health screen"))
                .setText("Pre-exercise health screen: " + h.status()));
        if (h.ruleId() != null) {
            ra.setMethod(new CodeableConcept()
                    .setText("Crosscheck rule " + h.ruleId() + " (knowledge base "
                            + r.knowledgeBase().version() + ")"));
        }
        ra.addNote().setText("Health screen " + h.status() + (h.because() == null ? "" : ": " + h.because()));
        for (ScreeningResult.Consideration c : h.considerations()) {
            ra.addPrediction()
                    .setOutcome(new CodeableConcept().setText(c.text()))
                    .setRationale(c.because());
        }
        for (ScreeningResult.UnansweredDomain d : h.unanswered()) {
            ra.addNote()
                    .setText("Not asked (" + d.label() + "): "
                            + String.join(
                                    "; ",
                                    d.questions().stream()
                                            .map(ScreeningResult.Question::label)
                                            .toList())
                            + ". An unanswered question is never read as no.");
        }
        ra.addBasis(basis);
        return ra;
    }
}
