package io.crosscheck.archfixtures.upward.authoring;

/** An authoring class. */
public class Linter {
    public boolean lint() {
        return true;
    }
}
