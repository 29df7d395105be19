package io.crosscheck.archfixtures.bypass.engine;

/** Stands for the engine's rule runner. */
public class RuleEngine {
    public int evaluate(Object facts) {
        return facts.hashCode();
    }
}
