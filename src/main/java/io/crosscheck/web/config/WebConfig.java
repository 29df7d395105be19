package io.crosscheck.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the web UI ({@code crosscheck.web.*}). */
@ConfigMapping(prefix = "crosscheck.web")
public interface WebConfig {

    /** Rows of the symptom table in the screening form. */
    @WithDefault("3")
    int symptomRows();

    /** Clients listed per page. */
    @WithDefault("20")
    int clientsPageSize();

    /**
     * Every cookie the service sets is {@code Secure} (sent back by browsers over HTTPS only, and over http://localhost).
     * Off in dev mode only, so the pages work over plain HTTP from another machine there.
     */
    @WithDefault("true")
    boolean secureCookies();
}
