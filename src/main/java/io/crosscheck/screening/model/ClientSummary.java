package io.crosscheck.screening.model;

import java.time.Instant;
import java.util.UUID;

/** One client in the list: how many screenings (latest versions), the last one and its chips. */
public record ClientSummary(
        String clientRef, long screenings, UUID lastScreeningId, Instant lastScreeningAt, Chips chips) {}
