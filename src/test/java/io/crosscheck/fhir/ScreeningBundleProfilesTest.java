package io.crosscheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.common.json.Json;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.FhirProfiles;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.fhir.service.ScreeningBundles;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * A screening's Bundle, built from the shipped knowledge base without HTTP, against the profiles it declares (HAPI's
 * instance validator with Crosscheck's StructureDefinitions): the article client, a red-flag client and an amended
 * screening validate with no error; the orders are coded; no pattern without findings is stated; the examination
 * reads back as the same request. A Quarkus test only so that the validator is built in the same class loader as in
 * the HTTP tests (the suite runs both in one JVM).
 */
@QuarkusTest
class ScreeningBundleProfilesTest {

    static final RuleHarness HARNESS = RuleHarness.shipped();
    static final InterventionOrders ORDERS = HARNESS.knowledgeBase().reference().orders();

    static ScreeningResult screen(String json) {
        return HARNESS.screen(json).withIdentity(UUID.randomUUID(), Instant.parse("2026-12-05T10:00:00Z"));
    }

    static ScreeningRequest request(String json) throws Exception {
        return Json.newMapper().readValue(json, ScreeningRequest.class);
    }

    static Bundle bundle(String json, ScreeningBundles.ChainPosition chain) throws Exception {
        ScreeningResult r = screen(json);
        return ScreeningBundles.bundle(new ScreeningBundles.Source(
                r, request(json), chain, ORDERS, ScreeningBundles.clientSubject(r.clientRef())));
    }

    static String validated(Bundle b) {
        String json = FhirSupport.r4().newJsonParser().encodeResourceToString(b);
        assertThat(FhirValidation.errors(json)).as("validator errors").isEmpty();
        return json;
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return FhirApiTest.all(b, type);
    }

