package io.crosscheck.fhir.service;

import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A stored screening as a FHIR R4 Bundle (collection): a GuidanceResponse (status success, or
 * data-requested with the unanswered red-flag and health-screen questions as data requirements), a RequestGroup
 * of the proposed ServiceRequests (the referral with its purpose, or the interventions), one RiskAssessment per
 * pattern ("findings consistent with", never a diagnosis) and one for the health screen (its status and
 * considerations, {@link HealthScreenResources}). The client is referred to by its pseudonymous
 * reference only. Pure.
 */
public final class ScreeningBundles {

    private ScreeningBundles() {}

    /** The FHIR priority of a referral: stat for an emergency, urgent for urgent, routine otherwise. */
    public static ServiceRequest.ServiceRequestPriority priority(Urgency urgency) {
        return urgency == Urgency.EMERGENCY
                ? ServiceRequest.ServiceRequestPriority.STAT
                : urgency == Urgency.URGENT
                        ? ServiceRequest.ServiceRequestPriority.URGENT
                        : ServiceRequest.ServiceRequestPriority.ROUTINE;
    }

    /**
     * Where a screening stands in its amendment chain: its version, the screening it amends and why (both null
     * for a first version), and the version that superseded it (null for the latest).
     */
    public record ChainPosition(
            int version, UUID amends, String reason, UUID supersededBy, Integer supersededByVersion) {}

    /** A screening outside any amendment chain as a Bundle. */
    public static Bundle bundle(ScreeningResult r) {
        return bundle(r, null);
    }

