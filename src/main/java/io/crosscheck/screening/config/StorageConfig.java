package io.crosscheck.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How screenings are stored ({@code crosscheck.storage.*}, issue 27). */
@ConfigMapping(prefix = "crosscheck.storage")
public interface StorageConfig {

    /**
     * Also fill the columns a version before V103 or V105 reads ({@code result_json}, {@code explanation_json},
     * {@code request_json}) on every new screening, besides the compressed ones. Set only during a rolling upgrade from such a version, so its nodes can
     * read what the new ones store, and removed once every node runs this version (docs/operations.md): it costs
     * three JSON documents per row again.
     */
    @WithDefault("false")
    boolean writeLegacyColumns();

    /**
     * The gzip (deflate) level of the stored request, response and explanation, 1 (fastest) to 9 (smallest; a value outside is
     * read as the nearest). Measured on the
     * article client (35 KB response, 35 KB explanation, one core): level 3 compresses both in 0.16 ms to 13.0 KB,
     * level 6 (zlib's default) in 0.74 ms to 11.7 KB, level 1 in 0.14 ms to 13.9 KB; decompressing costs 0.04 ms at
     * any level. Changing it applies to new rows; every level reads the same.
     */
    @WithDefault("3")
    int gzipLevel();
}
