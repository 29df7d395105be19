package io.crosscheck.knowledge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A few words on what a version changed, for its label when the proposer gave none: the rules added, removed and
 * changed ({@link RuleChanges}), each reference-data file (with the line itself when one line changed:
 * {@code thresholds.yaml: value: 50 → value: 48}), the scenarios and kb-docs pages by count, and any other file
 * by name. Lists of ids are cut after three ("+2 more").
 */
public final class ChangeSummary {

    static final int MAX_IDS = 3;
    static final int MAX_LENGTH = 300;
    private static final int MAX_LINE = 60;

    private ChangeSummary() {}

    public static String of(Map<String, String> from, Map<String, String> to) {
        List<String> parts = new ArrayList<>();
        RuleChanges.Rules rules = RuleChanges.between(from, to);
        ids(parts, rules.changed(), "changed");
        ids(parts, rules.added(), "added");
        ids(parts, rules.removed(), "removed");
        int[] scenarios = new int[3];
        int[] docs = new int[3];
        TreeSet<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(to.keySet());
        for (String path : paths) {
            String a = from.get(path);
            String b = to.get(path);
            if (a != null && a.equals(b)) {
                continue;
            }
            int how = a == null ? 0 : b == null ? 1 : 2;
            if (path.startsWith("rules/scenarios/")) {
                scenarios[how]++;
            } else if (path.startsWith("kb-docs/")) {
                docs[how]++;
            } else if (path.startsWith("rules/reference/") && how == 2) {
                parts.add(name(path) + oneLine(a, b).map(l -> ": " + l).orElse(" changed"));
            } else if (!(path.endsWith(".drl") && !rules.isEmpty())) {
                parts.add(name(path) + (how == 0 ? " added" : how == 1 ? " removed" : " changed"));
            }
        }
        counts(parts, scenarios, "scenario");
        counts(parts, docs, "kb-docs page");
        String summary = parts.isEmpty() ? "no change" : String.join("; ", parts);
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** How many rules (DRL {@code @id}s) a version's files hold. */
    public static int ruleCount(Map<String, String> files) {
        return RuleChanges.rules(files).size();
    }

    /**
     * When exactly one line was replaced by one line: the entry it belongs to (the nearest {@code id:} at or above it),
     * the key and the part that differs, {@code cva_forward_head value 50 → 48}.
     */
    static java.util.Optional<String> oneLine(String a, String b) {
        String[] after = b.split("\n", -1);
        List<String> hunks = VersionDiff.hunks(a.split("\n", -1), after);
        if (hunks.size() != 1) {
            return java.util.Optional.empty();
        }
        String[] lines = hunks.get(0).split("\n");
        if (lines.length != 3 || !lines[1].startsWith("-") || !lines[2].startsWith("+")) {
            return java.util.Optional.empty();
        }
        String old = lines[1].substring(1);
        String now = lines[2].substring(1);
        int at = Integer.parseInt(lines[0].replaceAll("^@@ -\\d+,\\d+ \\+(\\d+),.*$", "$1")) - 1;
        int prefix = 0;
        while (prefix < old.length() && prefix < now.length() && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        while (prefix > 0 && !BOUNDARY.contains(String.valueOf(old.charAt(prefix - 1)))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < old.length() - prefix
                && suffix < now.length() - prefix
                && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        while (suffix > 0 && !BOUNDARY.contains(String.valueOf(old.charAt(old.length() - suffix)))) {
            suffix--;
        }
        String was = old.substring(prefix, old.length() - suffix).strip();
        String is = now.substring(prefix, now.length() - suffix).strip();
        StringBuilder out = new StringBuilder();
        entryId(after, at).ifPresent(id -> out.append(id).append(' '));
        key(now.substring(0, prefix)).ifPresent(k -> out.append(k).append(' '));
        return java.util.Optional.of(
                out + cut(was.isEmpty() ? "(nothing)" : was) + " → " + cut(is.isEmpty() ? "(nothing)" : is));
    }

    private static final String BOUNDARY = " ,:{}[]\"'";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\bid:\\s*\"?([\\w.-]+)");
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("([\\w-]+):[^:]*$");

    /** The id of the YAML entry holding line {@code at}: the nearest {@code id:} on it or above it. */
    private static java.util.Optional<String> entryId(String[] lines, int at) {
        for (int i = Math.min(at, lines.length - 1); i >= 0; i--) {
            java.util.regex.Matcher m = ID.matcher(lines[i]);
            if (m.find()) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** The last YAML key before the changed part of a line ({@code value} in {@code id: x, value: 50}). */
    private static java.util.Optional<String> key(String before) {
        java.util.regex.Matcher m = KEY.matcher(before);
        return m.find() && !m.group(1).equals("id") ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static void ids(List<String> parts, List<String> ids, String what) {
        if (ids.isEmpty()) {
            return;
        }
        String shown = String.join(", ", ids.subList(0, Math.min(MAX_IDS, ids.size())));
        parts.add(shown + (ids.size() > MAX_IDS ? " +" + (ids.size() - MAX_IDS) + " more" : "") + " " + what);
    }

    private static void counts(List<String> parts, int[] counts, String noun) {
        String[] verbs = {"added", "removed", "changed"};
        for (int i = 0; i < 3; i++) {
            if (counts[i] > 0) {
                parts.add(counts[i] + " " + noun + (counts[i] == 1 ? "" : "s") + " " + verbs[i]);
            }
        }
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
