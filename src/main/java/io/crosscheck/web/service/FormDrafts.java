package io.crosscheck.web.service;

import io.crosscheck.screening.service.ScreeningService.ScreeningVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key of a screening form's draft in the browser's session storage (the page's script keeps the draft, this tab
 * only): the signed-in user and what is being screened, a new screening ({@code new}, or {@code new:<client>} when
 * opened for a client) or the amendment of version N of the screening chain X ({@code amend:X:vN}). No draft is
 * restored into another user's form, another client's new screening or another version's amendment; signing out
 * removes every draft of the tab.
 */
public final class FormDrafts {

    /** The posted field that says which new screening a draft belongs to, so that a refused form keeps its key. */
    public static final String FIELD = "draftFor";

    private static final String NEW = "new";

    private FormDrafts() {}

    /** What a new screening's draft is for: {@code new}, or {@code new:<client>} for a client's next screening. */
    public static String newScreening(String clientRef) {
        return clientRef == null || clientRef.isBlank() ? NEW : NEW + ":" + clientRef;
    }

    /**
     * The draft key of a form page.
     *
     * @param amendOf the id of the version being amended; null for a new screening
     * @param values the form's values (a new screening's {@link #FIELD})
     * @param chain the versions of the amended screening's chain, first version first
     */
    public static String key(
            String user, String amendOf, Map<String, String> values, Optional<List<ScreeningVersion>> chain) {
        if (amendOf == null) {
            String what = values.getOrDefault(FIELD, NEW);
            return user + "|" + (what.matches("new(:[A-Za-z0-9._:-]{1,64})?") ? what : NEW);
        }
        return user + "|amend:"
                + chain.flatMap(versions -> versions.stream()
                                .filter(v -> v.id().toString().equals(amendOf))
                                .findFirst()
                                .map(v -> versions.get(0).id() + ":v" + v.version()))
                        .orElse(amendOf);
    }
}
