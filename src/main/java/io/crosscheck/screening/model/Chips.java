package io.crosscheck.screening.model;

import java.util.List;

/** The chips of one screening in the client list: the referral (none or the result's urgency) and each pattern of the result. */
public record Chips(Chip referral, List<PatternChip> patterns) {

    /** One status chip: the status now and its trend against the client's previous screening (better/same/worse/none). */
    public record Chip(String status, String trend) {}

    /** A pattern's chip: its code as the result names it (UCS, LCS, LAYER, BPD), status and trend. */
    public record PatternChip(String code, String status, String trend) {}
}
