package io.crosscheck.authoring.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.model.ReplayReport.Kind;
import io.crosscheck.authoring.replay.service.ReplayEngine;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.GeneratedRequests;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact report misses nothing (issue 24): the three changes a clinical lead tried (a dose, a new precaution
 * rule, a threshold) and a deleted scenario, each replayed over stored screenings whose expected differences are
 * worked out from their results under the shipped rules. Before, the first two replayed as "0 changed" and the
 * threshold change counted only the screenings whose pattern status moved.
 */
class ImpactReportTest {

    @TempDir
    static Path tmp;

    static final List<StoredScreening> ROWS = new ArrayList<>();
    static final Map<String, ScreeningResult> NOW = new java.util.HashMap<>();
    static final int WEAK_LEG = 3;
    static final List<Double> ANGLES = List.of(45.0, 47.0, 48.0, 48.5, 49.0, 49.9, 50.0, 55.0);

    private final ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
    private final ReplayEngine engine =
            new ReplayEngine(evaluator, new ScenarioSuite(evaluator), 500, Clock.systemUTC());

    @BeforeAll
    static void storedScreenings() throws IOException {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<String> bodies = new ArrayList<>(GeneratedRequests.generate(20261205L, 150));
        for (int i = 0; i < WEAK_LEG; i++) {
            bodies.add(Requests.ARTICLE_DESK_WORKER.replace(
                    "{ \"code\": \"progressive_leg_weakness\", \"present\": false }",
                    "{ \"code\": \"progressive_leg_weakness\", \"present\": true }"));
        }
        for (double angle : ANGLES) {
            ObjectNode r = (ObjectNode) RuleHarness.JSON.readTree(Requests.ARTICLE_DESK_WORKER);
            ((ArrayNode) r.get("observations"))
                    .addObject()
                    .put("code", "craniovertebral_angle")
                    .putObject("measurement")
                    .put("value", angle)
                    .put("unit", "deg");
            bodies.add(r.toString());
        }
        for (String body : bodies) {
            StoredScreening row = new StoredScreening(UUID.randomUUID(), t = t.plusSeconds(60), "impact", body);
            ROWS.add(row);
            NOW.put(row.id().toString(), RuleHarness.shipped().screen(body));
        }
    }

    private ReplayReport replay(Path candidateRules) {
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase candidate = RuleHarness.build(candidateRules, Path.of("kb-docs"));
        try {
            return engine.replay(
                    RuleHarness.shipped().knowledgeBase(),
                    candidate,
                    ScreeningFilter.ALL,
                    Instant.now(),
                    ROWS.iterator(),
                    ReplayEngine.Listener.NONE);
        } finally {
            builder.release(candidate);
        }
    }

