package io.crosscheck.authoring.replay.model;

import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.store.ScreeningFilter;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * Which stored screenings a replay re-evaluates, and (as a JSON body) which stored knowledge-base
 * version is the candidate. The candidate is never a server path: it is a version from the registry
 * ({@code candidateVersion}) or an uploaded archive (the body of an {@code application/zip} request,
 * the filter then in query parameters). {@code from} and {@code to} are ISO-8601 instants (from
 * inclusive, to exclusive). Validated by its annotations, so the API names every bad field at once.
 */
@ReplayRequest.FromBeforeTo
public record ReplayRequest(
        @Pattern(
                regexp = "sha256:[0-9a-f]{16,64}",
                message = "must be a knowledge-base version (sha256:...) from the registry")
        String candidateVersion,

        @IsoInstant String from,
        @IsoInstant String to,

        @Pattern(regexp = ScreeningRequest.CLIENT_REF, message = ScreeningRequest.CLIENT_REF_RULE)
        String clientRef) {

    /** The stored screenings this request selects; call after validation. */
    public ScreeningFilter filter() {
        return new ScreeningFilter(
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), clientRef);
    }

    /** The time range is half-open: {@code from} must come before {@code to}. Reported on {@code /from}. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @jakarta.validation.Constraint(validatedBy = ReplayConstraints.FromBeforeToValidator.class)
    public @interface FromBeforeTo {
        String message() default "must be before to";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }
}
