package io.crosscheck.fhir.service;

import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The orders of a screening as draft ServiceRequests (intent proposal: the clinician decides), coded as the knowledge
 * base's {@link InterventionOrders} say: a SNOMED CT procedure with the Crosscheck code beside it, the request
 * category and the performer type. Used by the screening's Bundle and by the CDS Hooks card suggestions alike. Pure.
 */
public final class PlanRequests {

    private PlanRequests() {}

    /** The FHIR priority of a referral: stat for an emergency, urgent for urgent, routine otherwise. */
    public static ServiceRequest.ServiceRequestPriority priority(Urgency urgency) {
        return urgency == Urgency.EMERGENCY
                ? ServiceRequest.ServiceRequestPriority.STAT
                : urgency == Urgency.URGENT
                        ? ServiceRequest.ServiceRequestPriority.URGENT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE;
    }

    /**
     * The referral for medical assessment a red flag or a health-screen warning sign raised: its purpose in the text,
     * its priority from the urgency, the reasons, and the rules that raised it.
     */
    public static ServiceRequest referral(
            InterventionOrders orders,
            ScreeningResult.ReferralResult ref,
            boolean fromHealthScreen,
            Reference subject) {
        ServiceRequest sr = request(FhirProfiles.REFERRAL, orders.referral(), subject);
        sr.setPriority(priority(ref.referralUrgency()));
        sr.getCode()
                .addCoding(new Coding(CrosscheckCodes.SYSTEM, "referral", "referral for medical assessment"))
                .setText("Medical assessment " + ref.purpose());
        sr.addReasonCode()
                .setText((fromHealthScreen ? "Health screen: " : "Red flags: ") + String.join("; ", ref.reasons()));
        sr.addNote().setText("Rules: " + String.join(", ", ref.ruleIds()));
        return sr;
    }

    /** One item of the plan: what is done, its dose, how to give it safely and why. */
    public static ServiceRequest item(
            InterventionOrders orders, ScreeningResult.InterventionResult i, Reference subject) {
        ServiceRequest sr = request(
                FhirProfiles.SERVICE_REQUEST, orders.of(i.id(), i.category()).orElse(null), subject);
        sr.getCode()
                .addCoding(new Coding(CrosscheckCodes.SYSTEM, "intervention." + i.id(), i.name()))
                .setText(i.name());
        if (i.dose() != null) {
            sr.addOrderDetail().setText(i.dose());
        }
        if (i.precautions() != null && !i.precautions().isBlank()) {
            sr.setPatientInstruction(i.precautions());
        }
        if (i.rationale() != null && !i.rationale().isEmpty()) {
            sr.addReasonCode().setText(String.join("; ", i.rationale()));
        }
        return sr;
    }

    /**
     * The plan as one exercise programme for findings consistent with a pattern (a card suggestion): each item an
     * order detail (Crosscheck code, name and dose), the pattern as the reason.
     */
    public static ServiceRequest programme(
            InterventionOrders orders,
            ScreeningResult.PatternResult pattern,
            List<ScreeningResult.InterventionResult> plan,
            Reference subject) {
        ServiceRequest sr = request(FhirProfiles.SERVICE_REQUEST, orders.programme(), subject);
        sr.getCode().setText("Exercise programme (Janda approach): " + pattern.name());
        for (ScreeningResult.InterventionResult i : plan) {
            sr.addOrderDetail(
                    new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, "intervention." + i.id(), i.name()))
                            .setText(i.name() + (i.dose() == null ? "" : ": " + i.dose())));
        }
        sr.addReasonCode(new CodeableConcept(
                        new Coding(CrosscheckCodes.SYSTEM, "pattern." + pattern.code(), pattern.statement()))
                .setText(pattern.statement()));
        return sr;
    }

    /**
     * A draft proposal for the subject, coded as the order says and declaring its profile; without an order (a
     * knowledge base from before orders were data) only the Crosscheck code is added, and no profile it would not meet.
     */
    private static ServiceRequest request(String profile, InterventionOrders.Order order, Reference subject) {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        sr.setSubject(subject);
        if (order == null) {
            sr.setCode(new CodeableConcept());
            return sr;
        }
        FhirProfiles.declare(sr, profile);
        sr.setCode(new CodeableConcept(coding(order.code())));
        sr.addCategory(new CodeableConcept(coding(order.category())));
        CodeableConcept performer =
                order.performer() == null ? new CodeableConcept() : new CodeableConcept(coding(order.performer()));
        if (order.performerText() != null) {
            performer.setText(order.performerText());
        }
        sr.setPerformerType(performer);
        return sr;
    }

    static Coding coding(io.crosscheck.engine.input.Coding c) {
        return new Coding(c.system(), c.code(), c.display());
    }
}
