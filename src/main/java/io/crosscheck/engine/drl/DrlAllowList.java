package io.crosscheck.engine.drl;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.drl.CodeCheck.Place;
import io.crosscheck.engine.drl.CodeCheck.Scope;
import io.crosscheck.engine.drl.CodeCheck.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Rules are data, not code, to the server (docs/adr/0006): checks DRL, as Drools' own parser reads it, against an
 * allow-list before anything is compiled. A rule file may import the fact model and a few JDK collection types,
 * declare the global {@code reference}, and hold rules whose conditions match facts and whose consequences insert,
 * modify or update facts and call their methods. No functions, declared types, queries, custom accumulate code,
 * code in attributes or metadata, and no name outside the fact model: every problem is reported at the token, as
 * {@code file:line:column}.
 */
public final class DrlAllowList {

    private static final String FACTS = "io.crosscheck.engine.facts.";
    private static final String PACKAGE = "rules(\\.[a-z][a-z0-9_]*)*";
    private static final String LITERAL = "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(\\.\\d+)?|true|false";
    private static final Set<String> STRING_ATTRIBUTES = Set.of("ruleflow-group", "agenda-group", "activation-group");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
    private static final String ATTRIBUTES = "a rule's attributes are salience (a whole number), ruleflow-group,"
            + " agenda-group, activation-group, no-loop, lock-on-active, auto-focus and enabled (true or false)";
    private static final String NO_CODE_OUTSIDE_RULES =
            "a rule file holds rules, not code: no function, declare," + " query or imported function";

    private DrlAllowList() {}

    /** The fact model: every type of {@code io.crosscheck.engine.facts} a rule may match, insert or name. */
    public static List<Class<?>> factTypes() {
        return FactModel.FACTS;
    }

