package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a proposal's thread: a comment, the comment given with an approval, the reason of a rejection, or
 * the summary of a re-proposal ({@code kind}). Entries are only ever added.
 */
@Entity
@Table(name = "kb_proposal_comment")
public class KnowledgeBaseProposalComment extends PanacheEntityBase {

    public static final String COMMENT = "comment";
    public static final String APPROVAL = "approval";
    public static final String REJECTION = "rejection";
    public static final String REPROPOSAL = "reproposal";

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String version;

    @Column(nullable = false, length = 128)
    public String author;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false, length = 4000)
    public String text;

    /** A proposal's thread, oldest first. */
    public static List<KnowledgeBaseProposalComment> thread(String version) {
        return list("version = ?1 order by writtenAt, id", version);
    }
}
