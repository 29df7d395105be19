package io.crosscheck.engine.drl;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of Java or MVEL code (a consequence, a constraint, a {@code from} expression) as the compiler reads it:
 * first its unicode escapes ({@code \u0053} is {@code S} to javac, even inside a comment or a string), then words,
 * numbers, string and character literals and operators, with comments dropped. Every token keeps the offset in the
 * original text where it begins, so a problem can be reported where the author wrote it.
 */
final class JavaTokens {

    enum Kind {
        WORD,
        NUMBER,
        LITERAL,
        SYMBOL
    }

    /** One token: its text after unicode escapes, and its offset in the text as written. */
    record Token(Kind kind, String text, int offset) {
        boolean is(String s) {
            return kind != Kind.LITERAL && text.equals(s);
        }
    }

    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", "...", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "!.", "?.", "<<"
    };

    private final String chars;
    private final int[] origin;

    private JavaTokens(String chars, int[] origin) {
        this.chars = chars;
        this.origin = origin;
    }

    /** The tokens of {@code code}; offsets are into {@code code} as written. */
    static List<Token> of(String code) {
        return translate(code).tokens();
    }

    /** Unicode escapes as JLS 3.3 reads them: a backslash not itself escaped, one or more u, four hex digits. */
    private static JavaTokens translate(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int[] origin = new int[code.length() + 1];
        int n = 0;
        int backslashes = 0;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < code.length() && code.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= code.length() && isHex(code.substring(j, j + 4))) {
                    origin[n++] = i;
                    out.append((char) Integer.parseInt(code.substring(j, j + 4), 16));
                    backslashes = 0;
                    i = j + 4;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            origin[n++] = i;
            out.append(c);
            i++;
        }
        origin[n] = code.length();
        return new JavaTokens(out.toString(), origin);
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int end = chars.length();
        while (i < end) {
            char c = chars.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (chars.startsWith("//", i)) {
                while (i < end && chars.charAt(i) != '\n' && chars.charAt(i) != '\r') {
                    i++;
                }
            } else if (chars.startsWith("/*", i)) {
                int close = chars.indexOf("*/", i + 2);
                i = close < 0 ? end : close + 2;
            } else if (chars.startsWith("\"\"\"", i)) {
                int close = closing(i + 3, "\"\"\"");
                tokens.add(token(Kind.LITERAL, chars.substring(i, close), i));
                i = close;
            } else if (c == '"' || c == '\'') {
                int close = closing(i + 1, String.valueOf(c));
                tokens.add(token(Kind.LITERAL, chars.substring(i, close), i));
                i = close;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < end && Character.isJavaIdentifierPart(chars.charAt(j))) {
                    j++;
                }
                tokens.add(token(Kind.WORD, chars.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < end && Character.isDigit(chars.charAt(i + 1)))) {
                int j = i + 1;
                while (j < end
                        && (Character.isLetterOrDigit(chars.charAt(j))
                                || chars.charAt(j) == '.'
                                || chars.charAt(j) == '_'
                                || ((chars.charAt(j) == '+' || chars.charAt(j) == '-')
                                        && "eEpP".indexOf(chars.charAt(j - 1)) >= 0))) {
                    j++;
                }
                tokens.add(token(Kind.NUMBER, chars.substring(i, j), i));
                i = j;
            } else {
                String op = operator(i);
                tokens.add(token(Kind.SYMBOL, op, i));
                i += op.length();
            }
        }
        return tokens;
    }

    /** Offset just past the closing quote (a backslash escapes the next character), or the end. */
    private int closing(int from, String quote) {
        int j = from;
        while (j < chars.length() && !chars.startsWith(quote, j)) {
            j += chars.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(chars.length(), j + quote.length());
    }

    private String operator(int i) {
        for (String op : OPERATORS) {
            if (chars.startsWith(op, i)) {
                return op;
            }
        }
        return String.valueOf(chars.charAt(i));
    }

    private Token token(Kind kind, String text, int at) {
        return new Token(kind, text, origin[at]);
    }
}
