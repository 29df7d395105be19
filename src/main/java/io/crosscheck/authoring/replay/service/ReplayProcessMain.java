package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.sandbox.SandboxConfinement;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.store.StoredScreening;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * A replay in a process of its own (docs/adr/0007): a plain {@code main} (no Quarkus, no CDI, no database,
 * no secret) that the service starts through the candidate sandbox's launcher ({@link SandboxedReplay}). It
 * reads the two knowledge bases' files, compiles both (interpreted DRL, nothing cached; a knowledge base whose
 * rules match a compiled module the service handed over is loaded from it instead), answers whether
 * the candidate compiled, then evaluates each stored request it is sent under both through the service's
 * evaluation path ({@link ReplayEngine} on {@link ScreeningEvaluator#standalone}) and answers its progress
 * and, at the end of its input, the report ({@link ReplayChannel}). Whatever the candidate's rules do while
 * compiled and run against stored screenings happens here, confined like the candidate check.
 */
public final class ReplayProcessMain {

    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private ReplayProcessMain() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = Json.newMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        ReplayChannel.Start start = json.readValue(in.readLine(), ReplayChannel.Start.class);
        OutputStream out = SandboxConfinement.confine(args);
        Answers answers = new Answers(out, json);
        try {
            replay(start, in, answers, json);
        } catch (RuntimeException | LinkageError e) {
            answers.send(ReplayChannel.Answer.failed(
                    "the replay failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null
                                    ? ""
                                    : ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
        out.flush();
        System.exit(0);
    }

    private static void replay(ReplayChannel.Start start, BufferedReader in, Answers answers, ObjectMapper json) {
        KnowledgeBaseBuilder builder = KnowledgeBaseBuilder.handed(Clock.systemUTC(), start.modulesOrEmpty());
        KnowledgeSource candidateSource = start.candidate().source();
        KnowledgeBase candidate;
        try {
            candidate = builder.build(candidateSource);
        } catch (KnowledgeBaseException e) {
            answers.send(ReplayChannel.Answer.compiled(candidateSource.contentHash(), e.problems()));
            return;
        }
        KnowledgeBase current = builder.build(start.current().source());
        answers.send(ReplayChannel.Answer.compiled(candidate.version(), List.of()));

        ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(start.maxFirings());
        ReplayEngine engine =
                new ReplayEngine(evaluator, new ScenarioSuite(evaluator), start.examplesPerKind(), Clock.systemUTC());
        ReplayReport report = engine.replay(
                current, candidate, start.filter(), start.startedAt(), new Rows(in, json), new ReplayEngine.Listener() {
                    private long processed;
                    private long sentAt = System.nanoTime();

                    @Override
                    public void screening(ReplayOutcome outcome) {
                        processed++;
                        if (System.nanoTime() - sentAt >= PROGRESS_EVERY_NANOS) {
                            answers.send(ReplayChannel.Answer.progress(processed));
                            sentAt = System.nanoTime();
                        }
                    }
                });
        answers.send(ReplayChannel.Answer.progress(report.screenings().evaluated()));
        answers.send(ReplayChannel.Answer.done(report));
    }

    /** The stored requests, one line each, read as the engine asks for them. */
    private static final class Rows implements Iterator<StoredScreening> {
        private final BufferedReader in;
        private final ObjectMapper json;
        private String line;

        Rows(BufferedReader in, ObjectMapper json) {
            this.in = in;
            this.json = json;
        }

        @Override
        public boolean hasNext() {
            try {
                if (line == null) {
                    line = in.readLine();
                }
                return line != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public StoredScreening next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                ReplayChannel.Row row = json.readValue(line, ReplayChannel.Row.class);
                return new StoredScreening(UUID.fromString(row.id()), null, null, row.request());
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable row from the service", e);
            } finally {
                line = null;
            }
        }
    }

    /** Answers to the service, one line each. */
    private record Answers(OutputStream out, ObjectMapper json) {
        void send(ReplayChannel.Answer answer) {
            try {
                out.write(json.writeValueAsBytes(answer));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the service stopped listening", e);
            }
        }
    }
}