    /** Every problem of every file (path -> DRL); none means the files may be compiled. */
    public static List<KnowledgeProblem> check(Map<String, String> drlFiles) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        drlFiles.forEach((path, text) -> problems.addAll(check(path, text)));
        return problems;
    }

    /** The problems of one file; a file that does not parse is reported with its syntax errors. */
    public static List<KnowledgeProblem> check(String path, String text) {
        List<KnowledgeProblem> syntax = new ArrayList<>();
        PackageDescr pkg = DrlFiles.parsePackage(path, text, syntax);
        if (pkg == null) {
            return syntax;
        }
        Located file = new Located(path, text);
        packageLevel(pkg, file);
        Set<String> globals = globals(pkg, file);
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule, file, globals);
        }
        return file.problems();
    }

    private static void packageLevel(PackageDescr pkg, Located file) {
        String name = pkg.getName();
        if (name != null && !name.isEmpty() && !name.matches(PACKAGE)) {
            file.refuse(name, file.find("package", 0), pkg, name, "a rule file's package is rules or rules.<folder>");
        }
        for (ImportDescr i : pkg.getImports()) {
            if (!importable(i.getTarget())) {
                file.refuse(
                        i.getTarget(),
                        i.getStartCharacter(),
                        i,
                        i.getTarget(),
                        "a rule file may import only the" + " fact model (io.crosscheck.engine.facts) and "
                                + jdkTypes());
            }
        }
        pkg.getFunctionImports().forEach(i -> refuseKeyword(file, "import", i, NO_CODE_OUTSIDE_RULES));
        pkg.getAccumulateImports().forEach(i -> refuseKeyword(file, "import", i, NO_CODE_OUTSIDE_RULES));
        pkg.getFunctions().forEach(f -> refuseKeyword(file, "function", f, NO_CODE_OUTSIDE_RULES));
        pkg.getTypeDeclarations().forEach(d -> refuseKeyword(file, "declare", d, NO_CODE_OUTSIDE_RULES));
        pkg.getEnumDeclarations().forEach(d -> refuseKeyword(file, "declare", d, NO_CODE_OUTSIDE_RULES));
        pkg.getEntryPointDeclarations().forEach(d -> refuseKeyword(file, "declare", d, NO_CODE_OUTSIDE_RULES));
        pkg.getWindowDeclarations().forEach(d -> refuseKeyword(file, "declare", d, NO_CODE_OUTSIDE_RULES));
        if (pkg.getUnit() != null) {
            refuseKeyword(file, "unit", pkg.getUnit(), "rule units are not used: " + NO_CODE_OUTSIDE_RULES);
        }
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(a, 0, file);
        }
    }

    private static Set<String> globals(PackageDescr pkg, Located file) {
        Set<String> names = new HashSet<>();
        for (GlobalDescr g : pkg.getGlobals()) {
            if (g.getType().equals(FactModel.GLOBAL_TYPE.getName())) {
                names.add(g.getIdentifier());
            } else {
                file.refuse(
                        g.getType(),
                        g.getStartCharacter(),
                        g,
                        g.getType(),
                        "the only global is " + FactModel.GLOBAL_TYPE.getName()
                                + " reference (reference data, looked up)");
            }
        }
        return names;
    }

    private static void rule(RuleDescr rule, Located file, Set<String> globals) {
        int start = Math.max(0, rule.getStartCharacter());
        if (rule.isQuery()) {
            refuseKeyword(file, "query", rule, NO_CODE_OUTSIDE_RULES);
            return;
        }
        rule.getAttributes().values().forEach(a -> attribute(a, start, file));
        for (AnnotationDescr a : rule.getAnnotations()) {
            annotation(a, rule, start, file);
        }
        if (rule.getNamedConsequences().keySet().stream().anyMatch(k -> !k.equals("default"))) {
            file.refuse("then[", start, rule, "then[", "a rule has one consequence (no named consequences)");
        }
        RuleConditions conditions = new RuleConditions(file, globals);
        conditions.check(rule.getLhs());
        Object then = rule.getConsequence();
        if (then != null) {
            int from = rule.getLhs() != null && rule.getLhs().getEndCharacter() > start
                    ? rule.getLhs().getEndCharacter()
                    : start;
            file.code(
                    then.toString(),
                    rule,
                    file.find("then", from),
                    new Scope(Place.CONSEQUENCE, conditions.bound(), globals, Set.of(), null, conditions.types()));
        }
    }

    private static void attribute(AttributeDescr a, int ruleStart, Located file) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().strip();
        int from = a.getStartCharacter() >= 0 ? a.getStartCharacter() : ruleStart;
        boolean expression = a.getType() == AttributeDescr.Type.EXPRESSION;
        if (name.equals("salience")) {
            if (!value.matches("-?\\d+")) {
                literal(value, a, from, file, "salience is a whole number");
            }
        } else if (STRING_ATTRIBUTES.contains(name) && !expression
                || BOOLEAN_ATTRIBUTES.contains(name) && value.matches("true|false|")) {
            return;
        } else if (name.equals("dialect")) {
            if (!value.equals("java")) {
                file.refuse(a, new Violation(0, value, "rules are written in the java dialect only"));
            }
        } else {
            file.refuse(name, Math.max(0, ruleStart), a, name, ATTRIBUTES);
        }
    }

    /** Metadata values such as {@code @id("INT-001")}: Drools evaluates them as MVEL, so only literals pass. */
    private static void annotation(AnnotationDescr a, RuleDescr rule, int ruleStart, Located file) {
        int at = file.find("@" + a.getName(), ruleStart);
        if (a.getFullyQualifiedName() != null) {
            file.refuse(
                    "@" + a.getName(),
                    ruleStart,
                    rule,
                    "@" + a.getName(),
                    "metadata is @name(\"text\"), not" + " a Java annotation");
            return;
        }
        for (Object value : a.getValueMap().values()) {
            String v = value instanceof String s ? s.strip() : null;
            if (v == null) {
                file.refuse(rule, new Violation(0, "@" + a.getName(), Place.LITERAL.reason));
            } else if (!v.matches(LITERAL)) {
                literal(v, rule, at, file, Place.LITERAL.reason);
            }
        }
    }

    /** A value that should be a literal: the first token that is not, else the value as a whole. */
    private static void literal(String value, BaseDescr at, int from, Located file, String reason) {
        int before = file.problems().size();
        file.code(value, at, from, new Scope(Place.LITERAL, Set.of(), Set.of(), Set.of()));
        if (file.problems().size() == before) {
            file.refuse(value, from, at, value, reason);
        }
    }

    private static void refuseKeyword(Located file, String keyword, BaseDescr d, String reason) {
        int start = d.getStartCharacter();
        int found = start < 0 ? -1 : file.text().lastIndexOf(keyword, start + keyword.length());
        if (found >= 0) {
            file.refuse(found, new Violation(0, keyword, reason));
        } else {
            file.refuse(d, new Violation(0, keyword, reason));
        }
    }

    private static boolean importable(String target) {
        if (target.equals(FACTS + "*")) {
            return true;
        }
        if (target.startsWith(FACTS)) {
            return FactModel.isFactClass(target);
        }
        return FactModel.JDK.stream().anyMatch(c -> c.getName().equals(target));
    }

    private static String jdkTypes() {
        return String.join(", ", FactModel.JDK.stream().map(Class::getName).toList());
    }
}
