package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.model.ReplayReport.KnowledgeBaseRef;
import io.crosscheck.authoring.replay.model.ScreeningDiff;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioOutcome;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The core of a replay, with no CDI and no database: re-evaluates stored requests and the scenario
 * suite under the current and the candidate knowledge base and tallies what changes. The API
 * ({@link ReplayService}) and the command line ({@code ReplayCommand}) both feed it, so both produce
 * the same report. Requests are read and
 * evaluated by {@link ScreeningEvaluator}, exactly as a new screening would be; nothing is written.
 */
public final class ReplayEngine {

    /** Receives every outcome as it is produced: progress for the API, per-screening detail for tests. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void screening(ReplayOutcome outcome) {}

        default void scenario(ReplayOutcome outcome) {}
    }

    /** Stored screenings read ahead and evaluated together. */
    static final int BATCH = 64;

    private final ScreeningEvaluator evaluator;
    private final ScenarioSuite suite;
    private final int examplesPerKind;
    private final Clock clock;

    /** @param evaluator the service's evaluation path; the suite must run on the same one */
    public ReplayEngine(ScreeningEvaluator evaluator, ScenarioSuite suite, int examplesPerKind, Clock clock) {
        this.evaluator = evaluator;
        this.suite = suite;
        this.examplesPerKind = examplesPerKind;
        this.clock = clock;
    }

    /**
     * Replays the given stored screenings (already filtered, in any order; read lazily, {@value #BATCH} at a time, on
     * the calling thread) and then the scenario suites of both knowledge bases.
     *
     * @param startedAt when the caller took its snapshot of the stored screenings (reported)
     */
    public ReplayReport replay(
            KnowledgeBase current,
            KnowledgeBase candidate,
            ScreeningFilter filter,
            Instant startedAt,
            Iterator<StoredScreening> screenings,
            Listener listener) {
        Instant t0 = clock.instant();
        Tally screeningTally = new Tally(examplesPerKind);
        // a batch at a time, its screenings evaluated on the machine's cores and tallied in the order read, so the
        // report (counts and the first examples of each kind) is the same as one after another
        List<StoredScreening> batch = new ArrayList<>(BATCH);
        while (screenings.hasNext()) {
            batch.clear();
            while (batch.size() < BATCH && screenings.hasNext()) {
                batch.add(screenings.next());
            }
            List<ReplayOutcome> outcomes = batch.parallelStream()
                    .map(s -> replayRequest(s.id().toString(), s.requestJson(), current, candidate, false))
                    .toList();
            for (ReplayOutcome outcome : outcomes) {
                screeningTally.add(outcome);
                listener.screening(outcome);
            }
        }

        Tally scenarioTally = new Tally(examplesPerKind);
        List<String> notMet = new ArrayList<>();
        for (Map.Entry<String, Scenario[]> e :
                scenarios(current, candidate, scenarioTally, notMet).entrySet()) {
            Scenario now = e.getValue()[0];
            Scenario proposed = e.getValue()[1];
            ReplayOutcome outcome;
            if (proposed == null) {
                outcome = scenarioChange(e.getKey(), "removed", now);
            } else if (now == null) {
                outcome = scenarioChange(e.getKey(), "added", proposed);
            } else {
                try {
                    outcome = replayRequest(
                            e.getKey(),
                            evaluator.json().writeValueAsString(proposed.request()),
                            current,
                            candidate,
                            true);
                } catch (JsonProcessingException ex) {
                    outcome = ReplayOutcome.failed(e.getKey(), "scenario request cannot be serialised");
                }
                if (!Objects.equals(now.request(), proposed.request())
                        || !Objects.equals(now.expect(), proposed.expect())) {
                    outcome = edited(outcome, proposed);
                }
            }
            scenarioTally.add(outcome);
            listener.scenario(outcome);
            if (proposed != null) {
                expectations(candidate, proposed, notMet);
            }
        }
        return new ReplayReport(
                new ReplayReport.KnowledgeBases(ref(current), ref(candidate)),
                filter,
                startedAt,
                Duration.between(t0, clock.instant()).toMillis(),
                screeningTally.section(),
                scenarioTally.section(),
                notMet);
    }

    /** A scenario file the candidate adds or removes: a change to the suite, not to what the rules conclude. */
    private static ReplayOutcome scenarioChange(String file, String how, Scenario s) {
        return ReplayOutcome.compared(
                file,
                new ScreeningDiff(
                        List.of(new ScreeningDiff.Change(
                                "scenario " + how, "Scenario " + how + ": " + s.title(), List.of(), s.source())),
                        List.of(),
                        List.of()));
    }

