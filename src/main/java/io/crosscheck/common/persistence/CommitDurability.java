package io.crosscheck.common.persistence;

import io.crosscheck.common.problem.ProblemMappers;
import jakarta.enterprise.context.RequestScoped;

/**
 * Whether a commit of the current request could not be confirmed on stable storage: the request is then answered
 * 503, outcome unknown ({@link UnconfirmedCommitFilter}), never acknowledged as stored.
 */
@RequestScoped
public class CommitDurability {

    private volatile boolean unconfirmed;
    private volatile String detail = ProblemMappers.NOT_ON_DISK;

    void unconfirmed() {
        unconfirmed = true;
    }

    /** Not confirmed, with what the 503 says instead of {@link ProblemMappers#NOT_ON_DISK}. */
    void unconfirmed(String detail) {
        this.detail = detail;
        unconfirmed = true;
    }

    /** What the 503 says. */
    public String detail() {
        return detail;
    }

    public boolean isUnconfirmed() {
        return unconfirmed;
    }
}