    /**
     * A screening as a Bundle; one in an amendment chain ({@code chain} not null) says so in a note of its
     * GuidanceResponse (its version, the screening it amends and why, the version superseding it), and its
     * RequestGroup {@code replaces} the amended screening's (by identifier).
     */
    public static Bundle bundle(ScreeningResult r, ChainPosition chain) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + r.id()));
        Date created = Date.from(r.createdAt());
        b.setTimestamp(created);
        Reference subject = subject(r);
        Coding screening = new Coding(
                CrosscheckCodes.SYSTEM, "screening", "Crosscheck screening (Janda crossed-syndrome pattern screen)");
        boolean referral = r.redFlags() != null && r.redFlags().referral();
        boolean provisional =
                r.summary() != null && "provisional".equals(r.summary().plan());

        GuidanceResponse gr = new GuidanceResponse();
        String grUrl = urn();
        gr.setRequestIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + r.id()));
        gr.addIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + r.id()));
        gr.setModule(new org.hl7.fhir.r4.model.UriType(
                "https://crosscheck.io/fhir/knowledge-base/" + r.knowledgeBase().version()));
        gr.setSubject(subject);
        gr.setOccurrenceDateTime(created);
        gr.addReasonCode(new CodeableConcept(screening));
        gr.addNote(new Annotation().setText(r.disclaimer()));
        if (r.summary() != null) {
            gr.addNote(new Annotation().setText(r.summary().headline()));
        }
        if (chain != null && chain.amends() != null) {
            gr.addNote(new Annotation()
                    .setText("Version " + chain.version() + ": amends screening urn:uuid:" + chain.amends()
                            + (chain.reason() == null ? "" : " (" + chain.reason() + ")")));
        }
        if (chain != null && chain.supersededBy() != null) {
            gr.addNote(new Annotation()
                    .setText("Superseded by version " + chain.supersededByVersion() + ", screening urn:uuid:"
                            + chain.supersededBy() + "; this version is kept as it was"));
        }
        boolean redIncomplete = r.redFlags() != null
                && r.redFlags().screen() != null
                && RedFlagScreen.INCOMPLETE.equals(r.redFlags().screen().status());
        boolean healthIncomplete = HealthScreenResources.incomplete(r);
        gr.setStatus(
                (redIncomplete || healthIncomplete) && !referral
                        ? GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED
                        : GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        if (redIncomplete && !referral) {
            DataRequirement req = gr.addDataRequirement().setType("Observation");
            DataRequirement.DataRequirementCodeFilterComponent filter =
                    req.addCodeFilter().setPath("code");
            for (ScreeningResult.UnansweredDomain d : r.redFlags().screen().unanswered()) {
                for (ScreeningResult.Question q : d.questions()) {
                    filter.addCode(new Coding(CrosscheckCodes.SYSTEM, "red-flag." + q.code(), q.label()));
                }
            }
        }
        if (healthIncomplete && !referral) {
            HealthScreenResources.dataRequirement(r, gr);
        }
        b.addEntry().setFullUrl(grUrl).setResource(gr);

        RequestGroup group = new RequestGroup();
        String groupUrl = urn();
        group.setStatus(RequestGroup.RequestStatus.DRAFT);
        group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
        group.setSubject(subject);
        group.setAuthoredOn(created);
        group.setCode(new CodeableConcept(screening));
        if (chain != null && chain.amends() != null) {
            group.addReplaces(new Reference()
                    .setIdentifier(
                            new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + chain.amends())));
        }
        if (referral) {
            for (ScreeningResult.ReferralResult ref : r.redFlags().referrals()) {
                ServiceRequest sr = request(subject, created);
                sr.setPriority(priority(ref.referralUrgency()));
                sr.setCode(new CodeableConcept(
                                new Coding(CrosscheckCodes.SYSTEM, "referral", "referral for medical assessment"))
                        .setText("Medical assessment " + ref.purpose()));
                sr.addReasonCode()
                        .setText((r.fromHealthScreen(ref) ? "Health screen: " : "Red flags: ")
                                + String.join("; ", ref.reasons()));
                sr.addNote().setText("Rules: " + String.join(", ", ref.ruleIds()));
                add(b, group, sr, "Refer (" + ref.urgency() + ") " + ref.purpose());
            }
        } else if (r.interventions() != null) {
            for (ScreeningResult.InterventionResult i : r.interventions()) {
                ServiceRequest sr = request(subject, created);
                sr.setCode(new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, "intervention." + i.id(), i.name()))
                        .setText(i.name()));
                if (i.dose() != null) {
                    sr.addOrderDetail().setText(i.dose());
                }
                if (i.precautions() != null) {
                    sr.setPatientInstruction(i.precautions());
                }
                if (i.rationale() != null && !i.rationale().isEmpty()) {
                    sr.addReasonCode().setText(String.join("; ", i.rationale()));
                }
                if (provisional) {
                    sr.addNote()
                            .setText("Provisional: the "
                                    + (redIncomplete && healthIncomplete
                                            ? "red-flag and health screens are"
                                            : redIncomplete ? "red-flag screen is" : "health screen is")
                                    + " incomplete");
                }
                if (i.dependsOn() != null && !i.dependsOn().isEmpty()) {
                    sr.addNote()
                            .setText("Depends on questions not asked: "
                                    + String.join(
                                            "; ",
                                            i.dependsOn().stream()
                                                    .map(ScreeningResult.Question::label)
                                                    .toList()));
                }
                add(b, group, sr, i.name());
            }
        }
        if (group.hasAction()) {
            gr.setResult(new Reference(groupUrl));
            b.addEntry().setFullUrl(groupUrl).setResource(group);
        }

        if (r.patterns() != null) {
            for (ScreeningResult.PatternResult p : r.patterns()) {
                RiskAssessment ra = new RiskAssessment();
                ra.setStatus(
                        provisional || referral
                                ? RiskAssessment.RiskAssessmentStatus.PRELIMINARY
                                : RiskAssessment.RiskAssessmentStatus.FINAL);
                ra.setSubject(subject);
                ra.setOccurrence(new DateTimeType(created));
                ra.setCode(new CodeableConcept(screening));
                ra.setMethod(new CodeableConcept()
                        .setText("Crosscheck rule " + p.ruleId() + " (knowledge base "
                                + r.knowledgeBase().version() + ")"));
                ra.addPrediction()
                        .setOutcome(new CodeableConcept(new Coding(
                                        CrosscheckCodes.SYSTEM,
                                        "pattern." + p.code(),
                                        "findings consistent with the " + p.name() + " pattern"))
                                .setText(p.statement() + " (" + p.status() + ")"))
                        .setRationale(p.because());
                if (p.evidenceNote() != null) {
                    ra.addNote().setText(p.evidenceNote());
                }
                if (p.assessment() != null && !"assessed".equals(p.assessment())) {
                    ra.addNote().setText(p.assessment());
                }
                ra.addBasis(new Reference(grUrl));
                b.addEntry().setFullUrl(urn()).setResource(ra);
            }
        }
        org.hl7.fhir.r4.model.RiskAssessment health =
                HealthScreenResources.assessment(r, subject, created, new Reference(grUrl));
        if (health != null) {
            b.addEntry().setFullUrl(urn()).setResource(health);
        }
        return b;
    }

    private static void add(Bundle b, RequestGroup group, ServiceRequest sr, String title) {
        String url = urn();
        b.addEntry().setFullUrl(url).setResource(sr);
        group.addAction().setTitle(title).setResource(new Reference(url));
    }

    private static ServiceRequest request(Reference subject, Date created) {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        sr.setSubject(subject);
        sr.setAuthoredOn(created);
        return sr;
    }

    private static Reference subject(ScreeningResult r) {
        Reference ref = new Reference();
        if (r.clientRef() != null) {
            ref.setIdentifier(new Identifier()
                    .setSystem(CrosscheckCodes.CLIENT_REF_SYSTEM)
                    .setValue(r.clientRef()));
        } else {
            ref.setDisplay("client without a reference");
        }
        return ref;
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
