package io.crosscheck.engine.explain;

import java.util.List;

/** One rule firing, in order: what rule, on which facts, and which conclusions it produced. */
public record FiredRule(int sequence, String ruleId, String stage, List<String> matched, List<String> concluded) {}
