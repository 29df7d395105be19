package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.authoring.sandbox.SandboxConfig;
import io.crosscheck.authoring.service.CandidateSources;
import io.crosscheck.authoring.service.UploadAudit;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.ScreeningPages;
import io.crosscheck.screening.store.ScreeningQuery;
import io.crosscheck.screening.store.StoredScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Replays stored screenings and the scenario suite under a candidate knowledge base, in the
 * background on the Quarkus-managed executor. The candidate is compiled when the replay is requested
 * (so a compile error is an immediate 422) and run in a process of its own ({@link SandboxedReplay},
 * docs/adr/0007), never in the service; only with the sandbox off is it compiled here, kept apart from
 * the knowledge base that serves screenings and released when the replay ends. Stored screenings are
 * only read, a page at a time, through the same query as the command line ({@link ScreeningQuery}).
 */
@ApplicationScoped
public class ReplayService {
    private static final Logger LOG = Logger.getLogger(ReplayService.class);

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeConfig knowledgeConfig;
    private final ReplayConfig config;
    private final ReplayJobs jobs;
    private final ReplayEngine engine;
    private final KnowledgeBaseBuilder builder;
    private final JsonBodyReader<ReplayRequest> requests;
    private final DataSource dataSource;
    private final ManagedExecutor executor;
    private final Event<AuditEvent> audit;
    private final CandidateSources candidates;
    private final UploadAudit uploads;
    private final SandboxConfig sandbox;
    private final SandboxedReplay sandboxed;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger pending = new AtomicInteger();

