package io.crosscheck.cdshooks.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CDS services Crosscheck offers, with their hooks; the prefetch templates come from {@link ChartQueries}. */
public final class CdsServices {

    public static final String PATIENT_VIEW = "crosscheck-patient-view";
    public static final String ENCOUNTER_START = "crosscheck-encounter-start";

    private static final String DESCRIPTION =
            "Screens the patient's recorded physiotherapy assessment (posture, muscle-length and "
                    + "movement-pattern tests, breathing, symptoms, yellow and red flags) with Janda's crossed-syndrome rules: referral "
                    + "cards for red flags, findings consistent with a pattern with an exercise programme, and a card when the chart "
                    + "could not be fully read. Cards only for a physiotherapy encounter or when the call asks for the screen "
                    + "(extension io.crosscheck.screen-requested); none when the chart holds nothing relevant. Screening "
                    + "heuristics, not a diagnosis.";
    private static final String USAGE =
            "Register the EHR client (issuer and keys) against a clinic first; see the README";

    /** Service id to hook. */
    private static final Map<String, String> HOOKS =
            Map.of(PATIENT_VIEW, "patient-view", ENCOUNTER_START, "encounter-start");

    private CdsServices() {}

    /** The services with the given prefetch templates, as discovery lists them. */
    public static List<CdsModel.Service> all(Map<String, String> prefetch) {
        return List.of(
                new CdsModel.Service(
                        "patient-view",
                        "Crosscheck: Janda crossed-syndrome screen",
                        DESCRIPTION,
                        PATIENT_VIEW,
                        prefetch,
                        USAGE),
                new CdsModel.Service(
                        "encounter-start",
                        "Crosscheck: Janda crossed-syndrome screen at the start of a physiotherapy encounter",
                        DESCRIPTION,
                        ENCOUNTER_START,
                        prefetch,
                        USAGE));
    }

    /** The hook a service id answers; empty for an unknown id. */
    public static Optional<String> hook(String id) {
        return Optional.ofNullable(id == null ? null : HOOKS.get(id));
    }
}
