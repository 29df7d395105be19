package io.crosscheck.engine.drl;

import java.util.List;

/**
 * One rule as Drools' own DRL parser read it, with positions for {@code file:line:column} messages.
 *
 * @param file          DRL path relative to the project root
 * @param name          the rule name
 * @param id            the {@code @id} metadata, or null when absent
 * @param line          1-based line of the {@code rule} keyword
 * @param column        1-based column of the {@code rule} keyword
 * @param patterns      every pattern of the conditions, nested ones ({@code not}, {@code from collect}) included
 * @param constructions every {@code new Type(...)} in the consequence with its string arguments
 */
public record ParsedRule(
        String file,
        String name,
        String id,
        int line,
        int column,
        List<ParsedPattern> patterns,
        List<ParsedConstruction> constructions) {

    public ParsedRule {
        patterns = List.copyOf(patterns);
        constructions = List.copyOf(constructions);
    }

    /**
     * A fact pattern such as {@code Finding( code == "x" )}: its type, the string literals its constraints
     * compare with, its constraints as written, whether it stands under a {@code not} (where a fact that is
     * absent satisfies it) or an {@code or} (one route among others), and its binding ({@code $t}, or null).
     */
    public record ParsedPattern(
            String type,
            int line,
            int column,
            List<ParsedLiteral> literals,
            List<ParsedConstraint> constraints,
            boolean negated,
            boolean alternative,
            String binding) {
        public ParsedPattern {
            literals = List.copyOf(literals);
            constraints = List.copyOf(constraints);
        }

        public ParsedPattern(String type, int line, int column, List<ParsedLiteral> literals) {
            this(type, line, column, literals, List.of(), false, false, null);
        }

        /** The constraints as one text, for searching. */
        public String constraintText() {
            return String.join(
                    ", ", constraints.stream().map(ParsedConstraint::text).toList());
        }
    }

    /** One constraint of a pattern as written ({@code number >= $t.value}) and where it starts (1-based line and column). */
    public record ParsedConstraint(String text, int line, int column) {}

    /** An object the consequence creates, e.g. {@code new Contributor( "anxiety", ... )}, with its string arguments. */
    public record ParsedConstruction(String type, int line, int column, List<ParsedLiteral> literals) {
        public ParsedConstruction {
            literals = List.copyOf(literals);
        }
    }

    /** A string literal and where it stands in the file (1-based line and column). */
    public record ParsedLiteral(String value, int line, int column) {}
}
