package io.crosscheck.cdshooks.service;

import io.crosscheck.fhir.service.FhirScreeningMapper;
import java.util.List;
import java.util.Map;

/**
 * The patient's chart as read for a hook call: the resources to screen (each checked to be the context's patient's),
 * what could not be read completely and why (by prefetch key), the resources refused and why, and what the EHR
 * reported besides. Nothing here names the patient.
 */
record Chart(
        List<FhirScreeningMapper.Located> resources,
        Map<String, String> notRead,
        List<Refused> refused,
        List<String> notes) {

    /** A resource not screened: its type, where it was (a JSON pointer or a prefetch key), and why. */
    record Refused(String resourceType, String path, String why) {}

    /** Whether a key that carries answers (observations, conditions, questionnaire responses) was not fully read. */
    boolean answersIncomplete() {
        return ChartQueries.ANSWER_KEYS.stream().anyMatch(notRead::containsKey);
    }

    /** What the clinician reads for a key. */
    static String label(String key) {
        return switch (key) {
            case ChartQueries.PATIENT -> "The patient's record";
            case ChartQueries.ENCOUNTER -> "The encounter";
            case ChartQueries.OBSERVATIONS -> "Observations (findings and answers)";
            case ChartQueries.CONDITIONS -> "Problems and conditions";
            case ChartQueries.QUESTIONNAIRE_RESPONSES -> "Questionnaire answers";
            default -> key;
        };
    }

    /** The lines a card states: what was not read and why, and how many resources were refused. */
    List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        notRead.forEach((key, why) -> out.add(label(key) + ": " + why));
        if (!refused.isEmpty()) {
            out.add(refused.size() + " record" + (refused.size() == 1 ? " was" : "s were")
                    + " not read because they are not this patient's or cannot be checked to be");
        }
        return out;
    }
}
