package io.crosscheck.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text of a knowledge base as read from disk or from the jar: every file under {@code rules/}
 * and {@code kb-docs/}, keyed by its path relative to the project root (e.g. {@code rules/lcs.drl}).
 *
 * @param origin where it was read from, for logs and the registry
 * @param files  path -> content, sorted by path
 */
public record KnowledgeSource(String origin, Map<String, String> files) {

    public static final String RULES = "rules/";
    public static final String DOCS = "kb-docs/";

    public KnowledgeSource {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public Map<String, String> drlFiles() {
        return select(RULES, ".drl");
    }

    public Map<String, String> referenceFiles() {
        return select(RULES + "reference/", ".yaml");
    }

    private Map<String, String> select(String prefix, String suffix) {
        return files.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Content hash over every path and its text: the knowledge-base version. */
    public String contentHash() {
        return hash(files);
    }

    /**
     * Content hash of the DRL files alone: what a compiled module depends on. Reference data (YAML) and
     * kb-docs reach the rules at run time (the {@code reference} global), so editing them needs no new
     * compile.
     */
    public String rulesHash() {
        return hash(drlFiles());
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
