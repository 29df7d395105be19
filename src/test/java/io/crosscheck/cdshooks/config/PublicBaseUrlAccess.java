package io.crosscheck.cdshooks.config;

import java.util.Optional;

/** Builds a {@link PublicBaseUrl} outside CDI, for tests. */
public final class PublicBaseUrlAccess {
    private PublicBaseUrlAccess() {}

    public static PublicBaseUrl create(Optional<String> configured, boolean devOrTest) {
        return new PublicBaseUrl(configured, devOrTest, null, new com.fasterxml.jackson.databind.ObjectMapper());
    }
}
