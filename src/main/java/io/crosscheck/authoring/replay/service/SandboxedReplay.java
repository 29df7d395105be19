package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.sandbox.SandboxConfig;
import io.crosscheck.authoring.sandbox.SandboxProcess;
import io.crosscheck.authoring.sandbox.SandboxSession;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs a replay in a process of its own ({@link ReplayProcessMain}), through the candidate sandbox's
 * launcher and confinement (docs/adr/0007): the candidate is compiled and run there, never in the service.
 * The service sends both knowledge bases' files, waits (at most the sandbox's check timeout) for the
 * candidate to compile, then streams the stored requests, each without its client reference, and reads
 * back progress and the report. The process is killed at {@code crosscheck.replay.timeout}.
 */
@ApplicationScoped
public class SandboxedReplay {

    private final SandboxProcess launcher;
    private final Duration compileTimeout;
    private final Duration replayTimeout;
    private final int maxFirings;
    private final int examplesPerKind;
    private final long optimisingFrom;
    private final ObjectMapper json = Json.newMapper();
    /** Whose cached compiled modules the process is handed (null: none, both are compiled there). */
    private final KnowledgeBaseBuilder modules;

    @Inject
    SandboxedReplay(
            SandboxConfig sandbox, ReplayConfig replay, KnowledgeConfig knowledge, KnowledgeBaseBuilder builder) {
        this(
                new SandboxProcess(
                        ReplayProcessMain.class.getName(),
                        sandbox.timeout(),
                        sandbox.maxHeap(),
                        sandbox.maxOutputBytes()),
                sandbox.timeout(),
                replay.timeout(),
                knowledge.maxFiringsPerSession(),
                replay.examplesPerChange(),
                replay.optimisingCompilerFrom(),
                builder);
    }

    /**
     * For the command line ({@code bin/crosscheck replay --candidate-version}), which has no configuration: the
     * service's default limits (a 120 s compile, a 1 h replay, a 384 MB heap, 4 MB of answers); the process is handed
     * the compiled modules {@code modules} (a builder with a module cache) holds for the two rule sets, none if null.
     */
    public static SandboxedReplay forCommandLine(int maxFirings, int examplesPerKind, KnowledgeBaseBuilder modules) {
        Duration compile = Duration.ofSeconds(120);
        return new SandboxedReplay(
                new SandboxProcess(ReplayProcessMain.class.getName(), compile, "384m", 4 * 1024 * 1024),
                compile,
                Duration.ofHours(1),
                maxFirings,
                examplesPerKind,
                Long.parseLong(ReplayConfig.OPTIMISING_COMPILER_FROM),
                modules);
    }

    /** With its own launcher and limits: tests ({@code modules} null: the process compiles both rule sets). */
    SandboxedReplay(
            SandboxProcess launcher,
            Duration compileTimeout,
            Duration replayTimeout,
            int maxFirings,
            int examplesPerKind,
            long optimisingFrom,
            KnowledgeBaseBuilder modules) {
        this.modules = modules;
        this.optimisingFrom = optimisingFrom;
        this.launcher = launcher;
        this.compileTimeout = compileTimeout;
        this.replayTimeout = replayTimeout;
        this.maxFirings = maxFirings;
        this.examplesPerKind = examplesPerKind;
    }

