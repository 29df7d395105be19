package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.authoring.sandbox.UntrustedCandidates;
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
import io.crosscheck.screening.store.ScreeningPages;
import io.crosscheck.screening.store.ScreeningQuery;
import io.crosscheck.screening.store.StoredScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Replays stored screenings and the scenario suite under a candidate knowledge base, in the
 * background on the Quarkus-managed executor. The candidate is compiled when the replay is requested
 * (so a compile error is an immediate 422), kept apart from the knowledge base that serves
 * screenings, and released from the KieRepository when the replay ends. Stored screenings are only
 * read, a page at a time, through the same query as the command line ({@link ScreeningQuery}).
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
    private final UntrustedCandidates untrusted;
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
            UntrustedCandidates untrusted,
            Event<AuditEvent> audit) {
        this.untrusted = untrusted;
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

    private ReplayJob start(ReplayRequest request, KnowledgeSource candidateSource, String clinic) {
        if (pending.incrementAndGet() > config.maxPending()) {
            pending.decrementAndGet();
            throw new ReplayCapacityExceeded(config.maxPending());
        }
        KnowledgeBase candidate;
        try {
            candidate = compile(candidateSource);
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        // a lease keeps the current knowledge base alive for the whole replay, even across reloads
        KnowledgeBaseService.Lease lease = knowledgeBases.acquire();
        RunningReplay job =
                jobs.start(clock.instant(), candidateSource.origin(), candidate.version(), request.filter(), clinic);
        audit.fire(new AuditEvent(
                AuditEvent.KB_REPLAY, job.id, candidate.version(), "candidate " + candidateSource.origin()));
        LOG.infof(
                "Replay %s started: candidate %s from %s against current %s",
                job.id,
                candidate.version(),
                candidate.source().origin(),
                lease.knowledgeBase().version());
        try {
            executor.execute(() -> run(job, lease, candidate));
        } catch (RejectedExecutionException e) {
            end(lease, candidate);
            jobs.finish(job, null, "the service is shutting down", clock.instant());
        }
        return job.view();
    }

    private void run(RunningReplay job, KnowledgeBaseService.Lease lease, KnowledgeBase candidate) {
        try {
            job.total = withConnection(c -> new ScreeningQuery(c, job.filter, job.startedAt, job.clinic).count());
            ScreeningPages rows = new ScreeningPages((after, limit) -> page(job, after, limit), config.batchSize());
            ReplayReport report = engine.replay(
                    lease.knowledgeBase(), candidate, job.filter, job.startedAt, rows, new ReplayEngine.Listener() {
                        @Override
                        public void screening(ReplayOutcome outcome) {
                            job.processed.incrementAndGet();
                        }
                    });
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
            end(lease, candidate);
        }
    }

    private void end(KnowledgeBaseService.Lease lease, KnowledgeBase candidate) {
        lease.close();
        builder.release(candidate);
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

    private KnowledgeBase compile(KnowledgeSource source) {
        try {
            return untrusted.compileForReplay(source);
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
}
