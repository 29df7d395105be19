package io.crosscheck.engine;

/**
 * A problem found while building a knowledge base, located as {@code file:line:column} so that
 * editors and CI can jump to it. Line and column are 1-based; 0 when unknown.
 */
public record KnowledgeProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + message;
    }
}
