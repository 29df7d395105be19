package io.crosscheck.archfixtures.bypass.web;

import io.crosscheck.archfixtures.bypass.engine.RuleEngine;

/** An entry point running the rules itself instead of through the evaluation path: forbidden. */
public class Shortcut {
    public int screen(Object facts) {
        return new RuleEngine().evaluate(facts);
    }
}
