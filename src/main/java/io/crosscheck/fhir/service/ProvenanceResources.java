package io.crosscheck.fhir.service;

import io.crosscheck.screening.model.ScreeningResult;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Where a screening's resources come from: a Provenance targeting every one of them, recorded when the screening
 * was made, its author Crosscheck (a contained Device carrying the knowledge-base version), the knowledge base and
 * each rule that drew a conclusion as source entities, the knowledge base as policy, and for an amendment the
 * screening it revises. Pure.
 */
final class ProvenanceResources {

    /** Identifier system of a knowledge-base version. */
    static final String KNOWLEDGE_BASE_SYSTEM = "https://crosscheck.io/fhir/knowledge-base";
    /** Identifier system of a rule id of the knowledge base. */
    static final String RULE_SYSTEM = "https://crosscheck.io/fhir/rule";

    static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    private ProvenanceResources() {}

    static Provenance provenance(ScreeningResult r, Date created, List<String> targets, UUID amends) {
        Provenance p = FhirProfiles.declare(new Provenance(), FhirProfiles.PROVENANCE);
        targets.forEach(t -> p.addTarget(new Reference(t)));
        p.setRecorded(created);
        p.addPolicy(ScreeningBundles.knowledgeBaseUri(r));
        p.setActivity(new CodeableConcept(new Coding(DATA_OPERATION, "CREATE", "create")));
        Device crosscheck = FhirProfiles.declare(new Device(), FhirProfiles.DEVICE);
        crosscheck.setId("crosscheck");
        crosscheck.addDeviceName().setName("Crosscheck").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        crosscheck.setType(
                new CodeableConcept().setText("Clinical decision support software (rule-based screening aid)"));
        crosscheck
                .addVersion()
                .setType(new CodeableConcept().setText("knowledge base"))
                .setValue(r.knowledgeBase().version());
        p.addContained(crosscheck);
        p.addAgent()
                .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "author", "Author")))
                .setWho(new Reference("#crosscheck")
                        .setDisplay("Crosscheck " + r.knowledgeBase().version()));
        p.addEntity()
                .setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(KNOWLEDGE_BASE_SYSTEM)
                                .setValue(r.knowledgeBase().version()))
                        .setDisplay(
                                "Crosscheck knowledge base " + r.knowledgeBase().version()));
        for (String rule : rules(r)) {
            p.addEntity()
                    .setRole(Provenance.ProvenanceEntityRole.SOURCE)
                    .setWhat(new Reference()
                            .setIdentifier(
                                    new Identifier().setSystem(RULE_SYSTEM).setValue(rule))
                            .setDisplay("Crosscheck rule " + rule));
        }
        if (amends != null) {
            p.addEntity()
                    .setRole(Provenance.ProvenanceEntityRole.REVISION)
                    .setWhat(new Reference()
                            .setIdentifier(new Identifier()
                                    .setSystem("urn:ietf:rfc:3986")
                                    .setValue("urn:uuid:" + amends))
                            .setDisplay("the screening this version amends"));
        }
        return p;
    }

    /** The rules behind the result's conclusions: patterns, referrals, the screens, the plan and its precautions. */
    static Set<String> rules(ScreeningResult r) {
        Set<String> rules = new TreeSet<>();
        if (r.patterns() != null) {
            r.patterns().forEach(p -> add(rules, p.ruleId()));
        }
        if (r.redFlags() != null) {
            if (r.redFlags().referrals() != null) {
                r.redFlags().referrals().forEach(ref -> addAll(rules, ref.ruleIds()));
            }
            if (r.redFlags().screen() != null) {
                add(rules, r.redFlags().screen().ruleId());
            }
        }
        if (r.healthScreen() != null) {
            add(rules, r.healthScreen().ruleId());
        }
        if (r.interventions() != null) {
            r.interventions().forEach(i -> addAll(rules, i.ruleIds()));
        }
        if (r.precautions() != null) {
            r.precautions().forEach(p -> add(rules, p.ruleId()));
        }
        return rules;
    }

    private static void addAll(Set<String> rules, List<String> ids) {
        if (ids != null) {
            ids.forEach(id -> add(rules, id));
        }
    }

    private static void add(Set<String> rules, String id) {
        if (id != null && !id.isBlank()) {
            rules.add(id);
        }
    }
}
