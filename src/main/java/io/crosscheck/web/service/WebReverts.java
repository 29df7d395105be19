package io.crosscheck.web.service;

import io.crosscheck.authoring.model.RevertRequest;
import io.crosscheck.authoring.service.RevertService;
import io.crosscheck.common.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The "Revert this change" step of a version's page: the same revert as the API's (a proposal, or in an
 * emergency live at once and awaiting review), with the form's input checked and a refusal in words for the page.
 */
@ApplicationScoped
public class WebReverts {

    private static final int MAX_REASON = 2000;

    private final RevertService reverts;

    WebReverts(RevertService reverts) {
        this.reverts = reverts;
    }

    /** Where to go after a revert ({@code redirect}), or why it was refused ({@code status}, {@code error}). */
    public record Outcome(int status, String error, String redirect) {}

    /** Empty when the version is unknown. */
    public Optional<Outcome> revert(String version, String emergency, String reason, String by) {
        boolean now = "true".equals(emergency);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (now && why == null) {
            return Optional.of(new Outcome(400, "reason is required for an emergency revert", null));
        }
        if (why != null && (why.length() > MAX_REASON || why.chars().anyMatch(WebReverts::control))) {
            return Optional.of(
                    new Outcome(422, "reason must be plain text of at most " + MAX_REASON + " characters", null));
        }
        return reverts.revert(version, new RevertRequest(now, why), by)
                .map(outcome -> outcome.problem().map(WebReverts::refused).orElseGet(() -> {
                    var view = outcome.view().orElseThrow();
                    return new Outcome(
                            view.live() ? 200 : 201,
                            null,
                            view.live() ? "/ui/kb" : "/ui/kb/proposals/" + view.version());
                }));
    }

    private static Outcome refused(Problem p) {
        Stream<String> errors =
                p.errors() == null ? Stream.empty() : p.errors().stream().map(f -> f.field() + ": " + f.message());
        return new Outcome(
                p.status(),
                String.join("; ", Stream.concat(Stream.of(p.detail()), errors).toList()),
                null);
    }

    private static boolean control(int c) {
        return c < 0x20 && c != '\n' && c != '\r' && c != '\t';
    }
}