    /** A scenario whose request or expectations the candidate edits: that edit is a change of its own. */
    private static ReplayOutcome edited(ReplayOutcome outcome, Scenario s) {
        if (outcome.status() == ReplayOutcome.Status.FAILED) {
            return outcome;
        }
        List<ScreeningDiff.Change> changes = new ArrayList<>();
        changes.add(
                new ScreeningDiff.Change("scenario edited", "Scenario edited: " + s.title(), List.of(), s.source()));
        ScreeningDiff d = outcome.diff();
        if (d != null) {
            changes.addAll(d.changes());
        }
        return ReplayOutcome.compared(
                outcome.subject(),
                new ScreeningDiff(
                        changes, d == null ? List.of() : d.rulesStarted(), d == null ? List.of() : d.rulesStopped()));
    }

    /**
     * Evaluates one request under both knowledge bases and compares the results. A request both
     * reject in the same way is unchanged when {@code rejectionIsAnOutcome} (scenarios that expect a
     * rejection); for stored screenings, which were accepted once, any rejection is a failure.
     */
    ReplayOutcome replayRequest(
            String subject,
            String requestJson,
            KnowledgeBase current,
            KnowledgeBase candidate,
            boolean rejectionIsAnOutcome) {
        ScreeningRequest request;
        try {
            request = evaluator.read(requestJson);
        } catch (InvalidRequestException e) {
            return rejectionIsAnOutcome
                    ? ReplayOutcome.unchanged(subject)
                    : ReplayOutcome.failed(subject, "request no longer readable: " + first(e));
        }
        Evaluation before = evaluate(request, current, "current");
        Evaluation after = evaluate(request, candidate, "candidate");
        if (before.result != null && after.result != null) {
            return ReplayOutcome.compared(subject, ScreeningDiff.between(before.result, after.result));
        }
        if (rejectionIsAnOutcome
                && before.invalid != null
                && after.invalid != null
                && before.invalid.errors().equals(after.invalid.errors())) {
            return ReplayOutcome.unchanged(subject);
        }
        return ReplayOutcome.failed(subject, before.failure != null ? before.failure : after.failure);
    }

    private Evaluation evaluate(ScreeningRequest request, KnowledgeBase kb, String which) {
        try {
            return new Evaluation(evaluator.evaluate(request, kb), null, null);
        } catch (InvalidRequestException e) {
            return new Evaluation(null, e, "invalid under " + which + " knowledge base: " + first(e));
        } catch (RuntimeException e) {
            return new Evaluation(
                    null,
                    null,
                    "error under " + which + " knowledge base: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null
                                    ? ""
                                    : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private record Evaluation(ScreeningResult result, InvalidRequestException invalid, String failure) {}

    /** A kind of failure: the first bad field's message and value, without its position in the request. */
    private static String first(InvalidRequestException e) {
        if (e.errors().isEmpty()) {
            return "invalid request";
        }
        FieldError f = e.errors().get(0);
        return f.message()
                + (f.rejectedValue() == null ? "" : " (" + f.rejectedValue() + ")")
                + (e.errors().size() > 1 ? " and " + (e.errors().size() - 1) + " more" : "");
    }

    /** Scenario file -> [current version, candidate version]; unreadable candidate scenarios are failures. */
    private Map<String, Scenario[]> scenarios(
            KnowledgeBase current, KnowledgeBase candidate, Tally tally, List<String> notMet) {
        Map<String, Scenario[]> byFile = new TreeMap<>();
        for (Scenario s : ScenarioSuite.load(current.source(), new ArrayList<>())) {
            byFile.computeIfAbsent(s.file(), f -> new Scenario[2])[0] = s;
        }
        List<KnowledgeProblem> problems = new ArrayList<>();
        for (Scenario s : ScenarioSuite.load(candidate.source(), problems)) {
            byFile.computeIfAbsent(s.file(), f -> new Scenario[2])[1] = s;
        }
        for (KnowledgeProblem p : problems) {
            tally.add(ReplayOutcome.failed(p.file(), "unreadable scenario in the candidate"));
            notMet.add(p.toString());
        }
        return byFile;
    }

    private void expectations(KnowledgeBase candidate, Scenario s, List<String> notMet) {
        try {
            ScenarioOutcome outcome = suite.run(candidate, s);
            outcome.failures().forEach(f -> notMet.add(s.file() + ": " + f));
        } catch (RuntimeException e) {
            notMet.add(s.file() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static KnowledgeBaseRef ref(KnowledgeBase kb) {
        return new KnowledgeBaseRef(
                kb.version(), kb.source().origin(), kb.rules().size());
    }
}
