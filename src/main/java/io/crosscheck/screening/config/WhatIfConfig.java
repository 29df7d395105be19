package io.crosscheck.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The what-if analysis of a result ({@code crosscheck.what-if.*}, issue 28). */
@ConfigMapping(prefix = "crosscheck.what-if")
public interface WhatIfConfig {

    /**
     * The most varied requests one analysis evaluates. The variants come in a fixed order, so the limit cuts the same
     * list every time (the answer says when it did): a count, not a clock, keeps the answer deterministic. The default
     * covers every variant of the scenarios with room to spare (BENCHMARKS.md gives the cost per variant).
     */
    @WithDefault("400")
    int maxVariants();
}
