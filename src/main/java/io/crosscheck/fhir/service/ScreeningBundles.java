package io.crosscheck.fhir.service;

import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A stored screening as a FHIR R4 Bundle (collection), every resource with its declared profile ({@link FhirProfiles}):
 * a GuidanceResponse (status success, or data-requested with the unanswered red-flag and health-screen questions as
 * data requirements); the examination as Observations ({@link ExaminationObservations}); a ClinicalImpression of what
 * was found and one RiskAssessment per pattern found ({@link ImpressionResources}: "findings consistent with", never a
 * diagnosis, never a pattern without findings); a RequestGroup of the coded ServiceRequests ({@link PlanRequests}: the
 * referral, or the plan's items); a RiskAssessment for the health screen ({@link HealthScreenResources}); and a
 * Provenance naming the knowledge base and the rules, targeting all of them ({@link ProvenanceResources}). The
 * subject is the one given: the EHR's Patient, or the pseudonymous client reference ({@link #clientSubject}). Pure.
 */
public final class ScreeningBundles {

    private ScreeningBundles() {}

    /** The FHIR priority of a referral ({@link PlanRequests#priority}). */
    public static ServiceRequest.ServiceRequestPriority priority(Urgency urgency) {
        return PlanRequests.priority(urgency);
    }

    /**
     * Where a screening stands in its amendment chain: its version, the screening it amends and why (both null
     * for a first version), and the version that superseded it (null for the latest).
     */
    public record ChainPosition(
            int version, UUID amends, String reason, UUID supersededBy, Integer supersededByVersion) {}

    /**
     * What a Bundle is made from: the stored result and the request it answered (its examination), where it stands
     * in its amendment chain (null outside one), the orders of the knowledge base, and the subject to name.
     */
    public record Source(
            ScreeningResult result,
            ScreeningRequest request,
            ChainPosition chain,
            InterventionOrders orders,
            Reference subject) {}

    /** The client by its pseudonymous reference (identifier system {@link CrosscheckCodes#CLIENT_REF_SYSTEM}). */
    public static Reference clientSubject(String clientRef) {
        Reference ref = new Reference();
        if (clientRef != null) {
            ref.setIdentifier(new Identifier()
                    .setSystem(CrosscheckCodes.CLIENT_REF_SYSTEM)
                    .setValue(clientRef));
        } else {
            ref.setDisplay("client without a reference");
        }
        return ref;
    }

    /**
     * A screening as a Bundle; one in an amendment chain says so in a note of its GuidanceResponse (its version, the
     * screening it amends and why, the version superseding it), its RequestGroup {@code replaces} the amended
     * screening's (by identifier) and its Provenance names it as revised.
     */
    public static Bundle bundle(Source source) {
        ScreeningResult r = source.result();
        ChainPosition chain = source.chain();
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        b.setIdentifier(screeningIdentifier(r.id()));
        Date created = Date.from(r.createdAt());
        b.setTimestamp(created);
        Reference subject = source.subject();
        boolean referral = r.redFlags() != null && r.redFlags().referral();
        boolean provisional =
                r.summary() != null && "provisional".equals(r.summary().plan());
        List<String> targets = new ArrayList<>();

        String grUrl = urn();
        GuidanceResponse gr = guidance(r, chain, subject, created, referral);
        add(b, targets, grUrl, gr);

        List<String> observationUrls = new ArrayList<>();
        for (Observation o : new ExaminationObservations(subject, created).of(source.request())) {
            String url = urn();
            add(b, targets, url, o);
            observationUrls.add(url);
        }
        String impressionUrl = urn();
        add(
                b,
                targets,
                impressionUrl,
                ImpressionResources.impression(r, subject, created, observationUrls, provisional && !referral));

        RequestGroup group = FhirProfiles.declare(new RequestGroup(), FhirProfiles.REQUEST_GROUP);
        group.addIdentifier(screeningIdentifier(r.id()));
        group.setStatus(RequestGroup.RequestStatus.DRAFT);
        group.setIntent(RequestGroup.RequestIntent.PROPOSAL);
        group.setSubject(subject);
        group.setAuthoredOn(created);
        group.setCode(new CodeableConcept(screeningCoding()));
        if (chain != null && chain.amends() != null) {
            group.addReplaces(new Reference().setIdentifier(screeningIdentifier(chain.amends())));
        }
        List<Resource> requests = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (referral) {
            for (ScreeningResult.ReferralResult ref : r.redFlags().referrals()) {
                requests.add(PlanRequests.referral(source.orders(), ref, r.fromHealthScreen(ref), subject));
                titles.add("Refer (" + ref.urgency() + ") " + ref.purpose());
            }
        } else if (r.interventions() != null) {
            String open = provisional ? HealthScreenResources.provisionalNote(r) : null;
            for (ScreeningResult.InterventionResult i : r.interventions()) {
                ServiceRequest sr = PlanRequests.item(source.orders(), i, subject);
                if (open != null) {
                    sr.addNote().setText(open);
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
                requests.add(sr);
                titles.add(i.name());
            }
        }
        for (int i = 0; i < requests.size(); i++) {
            ServiceRequest sr = (ServiceRequest) requests.get(i);
            sr.addIdentifier(screeningIdentifier(r.id()));
            sr.setAuthoredOn(created);
            String url = urn();
            add(b, targets, url, sr);
            group.addAction().setTitle(titles.get(i)).setResource(new Reference(url));
        }
        if (group.hasAction()) {
            String groupUrl = urn();
            gr.setResult(new Reference(groupUrl));
            add(b, targets, groupUrl, group);
        }

        Reference basis = new Reference(impressionUrl);
        for (RiskAssessment ra :
                ImpressionResources.patternAssessments(r, subject, created, basis, provisional || referral)) {
            add(b, targets, urn(), ra);
        }
        RiskAssessment health = HealthScreenResources.assessment(r, subject, created, new Reference(grUrl));
        if (health != null) {
            add(b, targets, urn(), health);
        }
        b.addEntry()
                .setFullUrl(urn())
                .setResource(
                        ProvenanceResources.provenance(r, created, targets, chain == null ? null : chain.amends()));
        if (b.getEntry().stream().allMatch(e -> e.getResource().getMeta().hasProfile())) {
            FhirProfiles.declare(b, FhirProfiles.BUNDLE); // not with uncoded orders (a knowledge base without them)
        }
        return b;
    }

    private static GuidanceResponse guidance(
            ScreeningResult r, ChainPosition chain, Reference subject, Date created, boolean referral) {
        GuidanceResponse gr = FhirProfiles.declare(new GuidanceResponse(), FhirProfiles.GUIDANCE_RESPONSE);
        gr.setRequestIdentifier(screeningIdentifier(r.id()));
        gr.addIdentifier(screeningIdentifier(r.id()));
        gr.setModule(new org.hl7.fhir.r4.model.UriType(knowledgeBaseUri(r)));
        gr.setSubject(subject);
        gr.setOccurrenceDateTime(created);
        gr.addReasonCode(new CodeableConcept(screeningCoding()));
        gr.addNote(new Annotation().setText(r.disclaimer() == null ? ScreeningResult.DISCLAIMER : r.disclaimer()));
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
        boolean redIncomplete = redFlagScreenIncomplete(r);
        boolean healthIncomplete = HealthScreenResources.incomplete(r);
        gr.setStatus(
                (redIncomplete || healthIncomplete) && !referral
                        ? GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED
                        : GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        if (redIncomplete && !referral) {
            DataRequirement.DataRequirementCodeFilterComponent filter = gr.addDataRequirement()
                    .setType("Observation")
                    .addCodeFilter()
                    .setPath("code");
            for (ScreeningResult.UnansweredDomain d : r.redFlags().screen().unanswered()) {
                for (ScreeningResult.Question q : d.questions()) {
                    filter.addCode(new Coding(CrosscheckCodes.SYSTEM, "red-flag." + q.code(), q.label()));
                }
            }
        }
        if (healthIncomplete && !referral) {
            HealthScreenResources.dataRequirement(r, gr);
        }
        return gr;
    }

    static boolean redFlagScreenIncomplete(ScreeningResult r) {
        return r.redFlags() != null
                && r.redFlags().screen() != null
                && RedFlagScreen.INCOMPLETE.equals(r.redFlags().screen().status());
    }

    /** The Crosscheck screening concept (GuidanceResponse.reasonCode, RequestGroup, ClinicalImpression, RiskAssessment). */
    static Coding screeningCoding() {
        return new Coding(
                CrosscheckCodes.SYSTEM, "screening", "Crosscheck screening (Janda crossed-syndrome pattern screen)");
    }

    /** The knowledge base that made the result, as a URI (GuidanceResponse.module, ClinicalImpression.protocol, Provenance.policy). */
    static String knowledgeBaseUri(ScreeningResult r) {
        return ProvenanceResources.KNOWLEDGE_BASE_SYSTEM + "/"
                + r.knowledgeBase().version();
    }

    /** A screening by its id, as an identifier ({@code urn:uuid:<id>}, as the Bundle's). */
    public static Identifier screeningIdentifier(UUID id) {
        return new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id);
    }

    private static void add(Bundle b, List<String> targets, String url, Resource resource) {
        b.addEntry().setFullUrl(url).setResource(resource);
        targets.add(url);
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
