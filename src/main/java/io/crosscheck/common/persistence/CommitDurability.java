package io.crosscheck.common.persistence;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether a commit of the current request could not be confirmed on stable storage: the request is then answered
 * 503, outcome unknown ({@link UnconfirmedCommitFilter}), never acknowledged as stored.
 */
@RequestScoped
public class CommitDurability {

    private volatile boolean unconfirmed;

    void unconfirmed() {
        unconfirmed = true;
    }

    public boolean isUnconfirmed() {
        return unconfirmed;
    }
}
