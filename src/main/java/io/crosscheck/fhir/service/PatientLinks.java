package io.crosscheck.fhir.service;

import java.util.Optional;

/**
 * Whether an EHR's patient id is the patient a screening was made for, for the screenings an EHR made through CDS
 * Hooks: their client reference is a digest of the EHR client and the patient id ({@code ehr-...}), never the id, so
 * the id a caller names can be checked against it but not read from it. Implemented by the CDS Hooks integration,
 * which knows the EHR clients (this package does not depend on it).
 */
public interface PatientLinks {

    /**
     * For a client reference an EHR client of the clinic made: whether the patient id is the one it was made from;
     * empty when the client reference is not one an EHR made (a physiotherapist's pseudonym: nothing to check it
     * against).
     */
    Optional<Boolean> matches(String clinicId, String clientRef, String patientId);
}
