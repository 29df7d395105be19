package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.TestResult;
import io.crosscheck.support.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why-not lists only help when they are relevant and put the most decisive test first (issue 8). */
class WhyNotRelevanceRulesTest {

    private final RuleHarness rules = RuleHarness.shipped();

    @Test
    void aTestThatWouldMakeAPartialPatternConsistentIsNamedBeforeTestsOfCategoriesAlreadyPresent() {
        // tilt (supportive posture) + a short hip flexor (length): one movement finding would make it consistent
        ScreeningResult result = rules.screen("""
                { "client": { "age": 40, "sex": "male" },
                  "observations": [ { "code": "anterior_pelvic_tilt", "present": true } ],
                  "muscleLength": [ { "muscle": "iliopsoas", "side": "left", "result": "short" } ],
                  "symptoms": [ { "region": "low_back", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ] }
                """);

        List<String> tests = codes(pattern(result, "LCS"));
        assertThat(pattern(result, "LCS").status()).isEqualTo("partial");
        assertThat(tests)
                .contains("prone_hip_extension", "trunk_curl_up", "passive_knee_extension", "knee_hyperextension");
        // a movement test changes the call (partial -> consistent); another posture sign of the same group adds nothing
        // new
        assertThat(tests.indexOf("prone_hip_extension")).isLessThan(tests.indexOf("knee_hyperextension"));
        assertThat(tests.indexOf("trunk_curl_up")).isLessThan(tests.indexOf("knee_hyperextension"));
        // lordosis counts with the tilt already present, so it cannot change anything and is not asked
        assertThat(tests).doesNotContain("increased_lumbar_lordosis");
    }

    @Test
    void aLowBackClientIsNotAskedForNeckTestsButANeckClientIs() {
        ScreeningResult lowBack = rules.screen("""
                { "client": { "age": 40 }, "symptoms": [ { "region": "low_back", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ] }
                """);
        ScreeningResult neck = rules.screen("""
                { "client": { "age": 40 }, "symptoms": [ { "region": "neck", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ] }
                """);

        assertThat(codes(pattern(lowBack, "UCS"))).isEmpty();
        assertThat(codes(pattern(lowBack, "LCS"))).contains("modified_thomas", "prone_hip_extension");
        assertThat(codes(pattern(neck, "UCS"))).contains("craniovertebral_angle");
        assertThat(codes(pattern(neck, "LCS"))).isEmpty();
    }

    @Test
    void theNeckFlexionTestsWaitUntilTheCervicalArterialQuestionsAreAnswered() {
        ScreeningResult unanswered = rules.screen("""
                { "client": { "age": 40 }, "symptoms": [ { "region": "neck", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ] }
                """);
        ScreeningResult answered = rules.screen("""
                { "client": { "age": 40 }, "symptoms": [ { "region": "neck", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ],
                  "redFlags": [ { "code": "dizziness", "present": false }, { "code": "diplopia", "present": false },
                                { "code": "drop_attacks", "present": false }, { "code": "dysarthria", "present": false },
                                { "code": "dysphagia", "present": false }, { "code": "nausea", "present": false },
                                { "code": "nystagmus", "present": false }, { "code": "facial_numbness", "present": false },
                                { "code": "ataxia", "present": false }, { "code": "new_unusual_neck_pain_headache", "present": false } ] }
                """);

        assertThat(codes(pattern(unanswered, "UCS")))
                .as("the vascular questions come from the history before the neck is loaded (IFOMPT 2023)")
                .doesNotContain("cervical_flexion", "craniocervical_flexion", "deep_neck_flexor_endurance");
        assertThat(codes(pattern(answered, "UCS")))
                .contains("craniovertebral_angle", "cervical_flexion", "craniocervical_flexion");
    }

    @Test
    void absentEvidenceIsListedOnlyForAPatternTheRulesFoundRelevant() {
        ScreeningResult lowBack = rules.screen("""
                { "client": { "age": 40 }, "symptoms": [ { "region": "low_back", "kind": "pain", "nrs": 3, "durationWeeks": 8 } ] }
                """);

        assertThat(pattern(lowBack, "UCS").evidenceMissing())
                .as("no neck evidence, no neck complaint")
                .isEmpty();
        assertThat(pattern(lowBack, "LCS").evidenceMissing())
                .extracting(a -> a.finding())
                .contains("hip_flexors_short");
    }

    private static PatternResult pattern(ScreeningResult result, String code) {
        return result.patterns().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> codes(PatternResult p) {
        return p.missingTests().stream().map(TestResult::code).toList();
    }
}
