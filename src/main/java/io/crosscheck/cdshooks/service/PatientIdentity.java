package io.crosscheck.cdshooks.service;

import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a resource from the EHR is about the patient in context: a Patient must have the context's id, any other
 * resource a {@code subject} (or {@code patient}) referring to {@code Patient/<that id>} on the EHR's FHIR server. A
 * resource without a subject came from a search by this patient and is taken as theirs; a subject that names another
 * patient, another server, or only an identifier that cannot be checked is refused. Pure.
 */
final class PatientIdentity {

    private PatientIdentity() {}

    /** Why the resource is refused, or null when it is the context's patient's. */
    static String refusal(Resource r, String patientId, String fhirServer) {
        if (r instanceof Patient p) {
            String id = p.getIdElement().getIdPart();
            return id == null || id.equals(patientId) ? null : "a Patient other than the patient in context";
        }
        Reference subject = subject(r);
        if (subject == null || subject.isEmpty()) {
            return null;
        }
        if (!subject.hasReference()) {
            return "its subject cannot be checked (no reference to a Patient)";
        }
        IIdType ref = subject.getReferenceElement();
        if (subject.getReference().startsWith("urn:") || ref.getIdPart() == null) {
            return "its subject cannot be checked (not a Patient reference)";
        }
        if (!"Patient".equals(ref.getResourceType()) || !patientId.equals(ref.getIdPart())) {
            return "about another patient";
        }
        if (ref.hasBaseUrl()
                && (fhirServer == null
                        || !ref.getBaseUrl().replaceAll("/+$", "").equals(fhirServer.replaceAll("/+$", "")))) {
            return "about a patient of another FHIR server";
        }
        return null;
    }

    private static Reference subject(Resource r) {
        for (String name : new String[] {"subject", "patient"}) {
            Property p = r.getNamedProperty(name);
            if (p != null && !p.getValues().isEmpty()) {
                Base v = p.getValues().get(0);
                return v instanceof Reference ref ? ref : null;
            }
        }
        return null;
    }
}
