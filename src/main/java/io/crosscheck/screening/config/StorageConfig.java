package io.crosscheck.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How screenings are stored ({@code crosscheck.storage.*}, issue 27). */
@ConfigMapping(prefix = "crosscheck.storage")
public interface StorageConfig {

    /**
     * Also fill the columns a version before V103 reads ({@code result_json}, {@code explanation_json}) on every new
     * screening, besides the compressed ones. Set only during a rolling upgrade from such a version, so its nodes can
     * read what the new ones store, and removed once every node runs this version (docs/operations.md): it costs
     * three JSON documents per row again.
     */
    @WithDefault("false")
    boolean writeLegacyColumns();
}
