package io.crosscheck.common.problem;

import io.crosscheck.common.config.HttpLimitsConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rejects bodies larger than the limit with a problem+json 413: {@code crosscheck.http.max-json-body-size}
 * for JSON and everything else, the server's {@code quarkus.http.limits.max-body-size} for uploaded
 * knowledge-base archives ({@code application/zip}, or a page's {@code multipart/form-data} upload). A body with a Content-Length is refused before it
 * is read; a chunked body (no Content-Length) is read here, counting, and refused as soon as it passes
 * the limit (otherwise the server's own reader would answer a bare 413 with no body).
 */
public class BodySizeLimit {

    void register(
            @Observes Filters filters,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            HttpLimitsConfig config) {
        long archiveMax = limit.asLongValue();
        long jsonMax = Math.min(config.maxJsonBodySize().asLongValue(), archiveMax);
        filters.register(
                rc -> {
                    String type = rc.request().getHeader("Content-Type");
                    String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
                    long max = lower.startsWith("application/zip") || lower.startsWith("multipart/form-data")
                            ? archiveMax
                            : jsonMax;
                    String length = rc.request().getHeader("Content-Length");
                    if (length != null) {
                        try {
                            if (Long.parseLong(length.trim()) > max) {
                                Problem p = Problem.of(
                                        "payload-too-large",
                                        "Payload Too Large",
                                        413,
                                        "Request body exceeds " + max + " bytes");
                                rc.response()
                                        .setStatusCode(413)
                                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                                        .putHeader("Connection", "close")
                                        .end(Json.encode(p));
                                return;
                            }
                        } catch (NumberFormatException ignored) {
                            // let the server reject a malformed header
                        }
                    }
                    String encoding = rc.request().getHeader("Transfer-Encoding");
                    // (HTTP/2, whose streams carry neither header, is switched off: quarkus.http.http2=false)
                    boolean chunked = encoding != null
                            && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                    if (length == null && chunked && !rc.request().isEnded()) {
                        readChunked(rc, max);
                        return;
                    }
                    rc.next();
                },
                1000);
    }

    /** Reads a chunked body up to {@code max} bytes, then hands it on as the request's body. */
    private static void readChunked(io.vertx.ext.web.RoutingContext rc, long max) {
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer();
        boolean[] refused = {false};
        rc.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                tooLarge(rc, max);
                return;
            }
            body.appendBuffer(chunk);
        });
        rc.request().endHandler(v -> {
            if (!refused[0]) {
                rc.setBody(body);
                rc.next();
            }
        });
        rc.request().exceptionHandler(e -> {
            if (!refused[0] && !rc.response().ended()) {
                rc.fail(400, e);
            }
        });
    }

    private static void tooLarge(io.vertx.ext.web.RoutingContext rc, long max) {
        Problem p = Problem.of("payload-too-large", "Payload Too Large", 413, "Request body exceeds " + max + " bytes");
        rc.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(Json.encode(p))
                .onComplete(done -> rc.request().connection().close());
    }
}
