package io.crosscheck.screening.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Which stored screenings a replay re-evaluates: created at or after {@code from} and before
 * {@code to} (a half-open range; either bound optional), for one client reference or for all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningFilter(Instant from, Instant to, String clientRef) {

    public static final ScreeningFilter ALL = new ScreeningFilter(null, null, null);

    /** The filter in words, for the text report. */
    public String describe() {
        if (from == null && to == null && clientRef == null) {
            return "all stored screenings";
        }
        StringBuilder s = new StringBuilder("stored screenings");
        if (from != null) {
            s.append(" created from ").append(from);
        }
        if (to != null) {
            s.append(from == null ? " created before " : " to before ").append(to);
        }
        if (clientRef != null) {
            s.append(" for client reference ").append(clientRef);
        }
        return s.toString();
    }
}
