package io.crosscheck.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address, in memory (per node): after {@code address-max-failures} within the window
 * every password from that address is refused without being checked, until the window that began with its first
 * failure has passed. Holds at most {@value #MAX_ADDRESSES} addresses; beyond that, expired ones are dropped first.
 */
@ApplicationScoped
public class AddressThrottle {

    static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @jakarta.inject.Inject
    AddressThrottle(SecurityConfig config) {
        this(config.lockout().addressMaxFailures(), config.lockout().window(), Clock.systemUTC());
    }

    AddressThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Whether passwords from this address are refused now (null: an unknown address, never refused). */
    public boolean blocked(String address) {
        if (address == null) {
            return false;
        }
        Window w = windows.get(address);
        return w != null && !expired(w, clock.instant()) && w.failures >= maxFailures;
    }

    /** Counts a failed sign-in from this address. */
    public void failed(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> expired(w, now));
            if (windows.size() >= MAX_ADDRESSES) {
                windows.clear();
            }
        }
        windows.compute(
                address,
                (a, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start, w.failures + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !w.start.plus(window).isAfter(now);
    }
}
