package io.crosscheck.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries this node wrote that are not yet sealed, kept in memory (outside the database): an entry is unsealed
 * (no sequence number, no HMAC) between its transaction's commit and the next sealing, and a row deleted in that
 * window would otherwise leave no trace. After each sealing {@link #reconcile} looks the watched entries up: sealed
 * ones are dropped, and one that is gone from the database was deleted before it was sealed. Each node watches its
 * own writes, whichever node seals them. The oldest watched entry's age is the readiness check's and the metric's.
 */
final class AuditPendingWatch {

    /** An entry gone from the database before it was sealed. */
    record Missing(UUID id, Instant committedAt) {}

    /** At most this many entries are watched (the sealer stalled that long: readiness is down by then anyway). */
    static final int MAX_WATCHED = 200_000;

    private final Map<UUID, Instant> watched = new ConcurrentHashMap<>();
    private volatile boolean overflowed;

    /** Called once the entry's transaction committed. */
    void committed(UUID id, Instant at) {
        if (watched.size() >= MAX_WATCHED) {
            overflowed = true;
            return;
        }
        watched.put(id, at);
    }

    /** Whether entries went unwatched because too many were pending at once. */
    boolean overflowed() {
        return overflowed;
    }

    int size() {
        return watched.size();
    }

    /** When the oldest watched entry was committed. */
    Optional<Instant> oldest() {
        return watched.values().stream().min(Instant::compareTo);
    }

    /** How long the oldest watched entry has waited to be sealed at {@code now} (zero when none waits). */
    Duration oldestAge(Instant now) {
        return oldest().map(at -> Duration.between(at, now))
                .filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }

    /**
     * Looks the watched entries up after a sealing: forgets the sealed ones and returns (and forgets) the ones no
     * longer in the database.
     */
    List<Missing> reconcile(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>(watched.keySet());
        List<Missing> missing = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            Set<UUID> present = new HashSet<>();
            Set<UUID> sealed = new HashSet<>();
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement ps =
                    c.prepareStatement("select id, seq from audit_entry where id in (" + marks + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    ps.setObject(i + 1, batch.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        present.add(id);
                        rs.getLong(2);
                        if (!rs.wasNull()) {
                            sealed.add(id);
                        }
                    }
                }
            }
            for (UUID id : batch) {
                if (sealed.contains(id)) {
                    watched.remove(id);
                } else if (!present.contains(id)) {
                    Instant at = watched.remove(id);
                    if (at != null) {
                        missing.add(new Missing(id, at));
                    }
                }
            }
        }
        return missing;
    }
}
