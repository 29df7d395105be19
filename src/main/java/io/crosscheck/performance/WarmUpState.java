package io.crosscheck.performance;

/**
 * Where the start-up request warm-up stands: waiting for the HTTP server, running, or done (with how many requests
 * it sent and how many screenings it created (all rolled back), how long it took, the JIT compilation time meanwhile and whether the JIT had settled).
 */
public record WarmUpState(String phase, long requests, long created, long millis, long jitMillis, boolean settled) {

    static WarmUpState waiting() {
        return new WarmUpState("waiting for the HTTP server", 0, 0, 0, 0, false);
    }

    static WarmUpState running() {
        return new WarmUpState("running", 0, 0, 0, 0, false);
    }

    static WarmUpState done(long requests, long created, long millis, long jitMillis, boolean settled) {
        return new WarmUpState("done", requests, created, millis, jitMillis, settled);
    }

    public boolean finished() {
        return "done".equals(phase);
    }
}
