package io.crosscheck.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request size limits of the service ({@code crosscheck.http.*}); the server's own is {@code quarkus.http.limits.max-body-size}. */
@ConfigMapping(prefix = "crosscheck.http")
public interface HttpLimitsConfig {

    /** Largest JSON (or other non-archive) request body; larger ones get a problem+json 413. */
    @WithDefault("256K")
    MemorySize maxJsonBodySize();
}