    ReplayService(
            KnowledgeBaseService knowledgeBases,
            KnowledgeConfig knowledgeConfig,
            ReplayConfig config,
            ReplayJobs jobs,
            ReplayEngine engine,
            KnowledgeBaseBuilder builder,
            ObjectMapper mapper,
            Validator validator,
            DataSource dataSource,
            ManagedExecutor executor,
            CandidateSources candidates,
            UploadAudit uploads,
            SandboxConfig sandbox,
            SandboxedReplay sandboxed,
            Event<AuditEvent> audit) {
        this.sandbox = sandbox;
        this.sandboxed = sandboxed;
        this.audit = audit;
        this.uploads = uploads;
        this.candidates = candidates;
        this.knowledgeBases = knowledgeBases;
        this.knowledgeConfig = knowledgeConfig;
        this.config = config;
        this.jobs = jobs;
        this.engine = engine;
        this.builder = builder;
        this.requests = new JsonBodyReader<>(ReplayRequest.class, mapper, validator);
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /**
     * Reads and validates the request body (its Bean Validation constraints, once), compiles the
     * candidate and starts the replay.
     *
     * @throws InvalidRequestException 400 for an unreadable body, 422 naming the field for bad values or a
     *                                 candidate that does not compile ({@code file:line:column} problems)
     * @throws ReplayCapacityExceeded  when {@code max-pending} replays are already waiting or running
     */
    public ReplayJob start(String body, String clinic) {
        ReplayRequest request = requests.read(body);
        if (request.candidateVersion() == null) {
            throw new InvalidRequestException(
                    422,
                    List.of(
                            new FieldError(
                                    "/candidateVersion",
                                    "is required: a knowledge-base version from the registry (or POST a zip archive as application/zip)")));
        }
        return start(request, candidates.version(request.candidateVersion(), "/candidateVersion"), clinic);
    }

    /**
     * Starts a replay under an uploaded archive of a rules directory; the filter (from query parameters)
     * is validated before the archive is unpacked.
     */
    public ReplayJob startArchive(ReplayRequest filter, byte[] archive, String clinic) {
        requests.validate(filter);
        return start(filter, uploads.archive(archive, UploadAudit.Door.REPLAY), clinic);
    }

    /** Starts a replay of a candidate derived in the service (a rule switched off: {@link RuleImpacts}). */
    ReplayJob startDerived(ReplayRequest filter, KnowledgeSource candidate, String clinic) {
        requests.validate(filter);
        return start(filter, candidate, clinic);
    }

    private ReplayJob start(ReplayRequest request, KnowledgeSource candidateSource, String clinic) {
        if (pending.incrementAndGet() > config.maxPending()) {
            pending.decrementAndGet();
            throw new ReplayCapacityExceeded(config.maxPending());
        }
        Instant startedAt = clock.instant();
        // a lease keeps the current knowledge base alive for the whole replay, even across reloads
        KnowledgeBaseService.Lease lease = knowledgeBases.acquire();
        Prepared prepared;
        long total;
        try {
            total = withConnection(c -> new ScreeningQuery(c, request.filter(), startedAt, clinic).count());
            prepared = prepare(lease.knowledgeBase(), candidateSource, request.filter(), startedAt, total);
        } catch (RuntimeException e) {
            lease.close();
            pending.decrementAndGet();
            throw e;
        }
        RunningReplay job =
                jobs.start(startedAt, candidateSource.origin(), prepared.version(), request.filter(), clinic);
        audit.fire(new AuditEvent(
                AuditEvent.KB_REPLAY, job.id, prepared.version(), "candidate " + candidateSource.origin()));
        LOG.infof(
                "Replay %s started: candidate %s from %s against current %s (%s)",
                job.id,
                prepared.version(),
                candidateSource.origin(),
                lease.knowledgeBase().version(),
                sandbox.enabled() ? "in a separate process" : "in the service");
        try {
            executor.execute(() -> run(job, total, lease, prepared));
        } catch (RejectedExecutionException e) {
            end(lease, prepared);
            jobs.finish(job, null, "the service is shutting down", clock.instant());
        }
        return job.view();
    }

    /** A replay whose candidate compiled, ready to go through the stored screenings once. */
    private interface Prepared {
        String version();

        ReplayReport run(Iterator<StoredScreening> screenings, LongConsumer processed);

        void close();
    }

    /**
     * Compiles the candidate: in the replay's own process (which then runs it), or here with the sandbox off.
     *
     * @throws InvalidRequestException 422 with the candidate's problems at file:line:column
     */
    private Prepared prepare(
            KnowledgeBase current, KnowledgeSource source, ScreeningFilter filter, Instant startedAt, long total) {
        try {
            if (sandbox.enabled()) {
                SandboxedReplay.Child child = sandboxed.start(current.source(), source, filter, startedAt, total);
                return new Prepared() {
                    public String version() {
                        return source.contentHash();
                    }

                    public ReplayReport run(Iterator<StoredScreening> screenings, LongConsumer processed) {
                        return child.replay(screenings, processed);
                    }

                    public void close() {
                        child.close();
                    }
                };
            }
            KnowledgeBase candidate = builder.build(source);
            return new Prepared() {
                public String version() {
                    return candidate.version();
                }

                public ReplayReport run(Iterator<StoredScreening> screenings, LongConsumer processed) {
                    return engine.replay(
                            current, candidate, filter, startedAt, screenings, new ReplayEngine.Listener() {
                                private long count;

                                @Override
                                public void screening(ReplayOutcome outcome) {
                                    processed.accept(++count);
                                }
                            });
                }

                public void close() {
                    builder.release(candidate);
                }
            };
        } catch (KnowledgeBaseException e) {
            uploads.rejected(
                    UploadAudit.Door.REPLAY, source.contentHash(), e.problems().size());
            throw new InvalidRequestException(
                    422,
                    e.problems().stream()
                            .map(p -> new FieldError("/candidate", p.toString()))
                            .toList());
        }
    }

    private void run(RunningReplay job, long total, KnowledgeBaseService.Lease lease, Prepared prepared) {
        try {
            job.total = total;
            ScreeningPages rows = new ScreeningPages((after, limit) -> page(job, after, limit), config.batchSize());
            ReplayReport report = prepared.run(rows, job.processed::set);
            jobs.finish(job, report, null, clock.instant());
            LOG.infof(
                    "Replay %s done: %d screenings, %d changed, %d failed",
                    job.id,
                    report.screenings().evaluated(),
                    report.screenings().changed(),
                    report.screenings().failed());
        } catch (RuntimeException | Error e) {
            LOG.error("Replay " + job.id + " failed", e);
            try {
                jobs.finish(
                        job,
                        null,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        clock.instant());
            } catch (RuntimeException notStored) {
                // the database is away: the job stays running in the table and is marked failed once stale
                LOG.warnf(
                        "Replay %s: its failure could not be stored (%s)",
                        job.id, notStored.getClass().getSimpleName());
            }
        } finally {
            end(lease, prepared);
        }
    }

    private void end(KnowledgeBaseService.Lease lease, Prepared prepared) {
        lease.close();
        prepared.close();
        pending.decrementAndGet();
    }

    /** One page of stored screenings on a pooled connection of its own. */
    private List<StoredScreening> page(RunningReplay job, StoredScreening after, int limit) {
        return withConnection(c -> new ScreeningQuery(c, job.filter, job.startedAt, job.clinic).page(after, limit));
    }

    private interface Sql<T> {
        T run(Connection connection);
    }

    private <T> T withConnection(Sql<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored screenings: " + e.getMessage(), e);
        }
    }
}
