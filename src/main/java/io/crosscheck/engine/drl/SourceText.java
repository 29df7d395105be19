package io.crosscheck.engine.drl;

import io.crosscheck.engine.drl.ParsedRule.ParsedConstruction;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * A DRL file's text as a sequence of Java-like tokens: enough to find string literals inside a
 * constraint the parser located, and {@code new Type(...)} calls inside a consequence, skipping
 * comments and character literals, and to turn offsets into 1-based lines and columns.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int indexOf(String s, int from) {
        return text.indexOf(s, from);
    }

    /** The string literals between two offsets (end inclusive when the parser gives an inclusive end). */
    List<ParsedLiteral> literals(int start, int end) {
        List<ParsedLiteral> literals = new ArrayList<>();
        if (start < 0) {
            return literals;
        }
        int stop = Math.min(text.length(), Math.max(end + 1, start));
        for (Token t : tokens(start, stop)) {
            if (t.kind == Kind.STRING) {
                literals.add(literal(t));
            }
        }
        return literals;
    }

    /**
     * Every {@code new Type( ... )} between two offsets, and every call of a fact's static factory that makes one
     * ({@code PatternConclusion.grade( ... )}), with the string literals among its arguments.
     */
    List<ParsedConstruction> constructions(int start, int end) {
        List<Token> tokens = tokens(start, Math.min(end, text.length()));
        List<ParsedConstruction> found = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            String made = t.kind == Kind.WORD && tokens.get(i + 1).value.equals("(") ? factory(t) : null;
            boolean created = t.kind == Kind.WORD
                    && t.value.equals("new")
                    && tokens.get(i + 1).kind == Kind.WORD
                    && tokens.get(i + 2).value.equals("(");
            if (made != null || created) {
                Token type = made != null ? new Token(Kind.WORD, made, t.offset) : tokens.get(i + 1);
                int open = made != null ? i + 1 : i + 2;
                List<ParsedLiteral> args = new ArrayList<>();
                List<String> variables = new ArrayList<>();
                int depth = 0;
                for (int j = open; j < tokens.size(); j++) {
                    Token a = tokens.get(j);
                    if (a.value.equals("(")) {
                        depth++;
                    } else if (a.value.equals(")") && --depth == 0) {
                        break;
                    } else if (a.kind == Kind.STRING) {
                        args.add(literal(a));
                    } else if (depth == 1 && a.kind == Kind.WORD && a.value.startsWith("$") && argument(tokens, j)) {
                        variables.add(a.value);
                    }
                }
                int[] at = position(type.offset);
                found.add(new ParsedConstruction(type.value, at[0], at[1], args, variables));
            }
        }
        return found;
    }

    /**
     * The fact a static factory call makes ({@code PatternConclusion.grade} returns a {@code PatternConclusion}), or
     * null when the word is no such call.
     */
    private String factory(Token word) {
        int dot = text.lastIndexOf('.', word.offset);
        if (dot < 0 || dot != word.offset - 1) {
            return null;
        }
        int from = dot;
        while (from > 0 && Character.isJavaIdentifierPart(text.charAt(from - 1))) {
            from--;
        }
        Class<?> owner = FactModel.type(text.substring(from, dot));
        if (owner == null || !owner.getName().startsWith("io.crosscheck.engine.facts.")) {
            return null;
        }
        return java.util.Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equals(word.value)
                        && java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && m.getReturnType().getName().startsWith("io.crosscheck.engine.facts."))
                .map(m -> m.getReturnType().getSimpleName())
                .findFirst()
                .orElse(null);
    }

    /** Whether the word at {@code j} is a whole argument: between the opening parenthesis or a comma and the next. */
    private boolean argument(List<Token> tokens, int j) {
        String before = tokens.get(j - 1).value;
        String after = j + 1 < tokens.size() ? tokens.get(j + 1).value : ")";
        boolean qualified = text.charAt(tokens.get(j).offset - 1) == '.';
        return !qualified && (before.equals("(") || before.equals(",")) && (after.equals(")") || after.equals(","));
    }

    private ParsedLiteral literal(Token t) {
        int[] at = position(t.offset);
        return new ParsedLiteral(t.value, at[0], at[1]);
    }

    /** 1-based line and column of an offset. */
    int[] position(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new int[] {lo + 1, offset - lineStarts[lo] + 1};
    }

    private enum Kind {
        WORD,
        STRING,
        SYMBOL
    }

    private record Token(Kind kind, String value, int offset) {}

    private List<Token> tokens(int start, int end) {
        List<Token> tokens = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '/') {
                while (i < end && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? end : close + 2;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < end && text.charAt(j) != c) {
                    if (text.charAt(j) == '\\' && j + 1 < end) {
                        j++;
                    }
                    value.append(text.charAt(j));
                    j++;
                }
                if (c == '"') {
                    tokens.add(new Token(Kind.STRING, value.toString(), i));
                }
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < end && (Character.isJavaIdentifierPart(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                String word = text.substring(i, j);
                tokens.add(
                        new Token(Kind.WORD, word.substring(word.lastIndexOf('.') + 1), i + word.lastIndexOf('.') + 1));
                i = j;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }
}
