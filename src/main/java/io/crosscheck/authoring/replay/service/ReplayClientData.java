package io.crosscheck.authoring.replay.service;

import io.crosscheck.screening.service.ClientDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's replay jobs for the privacy operations: a replay filtered to one client reference stores that reference
 * (its filter, its report); other replays' reports name screenings by id among their examples. The export lists the
 * jobs filtered to the client; the erasure deletes them and replaces the client's screening ids in other reports.
 */
@ApplicationScoped
class ReplayClientData implements ClientDataHolder {

    private final ReplayJobStore store;

    ReplayClientData(ReplayJobStore store) {
        this.store = store;
    }

    @Override
    public Map<String, List<?>> export(String clinic, String clientRef, List<UUID> screeningIds) {
        return Map.of("replayJobs", store.ofClient(clinic, clientRef));
    }

    @Override
    public void erase(String clinic, String clientRef, List<UUID> screeningIds) {
        store.eraseClient(clinic, clientRef, screeningIds);
    }
}
