package io.crosscheck.engine.drl;

import io.crosscheck.engine.KnowledgeProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Where each rule stands in its DRL file, as Drools' parser reads it (never a regular expression over the text), and
 * edits located by it: switching one rule off with the {@code enabled false} attribute, for the counterfactual "what
 * does this rule change" replay.
 */
public final class RuleTexts {

    /** The attribute that switches a rule off: it stays compiled but never fires. */
    public static final String ENABLED = "enabled";

    private RuleTexts() {}

    /**
     * One rule of a file.
     *
     * @param id    the {@code @id} metadata, or null
     * @param stage the {@code ruleflow-group}, or null
     * @param line  1-based line of the {@code rule} keyword
     * @param start offset of the {@code rule} keyword
     * @param end   offset just after its {@code end}
     */
    public record RuleText(String id, String name, String stage, int line, int start, int end) {}

    /** The rules of a DRL file; syntax errors are added to {@code problems} (then the list is empty). */
    public static List<RuleText> rules(String path, String text, List<KnowledgeProblem> problems) {
        PackageDescr pkg = DrlFiles.parsePackage(path, text, problems);
        if (pkg == null) {
            return List.of();
        }
        List<RuleText> rules = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            AttributeDescr group = r.getAttributes().get("ruleflow-group");
            rules.add(new RuleText(
                    DrlFiles.annotation(r, "id"),
                    r.getName(),
                    group == null ? null : unquote(group.getValue()),
                    r.getLine(),
                    r.getStartCharacter(),
                    r.getEndCharacter()));
        }
        return rules;
    }

    /**
     * The file with the rule of this id switched off ({@code enabled false}): an {@code enabled} attribute the rule
     * has is set to false, otherwise the attribute is added after its last attribute (or before its {@code when}).
     *
     * @return empty when no rule of the file has this id or the file does not parse
     */
    public static Optional<String> disabled(String text, String id) {
        PackageDescr pkg = DrlFiles.parsePackage("", text, new ArrayList<>());
        if (pkg == null) {
            return Optional.empty();
        }
        for (RuleDescr r : pkg.getRules()) {
            if (!id.equals(DrlFiles.annotation(r, "id"))) {
                continue;
            }
            AttributeDescr enabled = r.getAttributes().get(ENABLED);
            if (enabled != null && enabled.getStartCharacter() >= 0) {
                return Optional.of(text.substring(0, enabled.getStartCharacter())
                        + "false"
                        + text.substring(enabled.getEndCharacter()));
            }
            int at = r.getAttributes().values().stream()
                    .mapToInt(AttributeDescr::getEndCharacter)
                    .max()
                    .orElse(-1);
            if (at < 0) {
                int lhs = r.getLhs() == null ? -1 : r.getLhs().getStartCharacter();
                int bound = lhs >= 0 ? lhs : r.getEndCharacter();
                at = text.lastIndexOf("when", bound);
                if (at < r.getStartCharacter()) {
                    return Optional.empty();
                }
                return Optional.of(text.substring(0, at) + ENABLED + " false\n" + text.substring(at));
            }
            return Optional.of(text.substring(0, at) + "\n    " + ENABLED + " false" + text.substring(at));
        }
        return Optional.empty();
    }

    private static String unquote(String v) {
        String s = v == null ? null : v.strip();
        return s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1)
                : s;
    }
}
