package io.crosscheck.engine.drl;

import io.crosscheck.engine.KnowledgeProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' compiler messages in the linter's words: located at the condition or the {@code new} the author wrote
 * ({@code file:line:column}) rather than at the rule or line 1, and saying what is wrong with the fact model's names
 * ({@code Finding has no constructor Finding(FindingDefinition); its constructors: ...}). A message it does not
 * recognise keeps Drools' text, stripped of its decoration, at the best position it can find.
 */
public final class CompilerMessages {

    private static final Pattern ANALYSE =
            Pattern.compile("(?s)^Unable to (?:Analyse|analyze) [Ee]xpression '?(.+?)'?\\s*(?::(?:\\s.*)?)?$");
    private static final Pattern STRICT =
            Pattern.compile("\\[Error: (?:unable to resolve method using strict-mode: )?(.+?)]");
    private static final Pattern METHOD = Pattern.compile("([\\w.$]+)\\.(\\w+)\\((.*)\\)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("The constructor (\\w+)\\((.*)\\) is undefined");
    private static final Pattern UNDEFINED_METHOD =
            Pattern.compile("The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\S+) cannot be resolved(?: to a (?:variable|type))?");

    private CompilerMessages() {}

    /**
     * The problems one Drools message stands for.
     *
     * @param path  the DRL file the message names
     * @param drl   its text (null when unknown)
     * @param rules the file's rules as parsed
     */
    public static List<KnowledgeProblem> translate(
            String path, int line, int column, String text, String drl, List<ParsedRule> rules) {
        String message = text == null ? "" : text.strip();
        if (drl == null) {
            return List.of(new KnowledgeProblem(path, line, column, compact(message)));
        }
        SourceText source = new SourceText(drl);
        Matcher analyse = ANALYSE.matcher(message);
        if (analyse.matches()) {
            return List.of(condition(path, line, analyse.group(1).strip(), message, drl, source));
        }
        if (message.startsWith("Rule Compilation error")) {
            return consequence(path, line, column, message, drl, source, rules);
        }
        return List.of(new KnowledgeProblem(path, line, column, compact(message)));
    }

    /** Drops repeated problems at the same place (Drools reports one bad condition up to three times). */
    public static List<KnowledgeProblem> distinct(List<KnowledgeProblem> problems) {
        Map<String, KnowledgeProblem> byPlace = new LinkedHashMap<>();
        for (KnowledgeProblem p : problems) {
            byPlace.putIfAbsent(p.file() + ":" + p.line() + ":" + p.column(), p);
        }
        return List.copyOf(byPlace.values());
    }

    private static KnowledgeProblem condition(
            String path, int line, String expression, String message, String drl, SourceText source) {
        int at = near(drl, expression, line);
        int[] pos = at < 0 ? new int[] {line, 1} : source.position(at);
        Matcher strict = STRICT.matcher(message);
        String reason = strict.find() ? reason(strict.group(1)) : firstLine(message);
        return new KnowledgeProblem(
                path, pos[0], pos[1], "the condition '" + expression + "' does not compile: " + reason);
    }

    /** {@code java.lang.String.size()} -> {@code String has no method size()}. */
    private static String reason(String drools) {
        Matcher m = METHOD.matcher(drools.strip());
        if (m.matches()) {
            String owner = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
            Class<?> type = FactModel.type(owner);
            if (type != null && type.getName().startsWith("io.crosscheck.")) {
                return FactFields.noSuchMember(type, m.group(2));
            }
            return owner + " has no method " + m.group(2) + "(" + m.group(3) + ")";
        }
        return drools.strip();
    }

    private static List<KnowledgeProblem> consequence(
            String path, int line, int column, String message, String drl, SourceText source, List<ParsedRule> rules) {
        int[] range = ruleRange(drl, line, rules);
        String body = message.substring("Rule Compilation error".length()).strip();
        List<KnowledgeProblem> problems = new ArrayList<>();
        for (String error : body.split("\\R")) {
            error = error.strip();
            if (error.isEmpty() || error.startsWith("[Rule name=") || error.startsWith(":")) {
                continue;
            }
            problems.add(javaError(path, line, column, error, drl, source, range));
        }
        return problems.isEmpty()
                ? List.of(new KnowledgeProblem(path, line, column, "the rule's consequence does not compile: " + body))
                : problems;
    }

    private static KnowledgeProblem javaError(
            String path, int line, int column, String error, String drl, SourceText source, int[] range) {
        Matcher c = CONSTRUCTOR.matcher(error);
        if (c.find()) {
            Class<?> type = FactModel.type(c.group(1));
            String called = c.group(1) + "(" + c.group(2) + ")";
            return at(
                    path,
                    line,
                    column,
                    drl,
                    source,
                    range,
                    "new " + c.group(1),
                    type == null ? "there is no constructor " + called : FactFields.noSuchConstructor(type, called));
        }
        Matcher m = UNDEFINED_METHOD.matcher(error);
        if (m.find()) {
            Class<?> type = FactModel.type(m.group(3));
            return at(
                    path,
                    line,
                    column,
                    drl,
                    source,
                    range,
                    m.group(1) + "(",
                    type == null
                            ? m.group(3) + " has no method " + m.group(1) + "(" + m.group(2) + ")"
                            : FactFields.noSuchMember(type, m.group(1)) + " (called with " + m.group(2) + ")");
        }
        Matcher u = UNRESOLVED.matcher(error);
        if (u.find()) {
            return at(
                    path,
                    line,
                    column,
                    drl,
                    source,
                    range,
                    u.group(1),
                    "'" + u.group(1) + "' is not defined in this rule");
        }
        return new KnowledgeProblem(path, line, column, "the rule's consequence does not compile: " + error);
    }

    private static KnowledgeProblem at(
            String path,
            int line,
            int column,
            String drl,
            SourceText source,
            int[] range,
            String find,
            String message) {
        int found = drl.indexOf(find, range[0]);
        if (found >= 0 && found < range[1]) {
            int[] pos = source.position(found);
            return new KnowledgeProblem(path, pos[0], pos[1], message);
        }
        return new KnowledgeProblem(path, line, column, message);
    }

    /** The file offsets of the rule that starts at {@code line}: up to the next rule, or the end of the file. */
    private static int[] ruleRange(String drl, int line, List<ParsedRule> rules) {
        int start = offsetOfLine(drl, line);
        int end = drl.length();
        for (ParsedRule r : rules) {
            int s = offsetOfLine(drl, r.line());
            if (s > start && s < end) {
                end = s;
            }
        }
        return new int[] {start, end};
    }

    /** The occurrence of {@code expression} on or nearest after the line Drools names, else the first in the file. */
    private static int near(String drl, String expression, int line) {
        int from = offsetOfLine(drl, line);
        int found = drl.indexOf(expression, from);
        return found >= 0 ? found : drl.indexOf(expression);
    }

    private static int offsetOfLine(String drl, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = drl.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return Math.max(0, offset);
    }

    /** Drools' text on one line, without its caret lines. */
    private static String compact(String message) {
        return String.join(
                " ",
                message.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.equals("^"))
                        .toList());
    }

    private static String firstLine(String message) {
        String first = message.lines().findFirst().orElse("").strip();
        return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }
}
