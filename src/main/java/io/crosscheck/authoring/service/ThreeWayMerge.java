package io.crosscheck.authoring.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Undoes one knowledge-base version's changes on top of a later version, file by file: a three-way merge (JGit's
 * diff3 over lines) with the reverted version as the base, its parent as "theirs" (the undo) and the current
 * version as "ours" (everything that came later). A file the reverted version did not touch stays as it is now;
 * one that changed only in the reverted version goes back to its parent's text (added files removed, removed
 * files restored); one that changed on both sides is merged line by line, and overlapping changes are conflicts,
 * reported with their line ranges. Pure: file maps in, file map or conflicts out.
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {}

    /** Lines {@code from} to {@code to}, 1-based and inclusive; empty ({@code to < from}) before line {@code from}. */
    public record Lines(int from, int to) {
        static Lines of(MergeChunk c) {
            return new Lines(c.getBegin() + 1, c.getEnd());
        }

        @Override
        public String toString() {
            if (to < from) {
                return "before line " + from;
            }
            return from == to ? "line " + from : "lines " + from + "-" + to;
        }
    }

    /**
     * One overlap: lines of the current version that changed since, against the same place in the reverted version
     * and in its parent. For a whole file (changed since the version that added or removed it) the ranges are null.
     */
    public record Conflict(String path, Lines current, Lines reverted, Lines parent, String message) {}

    /** The merged files (path -> text), the paths whose text the revert changes, or the conflicts. */
    public record Result(Map<String, String> files, List<String> changed, List<Conflict> conflicts) {
        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    /**
     * @param reverted the files of the version whose changes are undone
     * @param parent the files of the version before it
     * @param current the files of the version serving now
     */
    public static Result revert(Map<String, String> reverted, Map<String, String> parent, Map<String, String> current) {
        Map<String, String> files = new TreeMap<>(current);
        List<String> changed = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(reverted.keySet());
        paths.addAll(parent.keySet());
        for (String path : paths) {
            String base = reverted.get(path);
            String theirs = parent.get(path);
            String ours = current.get(path);
            if (Objects.equals(base, theirs) || Objects.equals(ours, theirs)) {
                continue; // not touched by the reverted version, or undone already
            }
            String merged;
            if (Objects.equals(ours, base)) {
                merged = theirs; // unchanged since: back to the parent's text (or absence)
            } else if (base == null || theirs == null || ours == null) {
                conflicts.add(new Conflict(path, null, null, null, wholeFile(base, theirs, ours)));
                continue;
            } else {
                Text text = merge(path, base, ours, theirs, conflicts);
                if (text.conflicted()) {
                    continue;
                }
                merged = text.value();
            }
            if (merged == null) {
                files.remove(path);
            } else {
                files.put(path, merged);
            }
            changed.add(path);
        }
        return new Result(conflicts.isEmpty() ? files : Map.of(), conflicts.isEmpty() ? changed : List.of(), conflicts);
    }

    private record Text(String value, boolean conflicted) {}

    private static Text merge(String path, String base, String ours, String theirs, List<Conflict> conflicts) {
        RawText b = raw(base);
        RawText o = raw(ours);
        RawText t = raw(theirs);
        MergeResult<RawText> result = new MergeAlgorithm(
                        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM))
                .merge(RawTextComparator.DEFAULT, b, o, t);
        StringBuilder out = new StringBuilder();
        boolean conflicted = false;
        Lines current = null;
        Lines inBase = null;
        for (MergeChunk chunk : result) {
            RawText seq = result.getSequences().get(chunk.getSequenceIndex());
            switch (chunk.getConflictState()) {
                case NO_CONFLICT -> out.append(seq.getString(chunk.getBegin(), chunk.getEnd(), false));
                case FIRST_CONFLICTING_RANGE -> {
                    conflicted = true;
                    current = Lines.of(chunk);
                    inBase = null;
                }
                case BASE_CONFLICTING_RANGE -> inBase = Lines.of(chunk);
                case NEXT_CONFLICTING_RANGE -> {
                    Lines inParent = Lines.of(chunk);
                    conflicts.add(new Conflict(
                            path,
                            current,
                            inBase,
                            inParent,
                            current + " of the active version changed since, where the reverted change made "
                                    + (inBase == null ? "its edit" : inBase.toString()) + " (" + inParent
                                    + " in the version before it)"));
                }
            }
        }
        return new Text(out.toString(), conflicted);
    }

    private static RawText raw(String text) {
        return new RawText(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String wholeFile(String base, String theirs, String ours) {
        if (base == null) {
            return "the reverted version removed this file and it was added again since";
        }
        if (theirs == null) {
            return "the reverted version added this file and it changed since";
        }
        return "the reverted version changed this file and it was removed since";
    }
}