    /**
     * Starts the replay's process and waits until it has compiled both knowledge bases.
     *
     * @param screenings how many stored screenings the replay will send (chooses the process's compiler)
     *
     * @throws KnowledgeBaseException with the candidate's problems ({@code file:line:column}) when it does not
     *                                compile, or one problem when the process did not say in time
     */
    public Child start(
            KnowledgeSource current,
            KnowledgeSource candidate,
            ScreeningFilter filter,
            Instant startedAt,
            long screenings) {
        String version = candidate.contentHash();
        SandboxSession session;
        try {
            session = launcher.start(List.of(), replayTimeout, optimising(screenings));
        } catch (IOException e) {
            throw refused("cannot start the replay's process: " + e.getMessage());
        }
        Child child = new Child(session, filter);
        try {
            child.start(new ReplayChannel.Start(
                    ReplayChannel.Files.of(current),
                    ReplayChannel.Files.of(candidate),
                    maxFirings,
                    examplesPerKind,
                    new ScreeningFilter(filter.from(), filter.to(), null),
                    startedAt,
                    modules == null ? Map.of() : modules.cachedModules(List.of(current, candidate))));
            ReplayChannel.Answer compiled = child.next(compileTimeout);
            if (compiled == null || compiled.problems() == null) {
                throw refused(child.why(
                        compiled, "did not compile the candidate within " + compileTimeout.toSeconds() + " s"));
            }
            if (!version.equals(compiled.version())) {
                throw refused("the replay's process answered for another candidate");
            }
            if (!compiled.problems().isEmpty()) {
                throw new KnowledgeBaseException(compiled.problems());
            }
            return child;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /** Whether a replay of this many screenings pays back C2's longer compile (bench/replay-child.md). */
    boolean optimising(long screenings) {
        return screenings >= optimisingFrom;
    }

    private static KnowledgeBaseException refused(String why) {
        return new KnowledgeBaseException(List.of(new KnowledgeProblem("rules/", 0, 0, why)));
    }

    /** A replay's process whose candidate compiled: stream the stored screenings through it once. */
    public final class Child implements AutoCloseable {
        private static final ReplayChannel.Answer ENDED = ReplayChannel.Answer.failed("ended");

        private final SandboxSession session;
        private final ScreeningFilter filter;
        private final Writer in;
        private final BlockingQueue<ReplayChannel.Answer> answers = new LinkedBlockingQueue<>();
        private volatile LongConsumer progress = n -> {};
        private volatile String unreadable;

        private Child(SandboxSession session, ScreeningFilter filter) {
            this.session = session;
            this.filter = filter;
            this.in = new BufferedWriter(new OutputStreamWriter(session.stdin(), StandardCharsets.UTF_8), 1 << 16);
            Thread reader = new Thread(this::read, "replay-answers");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * Sends every stored screening (its request without the client reference), then waits for the report.
         *
         * @param progress told the number of screenings evaluated so far, as the process reports it
         * @throws IllegalStateException when the process ends without a report (why in the message)
         */
        public ReplayReport replay(Iterator<StoredScreening> screenings, LongConsumer progress) {
            this.progress = progress;
            try {
                while (screenings.hasNext()) {
                    StoredScreening s = screenings.next();
                    send(ReplayChannel.Row.of(s, json));
                }
                in.close();
            } catch (IOException gone) {
                // the process ended early: its answer (or its absence) says why
            }
            ReplayChannel.Answer answer;
            try {
                answer = answers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay was interrupted");
            }
            if (answer.report() == null) {
                throw new IllegalStateException(why(answer, "ended without a report"));
            }
            ReplayReport r = answer.report();
            return new ReplayReport(
                    r.knowledgeBases(),
                    filter,
                    r.startedAt(),
                    r.durationMillis(),
                    r.screenings(),
                    r.scenarios(),
                    r.scenarioExpectationsNotMet());
        }

        private void start(ReplayChannel.Start start) {
            try {
                send(start);
            } catch (IOException gone) {
                // the process ended at once: the wait for its answer says why
            }
        }

        private void send(Object line) throws IOException {
            in.write(json.writeValueAsString(line));
            in.write('\n');
        }

        private ReplayChannel.Answer next(Duration timeout) {
            try {
                in.flush();
                return answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException gone) {
                return answers.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /**
         * Why the process gave no usable answer, in words for the author: its own error, or how it ended (never
         * its stderr, which the candidate writes and could fill with what it was sent).
         */
        private String why(ReplayChannel.Answer answer, String otherwise) {
            if (answer != null && answer != ENDED && answer.error() != null) {
                return answer.error();
            }
            String how = session.timedOut()
                    ? "did not finish within " + session.deadline().toSeconds() + " s"
                    : session.overflowed()
                            ? "answered more than its bound"
                            : unreadable != null ? unreadable : answer == null ? otherwise : "ended without answering";
            return "the replay's process " + how;
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(session.stdout(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    ReplayChannel.Answer a = json.readValue(line, ReplayChannel.Answer.class);
                    if (a.processed() != null) {
                        progress.accept(a.processed());
                    } else {
                        answers.add(a);
                    }
                }
            } catch (IOException e) {
                unreadable = "gave an unreadable answer";
                session.close();
            } finally {
                answers.add(ENDED);
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
