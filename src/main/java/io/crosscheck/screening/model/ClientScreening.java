package io.crosscheck.screening.model;

import java.time.Instant;
import java.util.UUID;

/** One screening of a client: the latest version of its chain, with its chips and amendment info. */
public record ClientScreening(UUID id, Instant createdAt, String kbVersion, Chips chips, Amendment amendment) {

    /** Where a listed screening stands in its amendment chain (version 1: not amended). */
    public record Amendment(UUID chainId, int version, UUID amends, String reason) {}
}
