package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a physiotherapist or an EHR sends for one screening. Codes are listed by
 * {@code GET /api/v1/vocabulary}; ranges of scored instruments are the constraints below.
 */
public record ScreeningRequest(
        @Pattern(regexp = ScreeningRequest.CLIENT_REF, message = ScreeningRequest.CLIENT_REF_RULE + " (no names)")
        String clientRef,

        Answers client,
        @Size(max = 60) List<@NotNull @Valid Observation> observations,
        @Size(max = 60) List<@NotNull @Valid MuscleLength> muscleLength,
        @Size(max = 60) List<@NotNull @Valid Movement> movementPatterns,
        Answers breathing,
        @Size(max = 20) List<@NotNull @Valid Symptom> symptoms,
        Answers lifestyle,
        Answers psychosocial,
        @Size(max = 80) List<@NotNull @Valid RedFlagAnswer> redFlags,
        @Size(max = 10) List<@NotNull @Valid OutcomeAnswer> outcomes,
        @Valid FollowUp followUp,
        @Valid Visit visit,

        @JsonAnySetter @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, Answers> otherSections) {

    /** The sections named above; any other section defined in {@code rules/reference/inputs.yaml} arrives in {@code otherSections}. */
    public static final List<String> NAMED_SECTIONS = List.of("client", "breathing", "lifestyle", "psychosocial");

    public ScreeningRequest {
        otherSections = otherSections == null ? new LinkedHashMap<>() : new LinkedHashMap<>(otherSections);
    }

    /** A request with the named sections only. */
    public ScreeningRequest(
            String clientRef,
            Answers client,
            List<Observation> observations,
            List<MuscleLength> muscleLength,
            List<Movement> movementPatterns,
            Answers breathing,
            List<Symptom> symptoms,
            Answers lifestyle,
            Answers psychosocial,
            List<RedFlagAnswer> redFlags) {
        this(
                clientRef,
                client,
                observations,
                muscleLength,
                movementPatterns,
                breathing,
                symptoms,
                lifestyle,
                psychosocial,
                redFlags,
                null,
                null,
                null,
                null);
    }

    /** A request without a visit (its date, care start and notes). */
    public ScreeningRequest(
            String clientRef,
            Answers client,
            List<Observation> observations,
            List<MuscleLength> muscleLength,
            List<Movement> movementPatterns,
            Answers breathing,
            List<Symptom> symptoms,
            Answers lifestyle,
            Answers psychosocial,
            List<RedFlagAnswer> redFlags,
            List<OutcomeAnswer> outcomes,
            FollowUp followUp,
            Map<String, Answers> otherSections) {
        this(
                clientRef,
                client,
                observations,
                muscleLength,
                movementPatterns,
                breathing,
                symptoms,
                lifestyle,
                psychosocial,
                redFlags,
                outcomes,
                followUp,
                null,
                otherSections);
    }

    /** The same request with the previous visit the server found for the client (see {@link FollowUp}). */
    public ScreeningRequest withPrevious(FollowUp.PreviousVisit previous) {
        FollowUp f = followUp == null ? new FollowUp(previous, null) : new FollowUp(previous, followUp.items());
        return new ScreeningRequest(
                clientRef,
                client,
                observations,
                muscleLength,
                movementPatterns,
                breathing,
                symptoms,
                lifestyle,
                psychosocial,
                redFlags,
                outcomes,
                f,
                visit,
                otherSections);
    }

    /** The same request with this visit (its date and time, care start and notes). */
    public ScreeningRequest withVisit(Visit v) {
        return new ScreeningRequest(
                clientRef,
                client,
                observations,
                muscleLength,
                movementPatterns,
                breathing,
                symptoms,
                lifestyle,
                psychosocial,
                redFlags,
                outcomes,
                followUp,
                v,
                otherSections);
    }

    public List<OutcomeAnswer> outcomesOrEmpty() {
        return outcomes == null ? List.of() : outcomes;
    }

    /** Every answer section sent (section code -> answers), named ones first. */
    public Map<String, Answers> answerSections() {
        Map<String, Answers> all = new LinkedHashMap<>();
        if (client != null) all.put("client", client);
        if (breathing != null) all.put("breathing", breathing);
        if (lifestyle != null) all.put("lifestyle", lifestyle);
        if (psychosocial != null) all.put("psychosocial", psychosocial);
        otherSections.forEach((k, v) -> {
            if (v != null) all.put(k, v);
        });
        return all;
    }

    /** A client reference: a pseudonym, never a name (the API, the client pages and the export check it alike). */
    public static final String CLIENT_REF = "[A-Za-z0-9._:-]{1,64}";

    public static final String CLIENT_REF_RULE =
            "must be a pseudonymous reference of 1-64 letters, digits, '.', '_', ':' or '-'";

    static final String SIDE = "left|right|bilateral";

    public List<Observation> observationsOrEmpty() {
        return observations == null ? List.of() : observations;
    }

    public List<MuscleLength> muscleLengthOrEmpty() {
        return muscleLength == null ? List.of() : muscleLength;
    }

    public List<Movement> movementPatternsOrEmpty() {
        return movementPatterns == null ? List.of() : movementPatterns;
    }

    public List<Symptom> symptomsOrEmpty() {
        return symptoms == null ? List.of() : symptoms;
    }

    public List<RedFlagAnswer> redFlagsOrEmpty() {
        return redFlags == null ? List.of() : redFlags;
    }

    /** A value and its unit; the unit must be the one the vocabulary gives for that code. */
    public record Measurement(
            @NotNull Double value, @NotBlank String unit) {}

    /** A posture observation: {@code present} for signs, {@code measurement} for angles. */
    public record Observation(
            @NotBlank String code,
            Boolean present,
            @Valid Measurement measurement,
            @Pattern(regexp = SIDE) String side) {}

    /** A muscle-length test result: clinician's rating and/or measurement. */
    public record MuscleLength(
            @NotBlank String muscle,
            @Pattern(regexp = SIDE) String side,
            @Pattern(regexp = "short|normal") String result,
            @Valid Measurement measurement) {}

    /** A movement-pattern test: result, substitutions seen, and a measurement where the test has one. */
    public record Movement(
            @NotBlank String test,
            @Pattern(regexp = SIDE) String side,
            @Pattern(regexp = "normal|abnormal") String result,
            @Size(max = 10) List<@NotBlank String> substitutions,
            @Valid Measurement measurement) {
        public List<String> substitutionsOrEmpty() {
            return substitutions == null ? List.of() : substitutions;
        }
    }

    /**
     * A reported symptom. {@code settleMinutes}: how long the symptom takes to settle after the activity that
     * brings it on, one of the two inputs of irritability. The numbers' ranges are the vocabulary's
     * ({@code symptoms.numbers} in {@code rules/reference/vocabulary.yaml}): NRS 0-10, duration 0-5200 weeks,
     * settling 0-10080 min.
     */
    public record Symptom(
            @NotBlank String region,
            @NotBlank String kind,
            String trigger,
            Integer nrs,
            Integer durationWeeks,
            Integer settleMinutes) {}

    /** The answer to one red-flag question. */
    public record RedFlagAnswer(
            @NotBlank String code, @NotNull Boolean present) {}
}
