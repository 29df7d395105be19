package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.KnowledgeBaseLoad;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one human-readable name of a knowledge-base version, used by the API views and the pages alike: when, who
 * and what changed ({@code 2026-12-05 14:02 · anna · hip-flexor stretch hold 30 s → 45 s}), the hash beside it
 * shortened. When and who are the proposal's (proposer, time), or for a version that went live without one its
 * first load's. What changed is the proposer's summary, or else one generated from the files and rules that differ
 * from the version it was measured against ({@link ChangeSummary}): the version serving when it was proposed, or
 * the last one stored before it.
 */
@ApplicationScoped
public class VersionLabels {

    /** Label times are UTC, to the minute. */
    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static final int CACHED = 2000;

    /**
     * A version's label. {@code at}, {@code author} and {@code summary} are null for a version that is not stored
     * (an uploaded replay candidate): then the text is the short hash alone. {@code summaryByAuthor}: the summary is
     * the proposer's own words (otherwise generated). {@code base}: what the generated summary compares with.
     */
    public record VersionLabel(
            String version,
            String shortHash,
            Instant at,
            String author,
            String summary,
            boolean summaryByAuthor,
            String base) {

        /** "2026-12-05 14:02 · anna · what changed", or the short hash for a version not stored. */
        public String text() {
            return at == null ? shortHash : WHEN.format(at) + " · " + author + " · " + summary;
        }
    }

    private final KnowledgeBaseRegistry registry;
    /** Generated summaries by "base>version": both are content hashes, so an entry never goes stale. */
    private final Map<String, String> generated = new ConcurrentHashMap<>();

    VersionLabels(KnowledgeBaseRegistry registry) {
        this.registry = registry;
    }

    /** The first 8 hex digits of a {@code sha256:} version (the whole string when it is not one). */
    public static String shortHash(String version) {
        if (version == null) {
            return "";
        }
        String hex = version.startsWith("sha256:") ? version.substring(7) : version;
        return hex.length() > 8 ? hex.substring(0, 8) : hex;
    }

    /** The label of any version, stored or not. */
    @Transactional
    public VersionLabel of(String version) {
        return find(version)
                .orElseGet(() -> new VersionLabel(version, shortHash(version), null, null, null, false, null));
    }

    /** The text of {@link #of}. */
    @Transactional
    public String text(String version) {
        return of(version).text();
    }

    /** The label of a stored version (a proposal, or one that went live); empty for any other. */
    @Transactional
    public Optional<VersionLabel> find(String version) {
        if (version == null) {
            return Optional.empty();
        }
        KnowledgeBaseProposal p = KnowledgeBaseProposal.findById(version);
        if (p != null) {
            String base = p.baseVersion != null ? p.baseVersion : storedBefore(p.proposedAt);
            boolean own = p.summary != null && !p.summary.isBlank();
            return Optional.of(new VersionLabel(
                    version,
                    shortHash(version),
                    p.proposedAt,
                    p.proposedBy,
                    own ? p.summary : generated(base, version),
                    own,
                    base));
        }
        KnowledgeBaseVersion v = KnowledgeBaseVersion.findById(version);
        if (v == null) {
            return Optional.empty();
        }
        KnowledgeBaseLoad first = KnowledgeBaseLoad.find(
                        "version = ?1 and outcome = 'accepted' order by attemptedAt", version)
                .firstResult();
        String base = storedBefore(v.firstLoadedAt);
        return Optional.of(new VersionLabel(
                version,
                shortHash(version),
                v.firstLoadedAt,
                first == null ? "unknown" : first.loadedBy,
                generated(base, version),
                false,
                base));
    }

    /** What the version changed against {@code base} in a few words (files and rules; {@link ChangeSummary}). */
    public String generated(String base, String version) {
        if (base == null || base.equals(version)) {
            return registry.files(version)
                    .map(f -> "first stored version, " + ChangeSummary.ruleCount(f) + " rules")
                    .orElse("not stored");
        }
        String key = base + ">" + version;
        String known = generated.get(key);
        if (known != null) {
            return known;
        }
        Optional<Map<String, String>> from = registry.files(base);
        Optional<Map<String, String>> to = registry.files(version);
        if (from.isEmpty() || to.isEmpty()) {
            return "not stored";
        }
        String summary = ChangeSummary.of(from.get(), to.get());
        if (generated.size() >= CACHED) {
            generated.clear();
        }
        generated.put(key, summary);
        return summary;
    }

    /** The version measured against: the last one stored (went live) before {@code at}; null when none. */
    private static String storedBefore(Instant at) {
        KnowledgeBaseVersion before = KnowledgeBaseVersion.find("firstLoadedAt < ?1 order by firstLoadedAt desc", at)
                .firstResult();
        return before == null ? null : before.version;
    }
}
