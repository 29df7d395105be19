package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.KnowledgeBaseRulesDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the content hash of the configured rules directory each time it is read as a candidate (start-up, a
 * reload of the directory, a file-watch save, a proposal of the working rules), so that start-up can tell an edited directory from one that merely
 * still holds what was offered before.
 */
@ApplicationScoped
public class RulesDirectorySeen {

    /** The last reading: its content hash, when and by whom. */
    public record Seen(String contentHash, Instant at, String by) {}

    @Transactional
    public Optional<Seen> last() {
        KnowledgeBaseRulesDirectory row = KnowledgeBaseRulesDirectory.findById(KnowledgeBaseRulesDirectory.ROW);
        return row == null || row.contentHash == null
                ? Optional.empty()
                : Optional.of(new Seen(row.contentHash, row.seenAt, row.seenBy));
    }

    @Transactional
    public void record(String contentHash, String by, Instant at) {
        KnowledgeBaseRulesDirectory.update(
                "contentHash = ?1, seenAt = ?2, seenBy = ?3 where id = ?4",
                contentHash,
                at,
                by.length() <= 128 ? by : by.substring(0, 128),
                KnowledgeBaseRulesDirectory.ROW);
    }
}
