package io.crosscheck.engine.drl;

import io.crosscheck.engine.drl.JavaTokens.Kind;
import io.crosscheck.engine.drl.JavaTokens.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one piece of code of a rule against the allow-list (docs/adr/0006), token by token: every name that
 * starts a chain must be something the rule was given (a bound variable, a local of the consequence, the global
 * {@code reference}, a field of the pattern's fact, a type of the fact model or an allowed JDK type, a DRL keyword)
 * and every name after a dot a member of such a type. The JVM, files, processes and reflection are not among them,
 * so {@code java.lang.Runtime...}, {@code System.exit} or {@code drools.getKieRuntime()} fail at their first name.
 */
final class CodeCheck {

    /** Where the code stands, which decides what it may use. */
    enum Place {
        CONSEQUENCE("a consequence may only insert, modify or update facts of the fact model and call their methods"),
        CONSTRAINT("a condition may only compare its fact's fields with bound variables, reference data and literals"),
        EXPRESSION("an expression in a condition may only use bound variables, the reference global, fact-model types"
                + " and literals"),
        LITERAL("a rule's attributes and metadata are literal values (a text in quotes, a number, true or false)");

        final String reason;

        Place(String reason) {
            this.reason = reason;
        }
    }

    /**
     * The names a piece of code was given: variables bound in the rule, globals, the pattern's own members; and, for
     * messages that say what exists, the pattern's type and the types of the rule's bound variables where known.
     */
    record Scope(
            Place place,
            Set<String> bound,
            Set<String> globals,
            Set<String> patternMembers,
            Class<?> patternType,
            Map<String, Class<?>> types) {
        Scope(Place place, Set<String> bound, Set<String> globals, Set<String> patternMembers) {
            this(place, bound, globals, patternMembers, null, Map.of());
        }
    }

    /**
     * What is refused and where: {@code offset} into the checked code as written. A name that is simply not there (a
     * field a fact does not have) is reported in words of its own ({@code ownMessage}), not as a refusal.
     */
    record Violation(int offset, String named, String reason, boolean ownMessage) {
        Violation(int offset, String named, String reason) {
            this(offset, named, reason, false);
        }

        String message() {
            return ownMessage ? reason : "'" + named + "' is not allowed here: " + reason + " (docs/adr/0006)";
        }
    }

    static final String JVM = "rules may not reach the JVM, files, processes, the network or reflection";

    /** Names refused with a message of their own (the allow-list refuses them anyway). */
    private static final Set<String> REFUSED_HEADS = Set.of(
            "System",
            "Runtime",
            "Class",
            "ClassLoader",
            "Thread",
            "ProcessBuilder",
            "Process",
            "Files",
            "Paths",
            "Path",
            "File",
            "URL",
            "URI",
            "Socket",
            "Method",
            "Field",
            "Constructor",
            "Proxy",
            "MethodHandles",
            "Unsafe",
            "getClass",
            "forName");

    private static final Set<String> LITERALS = Set.of("true", "false", "null");
    private static final Set<String> PRIMITIVES =
            Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean");
    private static final Set<String> DRL_ACTIONS =
            Set.of("insert", "insertLogical", "modify", "update", "delete", "retract");
    private static final Set<String> JAVA_STATEMENTS =
            Set.of("new", "if", "else", "for", "return", "instanceof", "final", "var", "break", "continue");
    private static final Set<String> OPERATORS =
            Set.of("contains", "excludes", "memberOf", "matches", "soundslike", "in", "not", "str", "instanceof");
    private static final Set<String> STR_OPERATORS = Set.of("startsWith", "endsWith", "length");
    private static final Set<String> CONDITION_SYMBOLS = Set.of(
            "(", ")", "[", "]", ",", ".", "!", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%",
            "?", ":", "?.", "!.", "&", "|");
    private static final Set<String> CONSEQUENCE_REFUSED_SYMBOLS = Set.of("@", "#", "\\", "`");

    private CodeCheck() {}

    /** The first thing in {@code code} the allow-list refuses, if any. */
    static Optional<Violation> check(String code, Scope scope) {
        List<Token> t = JavaTokens.of(code);
        Set<String> locals = scope.place() == Place.CONSEQUENCE ? Locals.declaredIn(t) : Set.of();
        int modifyBlockEnd = -1;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.NUMBER || k.kind() == Kind.LITERAL) {
                continue;
            }
            Optional<Violation> refused = k.kind() == Kind.SYMBOL
                    ? symbol(t, i, scope.place())
                    : word(t, i, scope, locals, i < modifyBlockEnd);
            if (refused.isPresent()) {
                return refused;
            }
            if (k.is("modify") && scope.place() == Place.CONSEQUENCE) {
                int close = Locals.matching(t, i + 1);
                if (close + 1 < t.size() && t.get(close + 1).is("{")) {
                    modifyBlockEnd = Locals.matching(t, close + 1);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> symbol(List<Token> t, int i, Place place) {
        Token k = t.get(i);
        boolean allowed = switch (place) {
            case CONSEQUENCE -> !CONSEQUENCE_REFUSED_SYMBOLS.contains(k.text());
            case CONSTRAINT, EXPRESSION -> CONDITION_SYMBOLS.contains(k.text());
            case LITERAL -> k.is("-") || k.is("+") || k.is("(") || k.is(")");
        };
        if (!allowed) {
            return refuse(k, place.reason);
        }
        if (k.is("{") && anonymousClass(t, i)) {
            return refuse(k, "a consequence may not define classes (an anonymous class after 'new')");
        }
        return Optional.empty();
    }

    private static Optional<Violation> word(List<Token> t, int i, Scope scope, Set<String> locals, boolean inModify) {
        Token k = t.get(i);
        String name = k.text();
        Token prev = i > 0 ? t.get(i - 1) : null;
        if (prev != null && (prev.is(".") || prev.is("::") || prev.is("?.") || prev.is("!."))) {
            if (FactModel.REFUSED_MEMBERS.contains(name)) {
                return refuse(k, JVM);
            }
            Class<?> owner =
                    i >= 2 && prev.is(".") ? scope.types().get(t.get(i - 2).text()) : null;
            if (owner != null && !FactModel.membersOf(owner).contains(name)) {
                return missing(k, FactFields.noSuchMember(owner, name));
            }
            if (name.equals("new") && prev.is("::") || FactModel.isMember(name)) {
                return Optional.empty();
            }
            return refuse(k, "it is not a method or field of the fact model or of an allowed type");
        }
        if (REFUSED_HEADS.contains(name) || FactModel.REFUSED_MEMBERS.contains(name)) {
            return refuse(k, JVM);
        }
        if (name.equals("drools") || name.equals("kcontext")) {
            return refuse(k, "a consequence reaches the engine only through insert, modify, update and delete");
        }
        Place place = scope.place();
        if (place == Place.LITERAL) {
            return LITERALS.contains(name) ? Optional.empty() : refuse(k, place.reason);
        }
        if (prev != null && prev.is("new")) {
            return FactModel.type(name) != null || PRIMITIVES.contains(name)
                    ? Optional.empty()
                    : refuse(k, "only objects of the fact model and allowed JDK types may be created");
        }
        if (LITERALS.contains(name) || PRIMITIVES.contains(name) || FactModel.type(name) != null) {
            return Optional.empty();
        }
        if (scope.bound().contains(name) || scope.globals().contains(name)) {
            return Optional.empty();
        }
        if (name.startsWith("$")) {
            return refuse(k, "it is not bound in this rule");
        }
        boolean allowed = switch (place) {
            case CONSEQUENCE ->
                locals.contains(name)
                        || DRL_ACTIONS.contains(name) && next(t, i).is("(")
                        || JAVA_STATEMENTS.contains(name)
                        || inModify && FactModel.isMember(name);
            case CONSTRAINT -> scope.patternMembers().contains(name) || name.equals("this") || operator(t, i);
            case EXPRESSION -> operator(t, i);
            case LITERAL -> false;
        };
        if (!allowed
                && place == Place.CONSTRAINT
                && scope.patternType() != null
                && Character.isLowerCase(name.charAt(0))
                && !next(t, i).is(".")) { // a field; the head of java.lang.System... is refused as a package
            return missing(k, FactFields.noSuchMember(scope.patternType(), name));
        }
        if (!allowed) {
            return refuse(k, place.reason);
        }
        if (name.equals("for") && !Locals.enhancedFor(t, i)) {
            return refuse(k, "a loop may only go through a collection: for ( Type name : collection )");
        }
        return Optional.empty();
    }

    private static boolean operator(List<Token> t, int i) {
        String name = t.get(i).text();
        return OPERATORS.contains(name)
                || STR_OPERATORS.contains(name)
                        && i >= 2
                        && t.get(i - 1).is("[")
                        && t.get(i - 2).is("str");
    }

    /** {@code new Type( ... ) {}: a class body where a value should be. */
    private static boolean anonymousClass(List<Token> t, int brace) {
        if (brace < 1 || !t.get(brace - 1).is(")")) {
            return false;
        }
        int open = Locals.openingOf(t, brace - 1);
        int j = open - 1;
        while (j >= 0
                && (t.get(j).is(">")
                        || t.get(j).is("<")
                        || t.get(j).is(",")
                        || t.get(j).is(".")
                        || t.get(j).kind() == Kind.WORD && !t.get(j).is("new"))) {
            j--;
        }
        return j >= 0 && t.get(j).is("new") && j < open - 1;
    }

    private static Token next(List<Token> t, int i) {
        return i + 1 < t.size() ? t.get(i + 1) : new Token(Kind.SYMBOL, "", -1);
    }

    private static Optional<Violation> missing(Token k, String message) {
        return Optional.of(new Violation(k.offset(), k.text(), message, true));
    }

    private static Optional<Violation> refuse(Token k, String reason) {
        return Optional.of(new Violation(k.offset(), k.text(), reason));
    }
}
