package io.crosscheck.authoring.sandbox;

import java.io.IOException;

/**
 * A check that never answers: what {@link CandidateCheckMain} would become for a candidate that ties its process
 * up (a loop the allow-list of ADR 0006 cannot see, a regular expression that backtracks for ever). Confined like the
 * real check, it reads the candidate and then waits; the launcher must kill it at its time limit.
 */
public final class SandboxEndlessMain {

    public static void main(String[] args) throws IOException, InterruptedException {
        SandboxConfinement.confine(args);
        System.in.readAllBytes();
        while (true) {
            Thread.sleep(1_000);
        }
    }

    private SandboxEndlessMain() {}
}
