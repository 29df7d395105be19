package io.crosscheck.support;

/** Request bodies shared by rule tests and API tests. */
public final class Requests {

    private Requests() {
    }

    /**
     * The source article's client: a desk worker whose lower back tightens during exercise, with
     * anterior pelvic tilt, short hip flexors, a late gluteus maximus, upper-chest breathing and anxiety.
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
              "redFlags": [
                { "code": "saddle_anaesthesia", "present": false },
                { "code": "bladder_dysfunction", "present": false }
              ]
            }
            """;

    /** The same client answering yes to saddle numbness. */
    public static final String ARTICLE_WITH_SADDLE_NUMBNESS = ARTICLE_DESK_WORKER.replace(
            "{ \"code\": \"saddle_anaesthesia\", \"present\": false }", "{ \"code\": \"saddle_anaesthesia\", \"present\": true }");
}
