package io.crosscheck.screening.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data about a client kept outside the screening table by a feature above this layer (CDS Hooks calls and card
 * feedback, replay jobs): every holder is asked for its part of a client's export and erases it with the client's
 * screenings, in the same transaction. Found by CDI, so the privacy operations cover a new table once its feature
 * implements this.
 */
public interface ClientDataHolder {

    /**
     * The client's records, by export section name (e.g. {@code cdsInvocations}), as JSON-serialisable views.
     *
     * @param screeningIds every stored screening of the client in that clinic (all versions)
     */
    Map<String, List<?>> export(String clinic, String clientRef, List<UUID> screeningIds);

    /** Deletes (or strips of the client) the records {@link #export} returns; before the screenings are deleted. */
    void erase(String clinic, String clientRef, List<UUID> screeningIds);
}
