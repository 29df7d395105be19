package io.crosscheck.support;

import io.crosscheck.fhir.service.CrosscheckCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Charts as an EHR holds them, for the CDS Hooks tests, one per situation: a patient, the encounter the hook fires in
 * (a physiotherapy one, coded with HL7 service-type 65, or a general-practice one), vital signs and problems coded in
 * LOINC and ICD-10 that Crosscheck does not screen, and red-flag answers as Observations (SNOMED CT findings with a
 * yes/no value, or the Crosscheck code system), dated, so that the newest answer can be told from an older one.
 */
public final class SituationCharts {

    public static final Coding PHYSIOTHERAPY =
            new Coding("http://terminology.hl7.org/CodeSystem/service-type", "65", "Physiotherapy");
    public static final Coding GENERAL_PRACTICE =
            new Coding("http://terminology.hl7.org/CodeSystem/service-type", "124", "General Practice");

    private SituationCharts() {}

    public static Patient patient(String id) {
        Patient p = new Patient();
        p.setId(id);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new DateType("1979-04-12"));
        return p;
    }

    public static Encounter encounter(String id, String patientId, Coding serviceType) {
        Encounter e = new Encounter();
        e.setId(id);
        e.setStatus(Encounter.EncounterStatus.INPROGRESS);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.setServiceType(new CodeableConcept(serviceType));
        e.setSubject(new Reference("Patient/" + patientId));
        return e;
    }

    /** A red-flag question answered in the Crosscheck code system, e.g. {@code saddle_anaesthesia}, on a date. */
    public static Observation redFlag(String patientId, String flag, boolean yes, String date) {
        return answer(patientId, new Coding(CrosscheckCodes.SYSTEM, "red-flag." + flag, null), yes, date);
    }

    /** A finding coded as the EHR codes it (e.g. SNOMED CT 72042002 Incontinence of faeces) with a yes/no value. */
    public static Observation answer(String patientId, Coding code, boolean yes, String date) {
        Observation o = new Observation();
        o.setId("obs-" + java.util.UUID.randomUUID());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(code));
        o.setSubject(new Reference("Patient/" + patientId));
        o.setEffective(new DateTimeType(date));
        o.setValue(new BooleanType(yes));
        return o;
    }

    /** Vital signs Crosscheck does not screen: heart rate and BMI (LOINC). */
    public static List<Observation> vitals(String patientId) {
        return List.of(
                quantity(patientId, "8867-4", "Heart rate", 72, "/min"),
                quantity(patientId, "39156-5", "Body mass index (BMI) [Ratio]", 24.1, "kg/m2"));
    }

    private static Observation quantity(String patientId, String loinc, String display, double value, String unit) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, display)));
        o.setSubject(new Reference("Patient/" + patientId));
        o.setEffective(new DateTimeType("2026-01-10"));
        o.setValue(new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(CrosscheckCodes.UCUM)
                .setCode(unit));
        return o;
    }

    /** A problem coded in ICD-10 (asthma) Crosscheck does not screen. */
    public static Condition asthma(String patientId) {
        Condition c = new Condition();
        c.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "J45.9", "Asthma, unspecified")));
        c.setSubject(new Reference("Patient/" + patientId));
        c.setRecordedDateElement(new DateTimeType("2019-05-02"));
        return c;
    }

    /** An OperationOutcome with one issue, as an EHR reports a failed or partial search. */
    public static OperationOutcome outcome(String severity, String code) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.fromCode(severity))
                .setCode(OperationOutcome.IssueType.fromCode(code));
        return oo;
    }

    /**
     * A CDS Hooks request: {@code prefetch} maps keys to resources (a list becomes a searchset Bundle), a key mapped to
     * null is sent as null (to be fetched); {@code fhirServer} may be null (nothing can be fetched).
     */
    public static String request(
            String hook,
            String hookInstance,
            String fhirServer,
            String patientId,
            String encounterId,
            Map<String, Object> prefetch) {
        Map<String, String> keys = new LinkedHashMap<>();
        prefetch.forEach((k, v) -> keys.put(
                k,
                v == null
                        ? "null"
                        : v instanceof List<?> list
                                ? FhirFixtures.json(FhirFixtures.searchset(
                                        list.stream().map(Resource.class::cast).toList()))
                                : FhirFixtures.json((Resource) v)));
        String server = fhirServer == null ? "" : """
                  "fhirServer": "%s",
                  "fhirAuthorization": {"access_token": "%s", "token_type": "Bearer", "expires_in": 300,
                                        "scope": "patient/*.read", "subject": "cds-service"},
                """.formatted(fhirServer, CHART_TOKEN);
        return """
                {
                  "hookInstance": "%s",
                  "hook": "%s",
                  %s
                  "context": {"userId": "Practitioner/physio-1", "patientId": "%s"%s},
                  "prefetch": {%s}
                }
                """.formatted(
                        hookInstance,
                        hook,
                        server,
                        patientId,
                        encounterId == null ? "" : ", \"encounterId\": \"" + encounterId + "\"",
                        keys.entrySet().stream()
                                .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                                .collect(Collectors.joining(", ")));
    }

    /** The access token the charts' FHIR server accepts. */
    public static final String CHART_TOKEN = "chart-server-access-token";
}
