package io.crosscheck.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects bodies declared larger than the limit with a problem+json 413 before they are read:
 * {@code crosscheck.http.max-json-body-size} for JSON and everything else, the server's
 * {@code quarkus.http.limits.max-body-size} for uploaded knowledge-base archives ({@code application/zip}).
 * (Chunked bodies without a length still hit the server's own limit, which answers 413 without a
 * body: not yet a problem+json, see issue 10.)
 */
public class BodySizeLimit {

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                  @ConfigProperty(name = "crosscheck.http.max-json-body-size", defaultValue = "256K") MemorySize jsonLimit) {
        long archiveMax = limit.asLongValue();
        long jsonMax = Math.min(jsonLimit.asLongValue(), archiveMax);
        filters.register(rc -> {
            String type = rc.request().getHeader("Content-Type");
            long max = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip") ? archiveMax : jsonMax;
            String length = rc.request().getHeader("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > max) {
                        Problem p = Problem.of("payload-too-large", "Payload Too Large", 413,
                                "Request body exceeds " + max + " bytes");
                        rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                                .putHeader("Connection", "close").end(Json.encode(p));
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // let the server reject a malformed header
                }
            }
            rc.next();
        }, 1000);
    }
}
