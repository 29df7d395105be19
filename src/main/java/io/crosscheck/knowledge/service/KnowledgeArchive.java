package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded knowledge-base archive (zip of {@code rules/} and optionally {@code kb-docs/})
 * into memory: nothing is written to disk, so no entry can land outside a directory (zip slip), and
 * an entry that tries to (absolute, {@code ..}, backslash, drive letter) rejects the archive. Limits:
 * the number of entries and the total uncompressed size (zip bombs stop at the limit, not after it).
 */
public final class KnowledgeArchive {

    /** The archive is refused; each message names an entry or a limit. */
    public static final class Rejected extends RuntimeException {
        private final List<String> reasons;

        public Rejected(List<String> reasons) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }

    private final long maxUncompressed;
    private final int maxEntries;

    public KnowledgeArchive(long maxUncompressed, int maxEntries) {
        this.maxUncompressed = maxUncompressed;
        this.maxEntries = maxEntries;
    }

    /**
     * The files of the archive, keyed {@code rules/...} and {@code kb-docs/...}; when it has no
     * {@code kb-docs/}, those of {@code docsFallback} are used (the docs serving now).
     */
    public KnowledgeSource read(byte[] zip, String origin, Map<String, String> docsFallback) {
        Map<String, String> files = new TreeMap<>();
        List<String> reasons = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new Rejected(List.of("more than " + maxEntries + " entries"));
                }
                String name = e.getName();
                if (!safe(name)) {
                    reasons.add(name + ": not a relative path inside the archive");
                    continue;
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (!name.startsWith(KnowledgeSource.RULES) && !name.startsWith(KnowledgeSource.DOCS)) {
                    reasons.add(name + ": only rules/ and kb-docs/ may be in the archive");
                    continue;
                }
                byte[] content = readLimited(in, maxUncompressed - total);
                if (content == null) {
                    throw new Rejected(List.of("uncompressed content exceeds " + maxUncompressed + " bytes"));
                }
                total += content.length;
                try {
                    files.put(
                            name,
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .decode(java.nio.ByteBuffer.wrap(content))
                                    .toString());
                } catch (CharacterCodingException ex) {
                    reasons.add(name + ": not UTF-8 text");
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            throw new Rejected(List.of("not a readable zip archive: " + ex.getMessage()));
        }
        if (entries == 0) {
            reasons.add("not a zip archive, or an empty one");
        } else if (files.keySet().stream().noneMatch(f -> f.startsWith(KnowledgeSource.RULES) && f.endsWith(".drl"))) {
            reasons.add("no rules/**/*.drl in the archive");
        }
        if (!reasons.isEmpty()) {
            throw new Rejected(reasons);
        }
        if (files.keySet().stream().noneMatch(f -> f.startsWith(KnowledgeSource.DOCS))) {
            docsFallback.forEach((k, v) -> {
                if (k.startsWith(KnowledgeSource.DOCS)) {
                    files.put(k, v);
                }
            });
        }
        return new KnowledgeSource(origin, files);
    }

    static boolean safe(String name) {
        if (name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains("\0")
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        long read = 0;
        while ((n = in.read(buf)) > 0) {
            read += n;
            if (read > remaining) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
