package io.crosscheck.authoring.model;

import java.util.List;

/**
 * A revert that passed: the new version {@code version} undoes {@code revertOf}'s changes (against its parent
 * {@code parent}) on top of {@code basedOn}, the version active when it was made; {@code changed}: the files whose
 * text it changes. As a proposal ({@code emergency} false) it waits for approval and activation like any other
 * ({@code approvalRequired}, {@code activatable}); an emergency revert is live and {@code awaitingReview}.
 */
public record RevertView(
        String version,
        String revertOf,
        String parent,
        String basedOn,
        List<String> changed,
        String origin,
        String proposedBy,
        boolean emergency,
        boolean live,
        boolean approvalRequired,
        boolean activatable,
        boolean awaitingReview) {}
