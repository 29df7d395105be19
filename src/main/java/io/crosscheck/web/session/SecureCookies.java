package io.crosscheck.web.session;

import io.crosscheck.web.config.WebConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marks every cookie the service sets {@code Secure} ({@code crosscheck.web.secure-cookies}, on except in dev mode).
 * TLS ends at the load balancer, so the service itself sees plain HTTP and Quarkus' form login would set its session
 * cookie without {@code Secure}; this filter adds it, just before the headers are written, to the cookies set through
 * Vert.x (the session, the login redirect) and to those written as {@code Set-Cookie} headers (the pages' CSRF
 * cookie, sign-out).
 */
@ApplicationScoped
public class SecureCookies {

    /** Early: the headers-end hook must be in place before any handler can answer. */
    static final int PRIORITY = 10_000;

    private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

    private final boolean enabled;

    SecureCookies(WebConfig config) {
        this.enabled = config.secureCookies();
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            return;
        }
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(v -> secure(rc));
                    rc.next();
                },
                PRIORITY);
    }

    private static void secure(RoutingContext rc) {
        for (Cookie c : rc.request().cookies()) {
            if (c instanceof ServerCookie sc && sc.isChanged() && !sc.isSecure()) {
                sc.setSecure(true);
            }
        }
        MultiMap headers = rc.response().headers();
        List<String> set = headers.getAll(HttpHeaders.SET_COOKIE);
        if (set.stream().allMatch(s -> SECURE.matcher(s).find())) {
            return;
        }
        headers.remove(HttpHeaders.SET_COOKIE);
        for (String s : set) {
            headers.add(HttpHeaders.SET_COOKIE, SECURE.matcher(s).find() ? s : s + "; Secure");
        }
    }
}
