package io.crosscheck.knowledge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.knowledge.KnowledgeBaseLoad;
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

    KnowledgeBaseRegistry(ObjectMapper json, jakarta.enterprise.event.Event<io.crosscheck.common.audit.AuditEvent> audit) {
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    public void recordAccepted(KnowledgeBase kb, String by, Instant at) {
        if (KnowledgeBaseVersion.findById(kb.version()) == null) {
            KnowledgeBaseVersion v = new KnowledgeBaseVersion();
            v.version = kb.version();
            v.firstLoadedAt = at;
            v.origin = truncate(kb.source().origin(), 512);
            v.ruleCount = kb.rules().size();
            v.filesJson = write(kb.source().files());
            v.persist();
        }
        load(kb.version(), by, at, "accepted", null);
        io.micrometer.core.instrument.Metrics.counter("crosscheck.kb.loads", "outcome", "accepted").increment();
        audit.fire(new io.crosscheck.common.audit.AuditEvent(io.crosscheck.common.audit.AuditEvent.KB_LOAD_ACCEPTED,
                kb.version(), kb.version(), "by " + truncate(by, 128)));
    }

    @Transactional
    public void recordRejected(String version, String by, Instant at, List<KnowledgeProblem> problems) {
        io.micrometer.core.instrument.Metrics.counter("crosscheck.kb.loads", "outcome", "rejected").increment();
        load(version, by, at, "rejected", problems.stream().map(KnowledgeProblem::toString).collect(Collectors.joining("\n")));
        audit.fire(new io.crosscheck.common.audit.AuditEvent(io.crosscheck.common.audit.AuditEvent.KB_LOAD_REJECTED,
                version, version, problems.size() + " problem(s), by " + truncate(by, 128)));
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

    /** The files of a stored version: path -> content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, String>> files(String version) {
        return version(version).map(v -> {
            try {
                return json.readValue(v.filesJson, new TypeReference<Map<String, String>>() { });
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