    static List<String> codes(org.hl7.fhir.r4.model.CodeableConcept cc, String system) {
        return cc.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()))
                .map(Coding::getCode)
                .toList();
    }

    @Test
    void theArticleClientsBundleValidatesAgainstItsProfilesWithCodedOrdersForAPhysiotherapist() throws Exception {
        Bundle b = bundle(Requests.ARTICLE_DESK_WORKER, null);
        validated(b);

        assertThat(b.getMeta().getProfile().get(0).getValue()).isEqualTo(FhirProfiles.url(FhirProfiles.BUNDLE));
        assertThat(b.getEntry())
                .allSatisfy(e -> assertThat(e.getResource().getMeta().getProfile())
                        .as(e.getResource().fhirType())
                        .isNotEmpty());
        List<ServiceRequest> orders = all(b, ServiceRequest.class);
        assertThat(orders).isNotEmpty().allSatisfy(sr -> {
            assertThat(codes(sr.getCode(), CrosscheckCodes.SNOMED))
                    .as(sr.getCode().getText())
                    .hasSize(1);
            assertThat(sr.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo(CrosscheckCodes.SNOMED);
            assertThat(sr.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
            assertThat(sr.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        });
        ServiceRequest stretch = orders.stream()
                .filter(sr -> codes(sr.getCode(), CrosscheckCodes.SYSTEM).contains("intervention.hip_flexor_stretch"))
                .findFirst()
                .orElseThrow();
        assertThat(codes(stretch.getCode(), CrosscheckCodes.SNOMED)).containsExactly("229065009");
        assertThat(codes(stretch.getCategoryFirstRep(), CrosscheckCodes.SNOMED)).containsExactly("91251008");
        assertThat(codes(stretch.getPerformerType(), CrosscheckCodes.SNOMED)).containsExactly("36682004");
        assertThat(orders)
                .filteredOn(sr ->
                        codes(sr.getCode(), CrosscheckCodes.SYSTEM).contains("intervention.education_reassurance"))
                .allSatisfy(sr ->
                        assertThat(codes(sr.getCode(), CrosscheckCodes.SNOMED)).containsExactly("409073007"));
    }

    @Test
    void aRedFlagClientsBundleHasOnlyTheReferralCodedAsAReferralToADoctorAndValidates() throws Exception {
        Bundle b = bundle(Requests.ARTICLE_WITH_SADDLE_NUMBNESS, null);
        validated(b);

        assertThat(all(b, ServiceRequest.class)).singleElement().satisfies(sr -> {
            assertThat(sr.getMeta().getProfile().get(0).getValue()).isEqualTo(FhirProfiles.url(FhirProfiles.REFERRAL));
            assertThat(codes(sr.getCode(), CrosscheckCodes.SNOMED)).containsExactly("306253008");
            assertThat(codes(sr.getCode(), CrosscheckCodes.SYSTEM)).containsExactly("referral");
            assertThat(codes(sr.getCategoryFirstRep(), CrosscheckCodes.SNOMED)).containsExactly("3457005");
            assertThat(codes(sr.getPerformerType(), CrosscheckCodes.SNOMED)).containsExactly("158965000");
            assertThat(sr.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
            assertThat(sr.getCode().getText()).startsWith("Medical assessment to exclude cauda equina");
        });
        assertThat(all(b, ClinicalImpression.class).get(0).getFinding())
                .anySatisfy(
                        f -> assertThat(f.getItemCodeableConcept().getText()).startsWith("Red flags: "));
    }

    @Test
    void anAmendedScreeningsBundleNamesTheRevisedScreeningInItsProvenanceAndValidates() throws Exception {
        UUID original = UUID.randomUUID();
        Bundle b = bundle(
                Requests.ARTICLE_WITH_SADDLE_NUMBNESS,
                new ScreeningBundles.ChainPosition(
                        2, original, "Saddle anaesthesia recorded as absent by mistake", null, null));
        validated(b);

        Provenance p = all(b, Provenance.class).get(0);
        assertThat(p.getEntity()).anySatisfy(e -> {
            assertThat(e.getRole()).isEqualTo(Provenance.ProvenanceEntityRole.REVISION);
            assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo("urn:uuid:" + original);
        });
    }

    @Test
    void theProvenanceTargetsEveryOtherEntryAndNamesTheKnowledgeBaseAndTheRules() throws Exception {
        ScreeningResult r = screen(Requests.ARTICLE_DESK_WORKER);
        Bundle b = ScreeningBundles.bundle(new ScreeningBundles.Source(
                r, request(Requests.ARTICLE_DESK_WORKER), null, ORDERS, ScreeningBundles.clientSubject("pseudo-0001")));

        Provenance p = all(b, Provenance.class).get(0);
        assertThat(p.getTarget())
                .extracting(Reference::getReference)
                .containsExactlyInAnyOrderElementsOf(b.getEntry().stream()
                        .filter(e -> !(e.getResource() instanceof Provenance))
                        .map(Bundle.BundleEntryComponent::getFullUrl)
                        .toList());
        assertThat(p.getPolicy().get(0).getValue()).endsWith(r.knowledgeBase().version());
        assertThat(p.getEntity())
                .extracting(e -> e.getWhat().getIdentifier().getValue())
                .contains(r.knowledgeBase().version(), "PAT-001");
        assertThat(p.getRecorded()).isEqualTo(java.util.Date.from(r.createdAt()));
    }

    @Test
    void aPatternWithoutEnoughFindingsIsNeverAPredictedOutcomeNorAFinding() throws Exception {
        ScreeningResult r = screen(Requests.ARTICLE_DESK_WORKER);
        List<String> found = r.patterns().stream()
                .filter(p ->
                        p.patternStatus() == PatternStatus.CONSISTENT || p.patternStatus() == PatternStatus.PARTIAL)
                .map(p -> "pattern." + p.code())
                .toList();
        List<String> notFound = r.patterns().stream()
                .filter(p -> p.patternStatus() == PatternStatus.INSUFFICIENT)
                .map(p -> "pattern." + p.code())
                .toList();
        assertThat(notFound)
                .as("the article client has patterns without enough findings")
                .isNotEmpty();
        Bundle b = ScreeningBundles.bundle(new ScreeningBundles.Source(
                r, request(Requests.ARTICLE_DESK_WORKER), null, ORDERS, ScreeningBundles.clientSubject("pseudo-0001")));

        List<String> predicted = all(b, RiskAssessment.class).stream()
                .flatMap(ra -> ra.getPrediction().stream())
                .flatMap(pr -> codes(pr.getOutcome(), CrosscheckCodes.SYSTEM).stream())
                .toList();
        assertThat(predicted).containsExactlyInAnyOrderElementsOf(found).doesNotContainAnyElementsOf(notFound);
        assertThat(all(b, RiskAssessment.class).stream()
                        .flatMap(ra -> ra.getPrediction().stream())
                        .filter(pr ->
                                !codes(pr.getOutcome(), CrosscheckCodes.SYSTEM).isEmpty()))
                .allSatisfy(pr -> assertThat(pr.getOutcome().getText()).contains("indings consistent with"));
        ClinicalImpression ci = all(b, ClinicalImpression.class).get(0);
        assertThat(ci.getFinding().stream()
                        .flatMap(f -> codes(f.getItemCodeableConcept(), CrosscheckCodes.SYSTEM).stream()))
                .containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void aRiskAssessmentStatingAPatternWithoutFindingsFailsItsProfile() throws Exception {
        Bundle b = bundle(Requests.ARTICLE_DESK_WORKER, null);
        RiskAssessment ra = all(b, RiskAssessment.class).stream()
                .filter(x -> x.getMeta().getProfile().get(0).getValue().endsWith(FhirProfiles.PATTERN_ASSESSMENT))
                .findFirst()
                .orElseThrow();
        ra.getPredictionFirstRep().getOutcome().setText("Insufficient evidence for the upper-crossed syndrome pattern");
        String json = FhirSupport.r4().newJsonParser().encodeResourceToString(b);
        assertThat(FhirValidation.errors(json)).anySatisfy(e -> assertThat(e).contains("ccr-2"));
    }

    @Test
    void aServiceRequestWithoutASnomedProcedureFailsItsProfile() throws Exception {
        Bundle b = bundle(Requests.ARTICLE_DESK_WORKER, null);
        ServiceRequest sr = all(b, ServiceRequest.class).get(0);
        sr.getCode().getCoding().removeIf(c -> CrosscheckCodes.SNOMED.equals(c.getSystem()));
        sr.setPerformerType(null);
        String json = FhirSupport.r4().newJsonParser().encodeResourceToString(b);
        assertThat(FhirValidation.errors(json))
                .anySatisfy(e -> assertThat(e).contains("ccs-1"))
                .anySatisfy(e -> assertThat(e).contains("performerType"));
    }

    @Test
    void aKnowledgeBaseWithoutOrdersWritesThemUncodedWithoutTheProfilesTheyWouldNotMeetAndStillValid()
            throws Exception {
        ScreeningResult r = screen(Requests.ARTICLE_DESK_WORKER);
        Bundle b = ScreeningBundles.bundle(new ScreeningBundles.Source(
                r,
                request(Requests.ARTICLE_DESK_WORKER),
                null,
                InterventionOrders.NONE,
                ScreeningBundles.clientSubject(r.clientRef())));
        validated(b);

        assertThat(b.getMeta().hasProfile()).isFalse();
        assertThat(all(b, ServiceRequest.class)).isNotEmpty().allSatisfy(sr -> {
            assertThat(sr.getMeta().hasProfile()).isFalse();
            assertThat(codes(sr.getCode(), CrosscheckCodes.SNOMED)).isEmpty();
            assertThat(codes(sr.getCode(), CrosscheckCodes.SYSTEM))
                    .singleElement()
                    .asString()
                    .startsWith("intervention.");
        });
    }

    @Test
    void aBundleWithoutItsProvenanceFailsItsProfile() throws Exception {
        Bundle b = bundle(Requests.ARTICLE_DESK_WORKER, null);
        b.getEntry().removeIf(e -> e.getResource() instanceof Provenance);
        String json = FhirSupport.r4().newJsonParser().encodeResourceToString(b);
        assertThat(FhirValidation.errors(json)).anySatisfy(e -> assertThat(e).contains("ccb-2"));
    }

    @Test
    void theExaminationObservationsReadBackAsTheSameExamination() throws Exception {
        ScreeningRequest sent = request(Requests.ARTICLE_DESK_WORKER);
        Bundle b = bundle(Requests.ARTICLE_DESK_WORKER, null);
        List<Observation> exam = all(b, Observation.class);
        assertThat(exam)
                .hasSize(sent.observationsOrEmpty().size()
                        + sent.muscleLengthOrEmpty().size()
                        + sent.movementPatternsOrEmpty().size()
                        + sent.symptomsOrEmpty().size());

        List<FhirScreeningMapper.Located> located = new java.util.ArrayList<>();
        located.add(new FhirScreeningMapper.Located(new Patient().setBirthDate(new java.util.Date(0)), "/patient"));
        for (int i = 0; i < exam.size(); i++) {
            located.add(new FhirScreeningMapper.Located(exam.get(i), "/" + i));
        }
        FhirScreeningMapper.Result read = new FhirScreeningMapper(
                        HARNESS.knowledgeBase().reference(), FhirScreeningMapper.Mode.STRICT, LocalDate.now())
                .map(located, "pseudo-0001");
        assertThat(read.errors()).isEmpty();
        assertThat(read.request().muscleLength()).isEqualTo(sent.muscleLength());
        assertThat(read.request().movementPatterns()).isEqualTo(sent.movementPatterns());
        assertThat(read.request().observations()).isEqualTo(sent.observations());
        assertThat(read.request().symptoms()).isEqualTo(sent.symptoms());
    }
}
