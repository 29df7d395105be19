package io.crosscheck.authoring.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One clinical scenario as data ({@code rules/scenarios/*.yaml}): a screening request and what
 * the knowledge base must conclude from it.
 *
 * @param file  path of the scenario file (set by the loader)
 * @param title what the scenario shows
 */
public record Scenario(String file, String title, String source, JsonNode request, Expect expect) {

    public Scenario withFile(String path) {
        return new Scenario(path, title, source, request, expect);
    }

    /**
     * What must hold. Every field is optional; an empty expectation checks nothing, so the loader
     * rejects scenarios that expect nothing.
     *
     * @param patterns       pattern code -> status (consistent / partial / insufficient)
     * @param referral       none, emergency, urgent or soon
     * @param interventions  ids that must / must not be recommended
     * @param noExercise     true: no exercise intervention may be recommended
     * @param explanation    entries the derivation graph must contain
     * @param missingTests   pattern code -> tests the why-not explanation must name
     * @param absent         entries the derivation graph must NOT contain (same matching as explanation)
     * @param subtypes       pattern code -> subtype codes that must be concluded (an empty list: none)
     * @param precautions    precaution codes that must be concluded (an empty list: none)
     * @param rejectedFields the request must be rejected, naming at least these fields
     * @param redFlagScreen  complete, incomplete or positive
     * @param unanswered     red-flag codes the screen must list as unanswered (an empty list: none at all)
     * @param plan           final, provisional or withheld (the summary's plan status)
     * @param firstIntervention the id the plan must start with
     * @param withheld       intervention ids that must be withheld (listed under withheld, not recommended)
     * @param notMissingTests pattern code -> tests the why-not explanation must NOT name (an empty list: none at all)
     * @param healthScreen   complete, incomplete or positive (the pre-exercise health screen)
     * @param healthUnanswered health-screen question codes that must be listed as unanswered (an empty list: none at all)
     * @param considerations health-screen consideration codes that must be concluded (an empty list: none at all)
     * @param dependsOn      intervention id -> health-screen question codes it must be marked as depending on (an
     *     empty list: on none)
     */
    public record Expect(
            Map<String, String> patterns,
            String referral,
            Interventions interventions,
            Boolean noExercise,
            List<ExplanationEntry> explanation,
            List<ExplanationEntry> absent,
            Map<String, List<String>> subtypes,
            List<String> precautions,
            Map<String, List<String>> missingTests,
            List<String> rejectedFields,
            String redFlagScreen,
            List<String> unanswered,
            String plan,
            String firstIntervention,
            List<String> withheld,
            Map<String, List<String>> notMissingTests,
            String healthScreen,
            List<String> healthUnanswered,
            List<String> considerations,
            Map<String, List<String>> dependsOn) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isEmpty() {
            return (patterns == null || patterns.isEmpty())
                    && referral == null
                    && interventions == null
                    && noExercise == null
                    && (explanation == null || explanation.isEmpty())
                    && (absent == null || absent.isEmpty())
                    && subtypes == null
                    && precautions == null
                    && (missingTests == null || missingTests.isEmpty())
                    && (rejectedFields == null || rejectedFields.isEmpty())
                    && redFlagScreen == null
                    && unanswered == null
                    && plan == null
                    && firstIntervention == null
                    && withheld == null
                    && notMissingTests == null
                    && healthScreen == null
                    && healthUnanswered == null
                    && considerations == null
                    && dependsOn == null;
        }
    }

    /** Interventions that must and must not appear. */
    public record Interventions(List<String> include, List<String> exclude) {}

    /**
     * An explanation entry: a conclusion by {@code rule}, optionally one whose statement contains
     * {@code concludes} and whose matched facts include all of {@code matched}.
     */
    public record ExplanationEntry(String rule, String concludes, List<String> matched) {}
}
