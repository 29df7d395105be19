package io.crosscheck.screening.store;

import java.time.Instant;
import java.util.UUID;

/**
 * The part of a stored screening a replay needs: its identity and the validated request it was
 * made from. The stored result is never read or written by a replay.
 */
public record StoredScreening(UUID id, Instant createdAt, String clientRef, String requestJson) {}
