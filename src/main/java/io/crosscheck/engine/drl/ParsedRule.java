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
 * @param stage         the {@code ruleflow-group} (or {@code agenda-group}) the rule runs in, {@code MAIN} when it
 *                      names none
 * @param version       the {@code @version} metadata, or null when absent
 */
public record ParsedRule(
        String file,
        String name,
        String id,
        int line,
        int column,
        List<ParsedPattern> patterns,
        List<ParsedConstruction> constructions,
        String stage,
        String version) {

    /** The stage of a rule that names none (Drools' default agenda group). */
    public static final String NO_STAGE = "MAIN";

    public ParsedRule {
        patterns = List.copyOf(patterns);
        constructions = List.copyOf(constructions);
    }

    public ParsedRule(
            String file,
            String name,
            String id,
            int line,
            int column,
            List<ParsedPattern> patterns,
            List<ParsedConstruction> constructions) {
        this(file, name, id, line, column, patterns, constructions, NO_STAGE, null);
    }

    /**
     * A fact pattern such as {@code Finding( code == "x" )}: its type, the string literals its constraints
     * compare with, its constraints as written, whether it stands under a {@code not} (where a fact that is
     * absent satisfies it) or an {@code or} (one route among others), its binding ({@code $t}, or null), and
     * whether the rule cannot fire without such a fact in working memory ({@code required}: a pattern of the
     * conditions themselves or under {@code exists}, not under {@code not}, {@code or} or {@code forall}, not an
     * input of {@code collect} or {@code accumulate}, and without a {@code from} of its own).
     */
    public record ParsedPattern(
            String type,
            int line,
            int column,
            List<ParsedLiteral> literals,
            List<ParsedConstraint> constraints,
            boolean negated,
            boolean alternative,
            String binding,
            boolean required) {
        public ParsedPattern {
            literals = List.copyOf(literals);
            constraints = List.copyOf(constraints);
        }

        public ParsedPattern(
                String type,
                int line,
                int column,
                List<ParsedLiteral> literals,
                List<ParsedConstraint> constraints,
                boolean negated,
                boolean alternative,
                String binding) {
            this(type, line, column, literals, constraints, negated, alternative, binding, false);
        }

        public ParsedPattern(String type, int line, int column, List<ParsedLiteral> literals) {
            this(type, line, column, literals, List.of(), false, false, null, false);
        }

        /** The constraints as one text, for searching. */
        public String constraintText() {
            return String.join(
                    ", ", constraints.stream().map(ParsedConstraint::text).toList());
        }
    }

    /** One constraint of a pattern as written ({@code number >= $t.value}) and where it starts (1-based line and column). */
    public record ParsedConstraint(String text, int line, int column) {}

    /**
     * An object the consequence creates, e.g. {@code new Contributor( "anxiety", ... )}, with its string arguments
     * and the rule's variables it is given directly ({@code new Finding( $finding, null )}: {@code $finding}).
     */
    public record ParsedConstruction(
            String type, int line, int column, List<ParsedLiteral> literals, List<String> variables) {
        public ParsedConstruction {
            literals = List.copyOf(literals);
            variables = List.copyOf(variables);
        }

        public ParsedConstruction(String type, int line, int column, List<ParsedLiteral> literals) {
            this(type, line, column, literals, List.of());
        }
    }

    /** A string literal and where it stands in the file (1-based line and column). */
    public record ParsedLiteral(String value, int line, int column) {}
}
