package io.crosscheck.knowledge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.knowledge.KnowledgeBaseActive;
import io.crosscheck.knowledge.KnowledgeBaseLoad;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Persists knowledge-base versions (with their files) and every load attempt. */
@ApplicationScoped
public class KnowledgeBaseRegistry {

    private final ObjectMapper json;
    private final jakarta.enterprise.event.Event<io.crosscheck.common.audit.AuditEvent> audit;

    KnowledgeBaseRegistry(
            ObjectMapper json, jakarta.enterprise.event.Event<io.crosscheck.common.audit.AuditEvent> audit) {
        this.json = json;
        this.audit = audit;
    }

    /** The active version for the whole deployment, and how many activations there have been. */
    public record ActiveVersion(String version, long generation, Instant activatedAt, String activatedBy) {}

    /** Records a version put live on this node and makes it the deployment's active version. */
    @Transactional
    public void recordAccepted(KnowledgeBase kb, String by, Instant at) {
        recordAccepted(kb, by, at, true);
    }

    /**
     * Records a version put live on this node; {@code activate}: it also becomes the active version of
     * the whole deployment (every node follows), otherwise (a node starting with the active version)
     * the active version is left as it is.
     */
    @Transactional
    public void recordAccepted(KnowledgeBase kb, String by, Instant at, boolean activate) {
        if (KnowledgeBaseVersion.findById(kb.version()) == null) {
            KnowledgeBaseVersion v = new KnowledgeBaseVersion();
            v.version = kb.version();
            v.firstLoadedAt = at;
            v.origin = truncate(kb.source().origin(), 512);
            v.ruleCount = kb.rules().size();
            v.filesJson = write(kb.source().files());
            v.parent = activate ? active().map(ActiveVersion::version).orElse(null) : null;
            v.persist();
        }
        load(kb.version(), by, at, "accepted", null);
        if (activate) {
            // one atomic update of the one row: concurrent activations on two nodes each add one
            KnowledgeBaseActive.update(
                    "version = ?1, generation = generation + 1, activatedAt = ?2, activatedBy = ?3 where id = ?4",
                    kb.version(),
                    at,
                    truncate(by, 128),
                    KnowledgeBaseActive.ROW);
        }
        io.micrometer.core.instrument.Metrics.counter("crosscheck.kb.loads", "outcome", "accepted")
                .increment();
        audit.fire(new io.crosscheck.common.audit.AuditEvent(
                io.crosscheck.common.audit.AuditEvent.KB_LOAD_ACCEPTED,
                kb.version(),
                kb.version(),
                "by " + truncate(by, 128)));
    }

    @Transactional
    public void recordRejected(String version, String by, Instant at, List<KnowledgeProblem> problems) {
        io.micrometer.core.instrument.Metrics.counter("crosscheck.kb.loads", "outcome", "rejected")
                .increment();
        load(
                version,
                by,
                at,
                "rejected",
                problems.stream().map(KnowledgeProblem::toString).collect(Collectors.joining("\n")));
        audit.fire(new io.crosscheck.common.audit.AuditEvent(
                io.crosscheck.common.audit.AuditEvent.KB_LOAD_REJECTED,
                version,
                version,
                problems.size() + " problem(s), by " + truncate(by, 128)));
    }

    /** The deployment's active version (empty before the first activation): one row read by key. */
    @Transactional
    public Optional<ActiveVersion> active() {
        KnowledgeBaseActive a = KnowledgeBaseActive.findById(KnowledgeBaseActive.ROW);
        return a == null || a.version == null
                ? Optional.empty()
                : Optional.of(new ActiveVersion(a.version, a.generation, a.activatedAt, a.activatedBy));
    }

    /** The files of a knowledge base as they are stored (JSON: path -> content). */
    public String filesJson(KnowledgeBase kb) {
        return write(kb.source().files());
    }

    @Transactional
    public Optional<KnowledgeBaseProposal> proposal(String version) {
        return KnowledgeBaseProposal.findByIdOptional(version);
    }

    @Transactional
    public List<KnowledgeBaseProposal> proposals() {
        return KnowledgeBaseProposal.list("order by proposedAt desc");
    }

    /** Whether a version has been live before (a roll back to it needs no new approval). */
    @Transactional
    public boolean wasLive(String version) {
        return KnowledgeBaseVersion.findById(version) != null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnowledgeBaseLoad> recentLoads(int max) {
        return KnowledgeBaseLoad.recent(max);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnowledgeBaseVersion> versions() {
        return KnowledgeBaseVersion.list("order by firstLoadedAt desc");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnowledgeBaseVersion> version(String version) {
        return KnowledgeBaseVersion.findByIdOptional(version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnowledgeBaseLoad> loadsOf(String version) {
        return KnowledgeBaseLoad.list("version = ?1 and outcome = 'accepted' order by attemptedAt", version);
    }

    /** The files of a stored version (one that went live, or a proposal): path -> content. */
    @Transactional
    public Optional<Map<String, String>> files(String version) {
        Optional<String> stored = version(version)
                .map(v -> v.filesJson)
                .or(() -> KnowledgeBaseProposal.<KnowledgeBaseProposal>findByIdOptional(version)
                        .map(p -> p.filesJson));
        return stored.map(text -> {
            try {
                return json.readValue(text, new TypeReference<Map<String, String>>() {});
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void load(String version, String by, Instant at, String outcome, String problems) {
        KnowledgeBaseLoad l = new KnowledgeBaseLoad();
        l.id = UUID.randomUUID();
        l.version = version;
        l.attemptedAt = at;
        l.loadedBy = truncate(by, 128);
        l.outcome = outcome;
        l.problems = problems;
        l.persist();
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
