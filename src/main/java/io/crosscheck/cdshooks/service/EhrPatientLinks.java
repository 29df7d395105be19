package io.crosscheck.cdshooks.service;

import io.crosscheck.cdshooks.store.CdsInvocation;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.fhir.service.PatientLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an EHR patient id against the client reference of a screening an EHR made ({@link PatientPseudonym}): the
 * digest of one of the EHR clients that called for the clinic (or that are registered) and that id must be the client
 * reference. The id itself is never stored.
 */
@ApplicationScoped
public class EhrPatientLinks implements PatientLinks {

    static final Pattern EHR_PSEUDONYM = Pattern.compile("ehr-[0-9a-f]{24}");

    @Override
    public Optional<Boolean> matches(String clinicId, String clientRef, String patientId) {
        if (clientRef == null || !EHR_PSEUDONYM.matcher(clientRef).matches()) {
            return Optional.empty();
        }
        Set<String> issuers = new TreeSet<>(CdsInvocation.getEntityManager()
                .createQuery("select distinct i.ehrClient from CdsInvocation i where i.clinicId = ?1", String.class)
                .setParameter(1, clinicId)
                .getResultList());
        EhrClient.<EhrClient>listAll().forEach(c -> issuers.add(c.issuer));
        return Optional.of(issuers.stream()
                .anyMatch(issuer -> PatientPseudonym.of(issuer, patientId).equals(clientRef)));
    }
}
