package io.crosscheck.knowledge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two knowledge-base versions: files added, removed and changed, each changed
 * file as line hunks ({@code @@ -from,count +to,count @@}, removed lines with {@code -}, added with
 * {@code +}), by a longest-common-subsequence over lines.
 */
public final class VersionDiff {

    /** Files too large to compare line by line (lines(a) x lines(b) above this) are only named as changed. */
    static final long MAX_CELLS = 16_000_000L;

    public record Diff(String from, String to, List<String> added, List<String> removed, List<FileChange> changed) {}

    public record FileChange(String path, List<String> hunks) {}

    private VersionDiff() {}

    public static Diff between(String fromVersion, Map<String, String> from, String toVersion, Map<String, String> to) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<FileChange> changed = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(to.keySet());
        for (String path : paths) {
            String a = from.get(path);
            String b = to.get(path);
            if (a == null) {
                added.add(path);
            } else if (b == null) {
                removed.add(path);
            } else if (!a.equals(b)) {
                changed.add(new FileChange(path, hunks(a.split("\n", -1), b.split("\n", -1))));
            }
        }
        return new Diff(fromVersion, toVersion, added, removed, changed);
    }

    static List<String> hunks(String[] a, String[] b) {
        if ((long) a.length * b.length > MAX_CELLS) {
            return List.of("@@ too large to compare line by line (" + a.length + " and " + b.length + " lines) @@");
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> hunks = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
                continue;
            }
            int startA = i;
            int startB = j;
            StringBuilder body = new StringBuilder();
            while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i].equals(b[j]))) {
                if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    body.append('-').append(a[i++]).append('\n');
                } else {
                    body.append('+').append(b[j++]).append('\n');
                }
            }
            hunks.add("@@ -" + (startA + 1) + "," + (i - startA) + " +" + (startB + 1) + "," + (j - startB) + " @@\n"
                    + body);
        }
        return hunks;
    }
}
