package io.crosscheck.cdshooks.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.Problem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The service's public base URL, for the CDS Hooks JWT audience ({@code aud}), the cards' links and the SMART
 * redirects: {@code crosscheck.ehr.public-base-url} ({@code CROSSCHECK_PUBLIC_BASE_URL}). The {@code Host} header is
 * never used: a caller could name any host there. Unset in the dev and test profiles, it is {@code http://localhost:<the port the
 * connection came in on>}; unset in production, CDS Hooks service calls, their feedback and SMART launches answer 503
 * (problem+json naming the setting) before anything else is done, and the start-up log says so.
 */
@ApplicationScoped
public class PublicBaseUrl {
    private static final Logger LOG = Logger.getLogger(PublicBaseUrl.class);
    static final String SETTING = "crosscheck.ehr.public-base-url";

    private final Optional<String> configured;
    private final boolean devOrTest;
    private final Instance<HttpServerRequest> requests;
    private final ObjectMapper json;

    @jakarta.inject.Inject
    PublicBaseUrl(EhrConfig config, Instance<HttpServerRequest> requests, ObjectMapper json) {
        this(config.publicBaseUrl(), devOrTestProfile(), requests, json);
    }

    PublicBaseUrl(
            Optional<String> configured, boolean devOrTest, Instance<HttpServerRequest> requests, ObjectMapper json) {
        this.configured =
                configured.filter(u -> !u.isBlank()).map(u -> u.strip().replaceAll("/+$", ""));
        this.devOrTest = devOrTest;
        this.requests = requests;
        this.json = json;
    }

    /** The dev or test configuration profile (also a packaged jar run with the test profile, as the ITs do). */
    private static boolean devOrTestProfile() {
        List<String> profiles = ConfigUtils.getProfiles();
        return LaunchMode.current().isDevOrTest() || profiles.contains("dev") || profiles.contains("test");
    }

    /** Whether there is a base URL to serve CDS Hooks and SMART launches with. */
    public boolean available() {
        return configured.isPresent() || devOrTest;
    }

    /** The base URL (no trailing slash) for a request on this connection. */
    public String of(HttpServerRequest request) {
        if (configured.isPresent()) {
            return configured.get();
        }
        if (!devOrTest) {
            throw new IllegalStateException(SETTING + " is not set");
        }
        SocketAddress local = request == null ? null : request.localAddress();
        return "http://localhost" + (local == null ? "" : ":" + local.port());
    }

    /** The base URL for the request being served. */
    public String get() {
        return of(configured.isPresent() || !devOrTest ? null : requests.get());
    }

    void onStart(@Observes StartupEvent event) {
        if (!available()) {
            LOG.warnf(
                    "%s (CROSSCHECK_PUBLIC_BASE_URL) is not set: CDS Hooks service calls and SMART launches answer 503"
                            + " until it is",
                    SETTING);
        }
    }

    /** Before authentication (priority above it): without a base URL, CDS Hooks calls and SMART launches are 503. */
    void filters(@Observes Filters filters) {
        filters.register(this::refuseWithoutBaseUrl, SecurityHandlerPriorities.CORS - 1);
    }

    private void refuseWithoutBaseUrl(RoutingContext context) {
        String path = context.normalizedPath();
        boolean needsBase = path.startsWith("/cds-services/") || path.startsWith("/smart/");
        if (!needsBase || available()) {
            context.next();
            return;
        }
        Problem problem = Problem.of(
                "public-base-url",
                "Service Unavailable",
                503,
                "The service's public URL is not configured (" + SETTING + ", CROSSCHECK_PUBLIC_BASE_URL): it is the"
                        + " CDS Hooks token audience and the base of every link, and is never taken from the request.");
        try {
            context.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
