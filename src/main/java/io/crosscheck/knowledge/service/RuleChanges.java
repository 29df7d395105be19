package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.drl.DrlFiles;
import io.crosscheck.engine.drl.ParsedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which rules (by {@code @id}) two knowledge-base versions differ in: added, removed, and changed (the text from the
 * rule's metadata to its {@code end} differs). DRL is read with Drools' own parser ({@link DrlFiles}); a file that
 * does not parse contributes no rules. Reference data and kb-docs are files, reported by {@link VersionDiff}.
 */
public final class RuleChanges {

    /** Rule ids added, removed and changed, each sorted. */
    public record Rules(List<String> added, List<String> removed, List<String> changed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private RuleChanges() {}

    /** Only the DRL files whose text differs are parsed: a rule in an unchanged file is unchanged. */
    public static Rules between(Map<String, String> from, Map<String, String> to) {
        Map<String, String> a = rules(differing(from, to));
        Map<String, String> b = rules(differing(to, from));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : b.entrySet()) {
            String before = a.get(e.getKey());
            if (before == null) {
                added.add(e.getKey());
            } else if (!before.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        a.keySet().stream().filter(id -> !b.containsKey(id)).forEach(removed::add);
        return new Rules(added, removed, changed);
    }

    private static Map<String, String> differing(Map<String, String> files, Map<String, String> other) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!text.equals(other.get(path))) {
                out.put(path, text);
            }
        });
        return out;
    }

    /** Rule id -> the rule's text (its metadata lines, {@code rule} to {@code end}), over every DRL file. */
    static Map<String, String> rules(Map<String, String> files) {
        Map<String, String> rules = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!path.startsWith("rules/") || !path.endsWith(".drl")) {
                return;
            }
            List<KnowledgeProblem> ignored = new ArrayList<>();
            String[] lines = text.replace("\r\n", "\n").split("\n", -1);
            for (ParsedRule r : DrlFiles.parse(path, text, ignored)) {
                if (r.id() != null) {
                    rules.put(r.id(), block(lines, r.line()));
                }
            }
        });
        return rules;
    }

    private static String block(String[] lines, int ruleLine) {
        int start = Math.max(0, Math.min(ruleLine - 1, lines.length - 1));
        StringBuilder out = new StringBuilder();
        for (int i = start; i < lines.length; i++) {
            out.append(lines[i].strip()).append('\n');
            if (i > start && lines[i].strip().equals("end")) {
                break;
            }
        }
        return out.toString();
    }
}
