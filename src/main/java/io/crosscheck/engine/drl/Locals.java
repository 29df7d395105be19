package io.crosscheck.engine.drl;

import io.crosscheck.engine.drl.JavaTokens.Kind;
import io.crosscheck.engine.drl.JavaTokens.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local variables a consequence declares ({@code StringBuilder text = ...}, {@code for ( Object o : $list )},
 * lambda parameters), read from its tokens, and the bracket matching the checks need. A local is declared only after
 * a type the rule may name, so a name declared this way holds nothing the allow-list did not already check.
 */
final class Locals {

    private static final Set<String> DECLARATION_TYPES =
            Set.of("int", "long", "double", "float", "short", "byte", "char", "boolean", "var");
    private static final Set<String> AFTER_NAME = Set.of("=", ":", ";", ",", ")");

    private Locals() {}

    static Set<String> declaredIn(List<Token> t) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() != Kind.WORD) {
                continue;
            }
            String after = i + 1 < t.size() ? t.get(i + 1).text() : ";";
            if (after.equals("->")) {
                names.add(k.text());
            } else if (AFTER_NAME.contains(after) && i > 0 && endsType(t, i - 1)) {
                names.add(k.text());
            }
        }
        for (int i = 1; i < t.size(); i++) {
            if (t.get(i).is("->") && t.get(i - 1).is(")")) {
                for (int j = openingOf(t, i - 1) + 1; j < i - 1; j++) {
                    if (t.get(j).kind() == Kind.WORD
                            && (t.get(j + 1).is(",") || t.get(j + 1).is(")"))) {
                        names.add(t.get(j).text());
                    }
                }
            }
        }
        names.removeIf(n -> Character.isUpperCase(n.charAt(0)) || FactModel.REFUSED_MEMBERS.contains(n));
        return names;
    }

    /** Whether the token at {@code i} ends a type: an allowed type or primitive, {@code Type[]}, {@code Type<...>}. */
    private static boolean endsType(List<Token> t, int i) {
        Token k = t.get(i);
        if (k.kind() == Kind.WORD) {
            boolean qualified = i > 0 && t.get(i - 1).is(".");
            return !qualified && (DECLARATION_TYPES.contains(k.text()) || FactModel.type(k.text()) != null);
        }
        if (k.is("]") && i >= 2 && t.get(i - 1).is("[")) {
            return endsType(t, i - 2);
        }
        if (k.is(">")) {
            int depth = 0;
            for (int j = i; j >= 0; j--) {
                Token g = t.get(j);
                if (g.is(">")) {
                    depth++;
                } else if (g.is("<") && --depth == 0) {
                    return j > 0 && endsType(t, j - 1);
                } else if (!(g.kind() == Kind.WORD || g.is(",") || g.is("?") || g.is("[") || g.is("]"))) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The index of the bracket closing the one at {@code open} ( ( [ or { ), or the last index. */
    static int matching(List<Token> t, int open) {
        if (open >= t.size()) {
            return t.size() - 1;
        }
        String o = t.get(open).text();
        String c = o.equals("(") ? ")" : o.equals("[") ? "]" : "}";
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).is(o)) {
                depth++;
            } else if (t.get(j).is(c) && --depth == 0) {
                return j;
            }
        }
        return t.size() - 1;
    }

    /** The index of the {@code (} the {@code )} at {@code close} closes, or 0. */
    static int openingOf(List<Token> t, int close) {
        int depth = 0;
        for (int j = close; j >= 0; j--) {
            if (t.get(j).is(")")) {
                depth++;
            } else if (t.get(j).is("(") && --depth == 0) {
                return j;
            }
        }
        return 0;
    }

    /** {@code for ( Type name : collection )}: no counting loop, which could run without end. */
    static boolean enhancedFor(List<Token> t, int forAt) {
        if (forAt + 1 >= t.size() || !t.get(forAt + 1).is("(")) {
            return false;
        }
        int close = matching(t, forAt + 1);
        boolean colon = false;
        int depth = 0;
        for (int j = forAt + 1; j <= close; j++) {
            Token k = t.get(j);
            depth += k.is("(") ? 1 : k.is(")") ? -1 : 0;
            if (depth == 1 && k.is(";")) {
                return false;
            }
            colon |= depth == 1 && k.is(":");
        }
        return colon;
    }
}
