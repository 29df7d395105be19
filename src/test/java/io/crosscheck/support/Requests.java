package io.crosscheck.support;

/** Request bodies shared by rule tests and API tests. */
public final class Requests {

    private Requests() {}

    /**
     * The source article's client: a desk worker whose lower back tightens during exercise, with
     * anterior pelvic tilt, short hip flexors, a late gluteus maximus, upper-chest breathing and anxiety,
     * who answered every red-flag and health-screen question that applies to her (same as
     * examples/article-desk-worker.json).
     */
    public static final String ARTICLE_DESK_WORKER = """
            {
              "clientRef": "pseudo-0001",
              "client": { "age": 34, "sex": "female" },
              "observations": [
                { "code": "anterior_pelvic_tilt", "present": true }
              ],
              "muscleLength": [
                { "muscle": "iliopsoas", "side": "left", "result": "short", "measurement": { "value": 12, "unit": "deg" } },
                { "muscle": "iliopsoas", "side": "right", "result": "short", "measurement": { "value": 9, "unit": "deg" } }
              ],
              "movementPatterns": [
                { "test": "prone_hip_extension", "side": "left", "result": "abnormal", "substitutions": ["gluteus_maximus_delayed"] }
              ],
              "breathing": { "upperChestDominant": true },
              "symptoms": [
                { "region": "low_back", "kind": "tightness", "trigger": "exercise", "nrs": 4, "durationWeeks": 10 }
              ],
              "lifestyle": { "sittingHoursPerDay": 9, "activityLevel": "moderate" },
              "psychosocial": { "anxiety": true },
              "cardiovascular": { "chestPainAtRest": false, "exertionalChestPain": false, "breathlessMildExertion": false, "syncope": false, "palpitations": false, "ankleOedema": false, "intermittentClaudication": false, "knownHeartCondition": false, "medicallySupervisedOnly": false },
              "pregnancy": { "pregnant": false, "postpartum": false },
              "boneHealth": { "longTermCorticosteroids": false },
              "surgery": { "recentSurgery": false },
              "hypermobility": { "beightonScore": 1 },
              "inflammatory": { "longBackPainBefore45": false },
              "redFlags": [
                { "code": "bladder_dysfunction", "present": false },
                { "code": "bowel_incontinence", "present": false },
                { "code": "saddle_anaesthesia", "present": false },
                { "code": "bilateral_leg_symptoms", "present": false },
                { "code": "progressive_leg_weakness", "present": false },
                { "code": "history_of_cancer", "present": false },
                { "code": "unexplained_weight_loss", "present": false },
                { "code": "persistent_night_pain", "present": false },
                { "code": "no_improvement_one_month", "present": false },
                { "code": "pain_multiple_sites", "present": false },
                { "code": "fever_chills", "present": false },
                { "code": "immunosuppression", "present": false },
                { "code": "iv_drug_use", "present": false },
                { "code": "recent_bacterial_infection", "present": false },
                { "code": "penetrating_wound", "present": false },
                { "code": "major_trauma", "present": false },
                { "code": "minor_trauma_with_bone_risk", "present": false },
                { "code": "structural_deformity", "present": false },
                { "code": "severe_central_pain_eased_lying", "present": false },
                { "code": "suspected_axial_spondyloarthritis", "present": false }
              ]
            }
            """;

    /**
     * The article's client with a craniovertebral angle of 49 deg, an increased kyphosis and a chin poke on cervical
     * flexion: upper-crossed syndrome consistent while forward head is below 50 deg, partial once it is below 48
     * ({@link Candidates#cvaThreshold48}).
     */
    public static final String FORWARD_HEAD_CVA_49 = ARTICLE_DESK_WORKER
            .replace(
                    "{ \"code\": \"anterior_pelvic_tilt\", \"present\": true }",
                    "{ \"code\": \"anterior_pelvic_tilt\", \"present\": true },\n"
                            + "    { \"code\": \"craniovertebral_angle\", \"measurement\": { \"value\": 49, \"unit\": \"deg\" } },\n"
                            + "    { \"code\": \"thoracic_kyphosis_angle\", \"measurement\": { \"value\": 45, \"unit\": \"deg\" } }")
            .replace(
                    "\"movementPatterns\": [",
                    "\"movementPatterns\": [\n"
                            + "    { \"test\": \"cervical_flexion\", \"result\": \"abnormal\", \"substitutions\": [\"chin_poke\"] },");

    /** The same client with no red-flag answers at all: the screen is incomplete. */
    public static final String ARTICLE_WITHOUT_RED_FLAG_ANSWERS =
            ARTICLE_DESK_WORKER.replaceAll("(?s),\\s*\"redFlags\": \\[.*?\\]", "");

    /** The same client answering yes to saddle numbness. */
    public static final String ARTICLE_WITH_SADDLE_NUMBNESS = ARTICLE_DESK_WORKER.replace(
            "{ \"code\": \"saddle_anaesthesia\", \"present\": false }",
            "{ \"code\": \"saddle_anaesthesia\", \"present\": true }");
}