    private static Set<String> idsWhere(java.util.function.Predicate<ScreeningResult> test) {
        return NOW.entrySet().stream()
                .filter(e -> test.test(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Test
    void aDoseChangeIsReportedForEveryStoredPlanWithThatExerciseInClinicalWords() {
        Path rules = Candidates.copyOfRules(tmp.resolve("dose"));
        Candidates.edit(
                rules.resolve("reference/interventions.yaml"),
                text -> text.replace(
                        "dose: \"Static 10-30 s, 2-4 repetitions (about 60 s per muscle)",
                        "dose: \"Static 30-60 s, 2-4 repetitions (about 120 s per muscle)"));
        Set<String> withStretch = idsWhere(r -> r.interventions() != null
                && r.interventions().stream().anyMatch(i -> i.id().equals("hip_flexor_stretch")));
        assertThat(withStretch).as("stored plans with the hip-flexor stretch").isNotEmpty();

        ReplayReport report = replay(rules);

        Kind dose = report.screenings().changes().get("dose changed hip_flexor_stretch");
        assertThat(dose).as(report.toText()).isNotNull();
        assertThat(dose.count()).isEqualTo(withStretch.size());
        assertThat(Set.copyOf(dose.examples())).isEqualTo(withStretch);
        assertThat(dose.label())
                .startsWith("Hip-flexor stretch")
                .contains("Static 10-30 s")
                .contains("Static 30-60 s");
        assertThat(dose.rules()).isNotEmpty();
        assertThat(report.screenings().changed()).isEqualTo(withStretch.size());
        assertThat(report.screenings().changes().keySet()).containsExactly("dose changed hip_flexor_stretch");
    }

    @Test
    void aNewPrecautionRuleIsReportedForEveryStoredScreeningThatGainsItWithTheRuleThatConcludesIt() {
        Path rules = Candidates.copyOfRules(tmp.resolve("precaution"));
        Candidates.edit(rules.resolve("plan/precautions.drl"), text -> text + """

                rule "PRE-901: Long sitting asks for a standing break every half hour"
                    @id("PRE-901") @version("1")
                    ruleflow-group "plan"
                when
                    $c : Contributor( code == "prolonged_sitting" )
                    not Precaution( code == "sitting_breaks" )
                    not Referral()
                then
                    insert( new Precaution( "sitting_breaks", "long sitting: stand up and move every 30 minutes" ) );
                end
                """);
        ReplayReport report = replay(rules);

        Kind added = report.screenings().changes().get("precaution added sitting_breaks");
        assertThat(added).as(report.toText()).isNotNull();
        Set<String> gained = idsWhere(r -> r.contributors() != null
                && r.contributors().stream().anyMatch(c -> c.toLowerCase().contains("sitting"))
                && (r.redFlags() == null || !r.redFlags().referral()));
        assertThat(added.count()).isPositive().isEqualTo(report.screenings().changed());
        assertThat(added.rules()).containsExactly("PRE-901");
        assertThat(added.label()).isEqualTo("Precaution added: long sitting: stand up and move every 30 minutes");
        assertThat(gained).containsAll(added.examples());
    }

    @Test
    void aThresholdChangeCountsEveryScreeningThatLosesTheFindingNotOnlyThoseWhosePatternMoves() {
        Path rules = Candidates.copyOfRules(tmp.resolve("cva"));
        Candidates.edit(
                rules.resolve("reference/thresholds.yaml"),
                text -> text.replace(
                        "{ id: cva_forward_head, label: craniovertebral angle, comparator: \"<\", value: 50,",
                        "{ id: cva_forward_head, label: craniovertebral angle, comparator: \"<\", value: 48,"));
        ReplayReport report = replay(rules);

        Set<String> between = new java.util.HashSet<>();
        int first = ROWS.size() - ANGLES.size();
        for (int i = 0; i < ANGLES.size(); i++) {
            if (ANGLES.get(i) >= 48 && ANGLES.get(i) < 50) {
                between.add(ROWS.get(first + i).id().toString());
            }
        }
        Kind lost = report.screenings().changes().get("finding removed forward_head");
        assertThat(lost).as(report.toText()).isNotNull();
        assertThat(Set.copyOf(lost.examples())).isEqualTo(between);
        assertThat(lost.label()).isEqualTo("Finding removed: forward head posture");
        assertThat(lost.rules()).isNotEmpty();
        assertThat(lost.because()).isNotBlank();
        assertThat(report.screenings().changed()).isEqualTo(between.size());
    }

    @Test
    void aDeletedScenarioIsReportedAsAScenarioRemovedNotAsAChangedConclusion() throws IOException {
        Path rules = Candidates.copyOfRules(tmp.resolve("scenario"));
        Files.delete(rules.resolve("scenarios/boundary-cva-50-not-forward-head.yaml"));
        ReplayReport report = replay(rules);

        assertThat(report.screenings().changed()).isZero();
        assertThat(report.scenarios().changes()).containsOnlyKeys("scenario removed");
        Kind removed = report.scenarios().changes().get("scenario removed");
        assertThat(removed.examples()).containsExactly("rules/scenarios/boundary-cva-50-not-forward-head.yaml");
        assertThat(removed.label()).startsWith("Scenario removed: ");
    }

    @Test
    void anUrgencyChangeNamesTheAnswersTheReferralRestsOn() {
        Path rules = Candidates.copyOfRules(tmp.resolve("urgency"));
        Candidates.edit(
                rules.resolve("reference/red-flags.yaml"),
                text -> text.replace(
                        "  - code: progressive_neurological_deficit\n    label: a progressive nerve-root deficit "
                                + "(radiculopathy with progressive weakness, e.g. foot drop)\n    urgency: urgent",
                        "  - code: progressive_neurological_deficit\n    label: a progressive nerve-root deficit "
                                + "(radiculopathy with progressive weakness, e.g. foot drop)\n    urgency: emergency"));
        Set<String> weak = idsWhere(r -> r.redFlags() != null
                && r.redFlags().referrals() != null
                && r.redFlags().referrals().stream()
                        .anyMatch(f -> f.domain().equals("progressive_neurological_deficit")));
        assertThat(weak).hasSizeGreaterThanOrEqualTo(WEAK_LEG);

        ReplayReport report = replay(rules);

        Kind urgency = report.screenings().changes().get("referral urgent->emergency");
        assertThat(urgency).as(report.toText()).isNotNull();
        assertThat(Set.copyOf(urgency.examples())).isEqualTo(weak);
        assertThat(urgency.rules()).isNotEmpty();
        assertThat(urgency.because()).containsIgnoringCase("leg weakness");
        assertThat(report.screenings().changes().get("referral changed progressive_neurological_deficit"))
                .isNotNull();
        assertThat(report.screenings().changed()).isEqualTo(weak.size());
    }
}
