package io.crosscheck.engine.drl;

import io.crosscheck.engine.drl.CodeCheck.Place;
import io.crosscheck.engine.drl.CodeCheck.Scope;
import io.crosscheck.engine.drl.JavaTokens.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateDescr.AccumulateFunctionCallDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * The allow-list on a rule's conditions: patterns on fact-model types (and {@code List}, {@code Number} for collect
 * and accumulate), combined with and, or, not, exists and forall; constraints, {@code from} expressions,
 * {@code eval} and the arguments of the built-in accumulate functions checked as code; anything else the parser
 * knows (named consequences, entry points, windows, queries, accumulate with its own code) refused.
 */
final class RuleConditions {

    static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("count", "sum", "average", "min", "max", "collectList", "collectSet");
    private static final Set<String> PATTERN_JDK_TYPES = Set.of("List", "Set", "Collection", "Number", "Object");
    private static final String ONLY = "conditions are patterns on facts of the fact model, combined with and, or,"
            + " not, exists and forall, with from, collect, the accumulate functions " + ACCUMULATE_FUNCTIONS
            + " and eval";

    private final Located file;
    private final Set<String> bound = new HashSet<>();
    private final Map<String, Class<?>> types = new HashMap<>();
    private final Set<String> globals;

    RuleConditions(Located file, Set<String> globals) {
        this.file = file;
        this.globals = globals;
    }

    /** Variables the conditions bind ({@code $x : Type(...)}, {@code $v : field}, accumulate results). */
    Set<String> bound() {
        return bound;
    }

    /** The type of each variable bound to a whole fact ({@code $x : Type(...)}), where the type is one a rule may match. */
    Map<String, Class<?>> types() {
        return types;
    }

    void check(AndDescr lhs) {
        if (lhs != null) {
            collect(lhs);
            walk(lhs);
        }
    }

    private void collect(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            if (p.getIdentifier() != null) {
                bound.add(p.getIdentifier());
                Class<?> type = patternType(p.getObjectType());
                if (type != null) {
                    types.put(p.getIdentifier(), type);
                }
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    List<Token> t = JavaTokens.of(e.getExpression()); // an inline binding: $v : field ...
                    if (t.size() > 1
                            && t.get(0).kind() == JavaTokens.Kind.WORD
                            && t.get(1).is(":")) {
                        bound.add(t.get(0).text());
                    }
                }
            }
            if (p.getSource() != null) {
                collect(p.getSource());
            }
        } else if (d instanceof AccumulateDescr a) {
            a.getFunctions().stream()
                    .map(AccumulateFunctionCallDescr::getBind)
                    .filter(b -> b != null)
                    .forEach(bound::add);
            if (a.getInput() != null) {
                collect(a.getInput());
            }
        } else if (d instanceof CollectDescr c) {
            collect(c.getInputPattern());
        } else if (d instanceof AndDescr
                || d instanceof OrDescr
                || d instanceof NotDescr
                || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                collect((BaseDescr) child);
            }
        }
    }

    private void walk(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            pattern(p);
        } else if (d instanceof EvalDescr e) {
            file.code(String.valueOf(e.getContent()), e, e.getStartCharacter(), scope(Place.EXPRESSION, Set.of()));
        } else if (d instanceof AndDescr
                || d instanceof OrDescr
                || d instanceof NotDescr
                || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                walk((BaseDescr) child);
            }
        } else {
            file.refuse(d, new CodeCheck.Violation(0, kind(d), ONLY));
        }
    }

    private void pattern(PatternDescr p) {
        String type = p.getObjectType();
        Class<?> factType = patternType(type);
        if (factType == null) {
            file.refuse(type, p.getStartCharacter(), p, type, "it is not a type of the fact model; " + ONLY);
            return;
        }
        if (p.isQuery() || !p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()) {
            file.refuse(
                    p,
                    new CodeCheck.Violation(
                            0,
                            type,
                            "a pattern may not call a query, use a window or carry" + " annotations; " + ONLY));
            return;
        }
        Scope constraint = new Scope(Place.CONSTRAINT, bound, globals, FactModel.membersOf(factType), factType, types);
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                file.code(e.getExpression(), e, e.getStartCharacter(), constraint);
            } else {
                file.refuse(c, new CodeCheck.Violation(0, kind(c), ONLY));
            }
        }
        BaseDescr source = p.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof FromDescr f && f.getDataSource() instanceof MVELExprDescr) {
            int from = file.find("from", Math.max(p.getRightParentCharacter(), p.getStartCharacter()));
            file.code(f.getExpression(), p, from, scope(Place.EXPRESSION, Set.of()));
        } else if (source instanceof CollectDescr c) {
            walk(c.getInputPattern());
        } else if (source instanceof AccumulateDescr a) {
            accumulate(a);
        } else {
            file.refuse(source, new CodeCheck.Violation(0, kind(source), ONLY));
        }
    }

    private void accumulate(AccumulateDescr a) {
        int start = a.getStartCharacter();
        if (!a.isExternalFunction()
                || a.getInitCode() != null
                || a.getActionCode() != null
                || a.getResultCode() != null
                || a.getReverseCode() != null) {
            String word = a.getInitCode() != null ? "init" : a.getActionCode() != null ? "action" : "accumulate";
            file.refuse(
                    word,
                    start,
                    a,
                    word,
                    "an accumulate may only use the built-in functions " + ACCUMULATE_FUNCTIONS
                            + ", never code of its own");
            return;
        }
        if (a.getInput() != null) {
            walk(a.getInput());
        }
        for (AccumulateFunctionCallDescr f : a.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                file.refuse(
                        f.getFunction(),
                        start,
                        a,
                        f.getFunction(),
                        "an accumulate may only use the built-in" + " functions " + ACCUMULATE_FUNCTIONS);
                continue;
            }
            int at = file.find(f.getFunction(), start);
            for (String param : f.getParams()) {
                file.code(param, a, at, scope(Place.EXPRESSION, Set.of()));
            }
        }
    }

    private Scope scope(Place place, Set<String> patternMembers) {
        return new Scope(place, bound, globals, patternMembers, null, types);
    }

    /** The pattern's type if a rule may match it: a fact-model class, or a JDK collection/number for collect. */
    private static Class<?> patternType(String type) {
        if (type == null) {
            return null;
        }
        if (type.contains(".")) {
            return FactModel.isFactClass(type) ? FactModel.type(type.substring(type.lastIndexOf('.') + 1)) : null;
        }
        Class<?> c = FactModel.type(type);
        return c != null && (c.getName().startsWith("io.crosscheck.engine.facts.") || PATTERN_JDK_TYPES.contains(type))
                ? c
                : null;
    }

    /** A readable name for a descr the allow-list does not know, e.g. {@code EntryPointDescr} -> entry point. */
    private static String kind(BaseDescr d) {
        String n = d.getClass().getSimpleName().replaceFirst("Descr$", "");
        return n.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
