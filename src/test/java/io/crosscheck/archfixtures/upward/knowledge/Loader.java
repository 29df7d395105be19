package io.crosscheck.archfixtures.upward.knowledge;

import io.crosscheck.archfixtures.upward.authoring.Linter;

/** The knowledge layer reaching up into authoring: forbidden. */
public class Loader {
    public boolean load() {
        return new Linter().lint();
    }
}
