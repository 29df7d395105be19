package io.crosscheck.engine.drl;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.drl.ParsedRule.ParsedConstraint;
import io.crosscheck.engine.drl.ParsedRule.ParsedConstruction;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Reads DRL with Drools' own parser ({@link DrlParser} to {@link PackageDescr} and {@link RuleDescr}),
 * never with regular expressions over the text, and reports what authoring tools need: each rule's
 * id and position, the patterns of its conditions with the string literals they compare against, and
 * the objects its consequence creates. The consequence is Java, which the DRL parser hands over as
 * text; only its {@code new Type(...)} calls and their string arguments are read from it, with a
 * lexer that knows Java string and comment syntax.
 */
public final class DrlFiles {

    private DrlFiles() {}

    /** Parses every file (path -> text); syntax errors are added to {@code problems} as file:line:column. */
    public static Map<String, List<ParsedRule>> parse(Map<String, String> drlFiles, List<KnowledgeProblem> problems) {
        Map<String, List<ParsedRule>> parsed = new TreeMap<>();
        drlFiles.forEach((path, text) -> parsed.put(path, parse(path, text, problems)));
        return parsed;
    }

    public static List<ParsedRule> parse(String path, String text, List<KnowledgeProblem> problems) {
        PackageDescr pkg = parsePackage(path, text, problems);
        if (pkg == null) {
            return List.of();
        }
        SourceText source = new SourceText(text);
        List<ParsedRule> rules = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            List<ParsedPattern> patterns = new ArrayList<>();
            collectPatterns(rule.getLhs(), source, patterns, Under.NOTHING);
            rules.add(new ParsedRule(
                    path,
                    rule.getName(),
                    annotation(rule, "id"),
                    rule.getLine(),
                    rule.getColumn() + 1,
                    patterns,
                    constructions(rule, source),
                    stage(rule),
                    annotation(rule, "version")));
        }
        return rules;
    }

    /** The file as Drools' parser reads it, or null with its syntax errors added to {@code problems}. */
    static PackageDescr parsePackage(String path, String text, List<KnowledgeProblem> problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(null, text);
        } catch (DroolsParserException e) {
            problems.add(new KnowledgeProblem(path, e.getLineNumber(), e.getColumn() + 1, e.getMessage()));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                if (error instanceof ParserError pe) {
                    problems.add(new KnowledgeProblem(path, pe.getRow(), pe.getCol() + 1, pe.getMessage()));
                } else {
                    int[] lines = error.getLines();
                    problems.add(new KnowledgeProblem(path, lines.length > 0 ? lines[0] : 0, 0, error.getMessage()));
                }
            }
            return null;
        }
        return pkg;
    }

    /** The rule's ruleflow-group, else its agenda-group, else Drools' default agenda group. */
    private static String stage(RuleDescr rule) {
        for (String attribute : List.of("ruleflow-group", "agenda-group")) {
            AttributeDescr a = rule.getAttributes().get(attribute);
            if (a != null && a.getValue() != null && !a.getValue().isBlank()) {
                return a.getValue().strip().replaceAll("^\"|\"$", "");
            }
        }
        return ParsedRule.NO_STAGE;
    }

    /** Where a pattern stands: under a negation, an alternative, or inside something that may match none. */
    private record Under(boolean negated, boolean alternative, boolean optional) {
        static final Under NOTHING = new Under(false, false, false);

        Under within(BaseDescr d) {
            return new Under(
                    negated || d instanceof NotDescr,
                    alternative || d instanceof OrDescr,
                    optional || d instanceof ForallDescr);
        }

        Under optionally() {
            return new Under(negated, alternative, true);
        }
    }

    static String annotation(RuleDescr rule, String name) {
        AnnotationDescr a = rule.getAnnotation(name);
        if (a == null || a.getSingleValueAsString() == null) {
            return null;
        }
        String v = a.getSingleValueAsString().strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Walks the condition tree: and/or/not/exists/forall, and the sources of from collect / accumulate. */
    private static void collectPatterns(BaseDescr d, SourceText source, List<ParsedPattern> into, Under under) {
        if (d instanceof PatternDescr p) {
            List<ParsedLiteral> literals = new ArrayList<>();
            List<ParsedConstraint> constraints = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    literals.addAll(source.literals(e.getStartCharacter(), e.getEndCharacter()));
                    int[] at = e.getStartCharacter() >= 0
                            ? source.position(e.getStartCharacter())
                            : new int[] {e.getLine(), e.getColumn() + 1};
                    constraints.add(new ParsedConstraint(e.getExpression(), at[0], at[1]));
                }
            }
            into.add(new ParsedPattern(
                    p.getObjectType(),
                    p.getLine(),
                    p.getColumn() + 1,
                    literals,
                    constraints,
                    under.negated(),
                    under.alternative(),
                    p.getIdentifier(),
                    !under.negated() && !under.alternative() && !under.optional() && p.getSource() == null));
            if (p.getSource() != null) {
                collectPatterns(p.getSource(), source, into, under);
            }
        } else if (d instanceof CollectDescr c) {
            collectPatterns(c.getInputPattern(), source, into, under.optionally());
        } else if (d instanceof AccumulateDescr a) {
            collectPatterns(a.getInput(), source, into, under.optionally());
        } else if (d instanceof ConditionalElementDescr ce) {
            Under inner = under.within(d);
            for (Object child : ce.getDescrs()) {
                if (child instanceof BaseDescr b) {
                    collectPatterns(b, source, into, inner);
                }
            }
        }
    }

    /** The {@code new Type( ... )} calls of the consequence, located in the file. */
    private static List<ParsedConstruction> constructions(RuleDescr rule, SourceText source) {
        String rhs = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        int offset = source.indexOf(rhs, Math.max(0, rule.getStartCharacter()));
        if (rhs.isBlank() || offset < 0) {
            return List.of();
        }
        return source.constructions(offset, offset + rhs.length());
    }
}
