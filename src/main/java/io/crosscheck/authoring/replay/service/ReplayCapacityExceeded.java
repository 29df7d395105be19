package io.crosscheck.authoring.replay.service;

/** As many replays as {@code crosscheck.replay.max-pending} are already waiting or running. */
public class ReplayCapacityExceeded extends RuntimeException {

    public ReplayCapacityExceeded(int maxPending) {
        super(maxPending + " replays are already pending; try again when one has finished");
    }
}
