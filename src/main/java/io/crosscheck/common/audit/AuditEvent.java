package io.crosscheck.common.audit;

/**
 * Something the audit log records, fired as a synchronous CDI event by the layer where it happens
 * (screening, knowledge, authoring) and written by the {@code audit} integration in the caller's
 * transaction. Who, when and from where are added by the audit log; nothing clinical is carried here:
 * {@code subject} is an id (screening id, knowledge-base version, user name), never a payload.
 */
public record AuditEvent(String action, String subject, String kbVersion, String detail) {

    public static final String SCREENING_CREATE = "screening.create";
    public static final String SCREENING_READ = "screening.read";
    public static final String KB_LOAD_ACCEPTED = "kb.load.accepted";
    public static final String KB_LOAD_REJECTED = "kb.load.rejected";
    public static final String KB_REPLAY = "kb.replay";
    /** A replay candidate refused (unreadable archive, does not compile, or its sandboxed check failed). */
    public static final String KB_REPLAY_REJECTED = "kb.replay.rejected";

    public static final String SCREENING_AMEND = "screening.amend";
    /** A clinician's edit of a screening's take-home sheet (items, doses, note) saved as its next version. */
    public static final String SCREENING_SHEET_EDIT = "screening.sheet.edit";
    /**
     * A screening's visit notes recorded, changed or removed, or its visit time changed by an amendment: the detail names
     * which notes, never their text.
     */
    public static final String SCREENING_NOTES = "screening.notes";

    public static final String SCREENING_DISAGREE = "screening.disagree";
    public static final String CLIENT_SEARCH = "client.search";
    public static final String CLIENT_READ = "client.read";
    public static final String CLIENT_HISTORY = "client.history";
    /** The language a client's take-home sheet is printed in, set (the old and the new language in the detail). */
    public static final String CLIENT_LANGUAGE = "client.language";

    public static final String KB_PROPOSED = "kb.proposed";
    /** A proposal refused (unreadable archive or failed validation); nothing stored. */
    public static final String KB_PROPOSAL_REJECTED = "kb.proposal.rejected";

    public static final String KB_APPROVED = "kb.approved";
    /** A comment added to a proposal's thread (the text stays in the thread, not in the audit log). */
    public static final String KB_COMMENTED = "kb.commented";
    /** A proposal rejected by an author, with a reason (unlike kb.proposal.rejected: failed validation). */
    public static final String KB_REJECTED = "kb.rejected";
    /** A rejected proposal proposed again, which opens it for approval once more. */
    public static final String KB_REPROPOSED = "kb.reproposed";

    /** A disagreement or a CDS card override promoted into a cornerstone case (issue 28). */
    public static final String KB_CORNERSTONE_PROMOTED = "kb.cornerstone.promoted";
    /** An author's acceptance of the conclusion a candidate version gives a cornerstone case, with a reason. */
    public static final String KB_CORNERSTONE_ACCEPTED = "kb.cornerstone.accepted";
    /** A second author's confirmation of that acceptance, where approval is required. */
    public static final String KB_CORNERSTONE_CONFIRMED = "kb.cornerstone.confirmed";
    /** An accepted conclusion that became the case's expected one, its version having gone live. */
    public static final String KB_CORNERSTONE_ADOPTED = "kb.cornerstone.adopted";
    /** A cornerstone case retired, with a reason: kept, no longer checked. */
    public static final String KB_CORNERSTONE_RETIRED = "kb.cornerstone.retired";

    public static final String CLIENT_EXPORT = "client.export";
    public static final String CLIENT_ERASE = "client.erase";
    public static final String USER_CREATE = "user.create";
    public static final String USER_LOCKED = "user.locked";
    public static final String USER_DISABLE = "user.disable";
    public static final String USER_ENABLE = "user.enable";
    public static final String USER_PASSWORD = "user.password";
    public static final String AUDIT_CHECK = "audit.check";
    public static final String AUDIT_QUERY = "audit.query";
}
