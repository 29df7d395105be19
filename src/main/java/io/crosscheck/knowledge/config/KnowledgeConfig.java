package io.crosscheck.knowledge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the knowledge base is read from. */
@ConfigMapping(prefix = "crosscheck.knowledge")
public interface KnowledgeConfig {

    /** The default of {@link #maxFiringsPerSession()}, also the command-line tools' limit. */
    String DEFAULT_MAX_FIRINGS_PER_SESSION = "10000";

    /** Directory holding the DRL rules and reference data. Relative paths resolve against the working directory. */
    @WithDefault("rules")
    String rulesDir();

    /** Directory holding the rule documentation (one page per rule id). */
    @WithDefault("kb-docs")
    String docsDir();

    /** Use the copy packaged in the jar when {@link #rulesDir()} does not exist. */
    @WithDefault("true")
    boolean packagedFallback();

    /** Watch the rules and docs directories and reload on change (on in dev mode). */
    @WithDefault("false")
    boolean watch();

    /** Quiet period after the last change before a watched reload starts. */
    @WithDefault("PT0.5S")
    java.time.Duration watchDebounce();

    /** Upper bound on rule firings per screening; a runaway rule set fails the request instead of looping. */
    @WithDefault(DEFAULT_MAX_FIRINGS_PER_SESSION)
    int maxFiringsPerSession();

    /** Limits on an uploaded knowledge-base archive (reload and replay candidates). */
    Archive archive();

    interface Archive {
        /** Total size of the archive's entries once unpacked, in bytes. */
        @WithDefault("16000000")
        long maxUncompressedBytes();

        /** Entries in the archive. */
        @WithDefault("5000")
        int maxEntries();
    }
}
