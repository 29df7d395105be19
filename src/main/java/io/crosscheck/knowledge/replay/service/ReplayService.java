package io.crosscheck.knowledge.replay.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.model.KnowledgeBaseException;
import io.crosscheck.knowledge.model.KnowledgeSource;
import io.crosscheck.knowledge.replay.config.ReplayConfig;
import io.crosscheck.knowledge.replay.model.ReplayFilter;
import io.crosscheck.knowledge.replay.model.ReplayJob;
import io.crosscheck.knowledge.replay.model.ReplayOutcome;
import io.crosscheck.knowledge.replay.model.ReplayReport;
import io.crosscheck.knowledge.replay.model.ReplayRequest;
import io.crosscheck.knowledge.replay.model.StoredScreening;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.service.ScreeningRequestReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Replays stored screenings and the scenario suite under a candidate knowledge base, in the
 * background. The candidate is compiled when the replay is requested (so a compile error is an
 * immediate 422), kept apart from the knowledge base that serves screenings, and released from the
 * KieRepository when the replay ends. Stored screenings are only read, a page at a time.
 */
@ApplicationScoped
public class ReplayService {
    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    private static final Pattern CLIENT_REF = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeConfig knowledgeConfig;
    private final ReplayConfig config;
    private final ObjectMapper mapper;
    private final ReplayEngine engine;
    private final KnowledgeBaseBuilder builder;
    private final KnowledgeSourceReader sources = new KnowledgeSourceReader();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "crosscheck-replay");
        t.setDaemon(true);
        return t;
    });

    ReplayService(KnowledgeBaseService knowledgeBases, KnowledgeConfig knowledgeConfig, ReplayConfig config,
                  ScreeningRequestReader reader, ObjectMapper mapper) {
        this.knowledgeBases = knowledgeBases;
        this.knowledgeConfig = knowledgeConfig;
        this.config = config;
        this.mapper = mapper;
        this.builder = new KnowledgeBaseBuilder(clock);
        this.engine = new ReplayEngine(reader, mapper, knowledgeConfig.maxFiringsPerSession(), config.examplesPerChange(), clock);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Validates the request, compiles the candidate and starts the replay.
     *
     * @throws InvalidRequestException 400 for unreadable JSON, 422 naming the field for bad values or a
     *                                 candidate that does not compile ({@code file:line:column} problems)
     */
    public ReplayJob start(String body) {
        return start(parse(body));
    }

    /** Validates, compiles the candidate and starts the replay; see {@link #start(String)}. */
    public ReplayJob start(ReplayRequest request) {
        ReplayFilter filter = validate(request);
        Path rulesDir = Path.of(request.candidateRulesDir());
        Path docsDir = Path.of(request.candidateDocsDir() != null ? request.candidateDocsDir() : knowledgeConfig.docsDir());

        if (pending.incrementAndGet() > config.maxPending()) {
            pending.decrementAndGet();
            throw new WebApplicationException(Response.Status.TOO_MANY_REQUESTS);
        }
        KnowledgeBase candidate;
        try {
            candidate = compile(rulesDir, docsDir);
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        // a lease keeps the current knowledge base alive for the whole replay, even across reloads
        KnowledgeBaseService.Lease lease = knowledgeBases.acquire();
        KnowledgeBase current = lease.knowledgeBase();
        Job job = new Job(UUID.randomUUID().toString(), clock.instant(), rulesDir.toString(), docsDir.toString(), filter);
        remember(job);
        LOG.infof("Replay %s started: candidate %s from %s against current %s", job.id, candidate.version(),
                candidate.source().origin(), current.version());
        try {
            worker.submit(() -> run(job, lease, candidate));
        } catch (RejectedExecutionException e) {
            lease.close();
            builder.release(candidate);
            pending.decrementAndGet();
            job.finish(null, "the service is shutting down", clock.instant());
        }
        return job.view();
    }

    public Optional<ReplayJob> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::view);
        }
    }

    private void run(Job job, KnowledgeBaseService.Lease lease, KnowledgeBase candidate) {
        KnowledgeBase current = lease.knowledgeBase();
        try {
            job.total = QuarkusTransaction.requiringNew().call(() -> Screening.count(where(job.filter, job.startedAt, null),
                    parameters(job.filter, job.startedAt, null)));
            Iterator<StoredScreening> rows = new ScreeningPages((after, limit) -> page(job, after, limit), config.batchSize());
            ReplayReport report = engine.replay(current, candidate, job.filter, job.startedAt, rows, new ReplayEngine.Listener() {
                @Override
                public void screening(ReplayOutcome outcome) {
                    job.processed.incrementAndGet();
                }
            });
            job.finish(report, null, clock.instant());
            LOG.infof("Replay %s done: %d screenings, %d changed, %d failed", job.id, report.screenings().evaluated(),
                    report.screenings().changed(), report.screenings().failed());
        } catch (RuntimeException | Error e) {
            LOG.error("Replay " + job.id + " failed", e);
            job.finish(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), clock.instant());
        } finally {
            lease.close();
            builder.release(candidate);
            pending.decrementAndGet();
        }
    }

    /** One page of stored screenings, in its own short transaction; only the columns a replay needs. */
    private List<StoredScreening> page(Job job, StoredScreening after, int limit) {
        return QuarkusTransaction.requiringNew().call(() ->
                Screening.find(where(job.filter, job.startedAt, after), Sort.by("createdAt").and("id"),
                                parameters(job.filter, job.startedAt, after))
                        .project(StoredScreening.class).range(0, limit - 1).list());
    }

    private static String where(ReplayFilter f, Instant before, StoredScreening after) {
        StringBuilder q = new StringBuilder("createdAt < :before");
        if (f.from() != null) q.append(" and createdAt >= :from");
        if (f.to() != null) q.append(" and createdAt < :to");
        if (f.clientRef() != null) q.append(" and clientRef = :clientRef");
        if (after != null) q.append(" and (createdAt > :afterAt or (createdAt = :afterAt and id > :afterId))");
        return q.toString();
    }

    private static Parameters parameters(ReplayFilter f, Instant before, StoredScreening after) {
        Parameters p = Parameters.with("before", before);
        if (f.from() != null) p.and("from", f.from());
        if (f.to() != null) p.and("to", f.to());
        if (f.clientRef() != null) p.and("clientRef", f.clientRef());
        if (after != null) p.and("afterAt", after.createdAt()).and("afterId", after.id());
        return p;
    }

    private KnowledgeBase compile(Path rulesDir, Path docsDir) {
        KnowledgeSource source;
        try {
            source = sources.fromDirectories(rulesDir, docsDir);
        } catch (UncheckedIOException e) {
            throw new InvalidRequestException(422, List.of(new FieldError("/candidateRulesDir",
                    "cannot be read: " + e.getCause().getMessage(), rulesDir.toString())));
        }
        try {
            return builder.build(source);
        } catch (KnowledgeBaseException e) {
            throw new InvalidRequestException(422, e.problems().stream()
                    .map(p -> new FieldError(p.file().startsWith(KnowledgeSource.DOCS) ? "/candidateDocsDir" : "/candidateRulesDir",
                            p.toString()))
                    .toList());
        }
    }

    private ReplayRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "request body is required")));
        }
        try {
            ReplayRequest request = mapper.readValue(body, ReplayRequest.class);
            if (request == null) {
                throw new InvalidRequestException(400, List.of(new FieldError("", "request body must be a JSON object")));
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("/" + e.getPropertyName(), "unknown field")));
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex())
                    .reduce("", String::concat);
            throw new InvalidRequestException(400, List.of(new FieldError(field, field.isEmpty()
                    ? "request body must be a JSON object" : "expected a string")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidRequestException(400, List.of(new FieldError("", "malformed JSON" + where + ": " + e.getOriginalMessage())));
        }
    }

    /** Every bad field at once; the filter when all are good. */
    private static ReplayFilter validate(ReplayRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.candidateRulesDir() == null || r.candidateRulesDir().isBlank()) {
            errors.add(new FieldError("/candidateRulesDir", "is required: the directory holding the candidate rules"));
        } else if (!isDirectory(r.candidateRulesDir())) {
            errors.add(new FieldError("/candidateRulesDir", "is not a directory on the server", r.candidateRulesDir()));
        }
        if (r.candidateDocsDir() != null && !isDirectory(r.candidateDocsDir())) {
            errors.add(new FieldError("/candidateDocsDir", "is not a directory on the server", r.candidateDocsDir()));
        }
        Instant from = instant("/from", r.from(), errors);
        Instant to = instant("/to", r.to(), errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("/from", "must be before to (" + to + ")", r.from()));
        }
        if (r.clientRef() != null && !CLIENT_REF.matcher(r.clientRef()).matches()) {
            errors.add(new FieldError("/clientRef", "must be a pseudonymous reference of 1-64 letters, digits, '.', '_', ':' or '-'",
                    r.clientRef()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        return new ReplayFilter(from, to, r.clientRef());
    }

    private static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2025-01-31T00:00:00Z", value));
            return null;
        }
    }

    private void remember(Job job) {
        synchronized (jobs) {
            jobs.put(job.id, job);
            Iterator<Job> oldest = jobs.values().iterator();
            while (jobs.size() > config.retainedJobs() && oldest.hasNext()) {
                if (!ReplayJob.RUNNING.equals(oldest.next().state)) {
                    oldest.remove();
                }
            }
        }
    }

    /** A replay's mutable state; read by GET while the worker updates it. */
    private static final class Job {
        final String id;
        final Instant startedAt;
        final String rulesDir;
        final String docsDir;
        final ReplayFilter filter;
        final AtomicLong processed = new AtomicLong();
        volatile Long total;
        volatile String state = ReplayJob.RUNNING;
        volatile ReplayReport report;
        volatile String error;
        volatile Instant finishedAt;

        Job(String id, Instant startedAt, String rulesDir, String docsDir, ReplayFilter filter) {
            this.id = id;
            this.startedAt = startedAt;
            this.rulesDir = rulesDir;
            this.docsDir = docsDir;
            this.filter = filter;
        }

        void finish(ReplayReport report, String error, Instant at) {
            this.report = report;
            this.error = error;
            this.finishedAt = at;
            this.state = report != null ? ReplayJob.DONE : ReplayJob.FAILED;
        }

        ReplayJob view() {
            return new ReplayJob(id, state, processed.get(), total, startedAt, finishedAt, rulesDir, docsDir, filter, report, error);
        }
    }
}
