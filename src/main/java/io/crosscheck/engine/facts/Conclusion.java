package io.crosscheck.engine.facts;

/**
 * A fact a rule concluded. The engine records, for every conclusion, the rule that inserted it and
 * the facts that rule matched; see {@code io.crosscheck.engine.explain}.
 */
public interface Conclusion extends Fact {}
