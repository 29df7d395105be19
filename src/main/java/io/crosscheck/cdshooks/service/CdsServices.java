package io.crosscheck.cdshooks.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CDS services Crosscheck offers, with their hooks and prefetch templates. */
public final class CdsServices {

    public static final String PATIENT_VIEW = "crosscheck-patient-view";
    public static final String ENCOUNTER_START = "crosscheck-encounter-start";

    /** Prefetch key to FHIR query; {@code {{context.patientId}}} is filled in by the EHR (or by Crosscheck when it fetches). */
    public static final Map<String, String> PREFETCH;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("patient", "Patient/{{context.patientId}}");
        p.put("observations", "Observation?patient={{context.patientId}}");
        p.put("conditions", "Condition?patient={{context.patientId}}");
        p.put("questionnaireResponses", "QuestionnaireResponse?patient={{context.patientId}}");
        PREFETCH = java.util.Collections.unmodifiableMap(p);
    }

    private static final String DESCRIPTION =
            "Screens the patient's recorded physiotherapy assessment (posture, muscle-length and "
                    + "movement-pattern tests, breathing, symptoms, yellow and red flags) with Janda's crossed-syndrome rules: referral "
                    + "cards for red flags, a card when the red-flag screen is incomplete, and findings consistent with a pattern with "
                    + "an exercise programme. Screening heuristics, not a diagnosis.";

    public static final List<CdsModel.Service> ALL = List.of(
            new CdsModel.Service(
                    "patient-view",
                    "Crosscheck: Janda crossed-syndrome screen",
                    DESCRIPTION,
                    PATIENT_VIEW,
                    PREFETCH,
                    "Register the EHR client (issuer and keys) against a clinic first; see the README"),
            new CdsModel.Service(
                    "encounter-start",
                    "Crosscheck: Janda crossed-syndrome screen at the start of a physiotherapy encounter",
                    DESCRIPTION,
                    ENCOUNTER_START,
                    PREFETCH,
                    "Register the EHR client (issuer and keys) against a clinic first; see the README"));

    private CdsServices() {}

    public static Optional<CdsModel.Service> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The query of a prefetch key for a patient. */
    public static String query(String key, String patientId) {
        return PREFETCH.get(key).replace("{{context.patientId}}", patientId);
    }
}
