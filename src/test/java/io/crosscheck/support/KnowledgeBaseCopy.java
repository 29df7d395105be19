package io.crosscheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A writable copy of rules/ and kb-docs/ in a temporary directory, for tests that edit rules. */
public final class KnowledgeBaseCopy {

    private final Path root;

    private KnowledgeBaseCopy(Path root) {
        this.root = root;
    }

    public static KnowledgeBaseCopy create() {
        try {
            Path root = Files.createTempDirectory("crosscheck-kb");
            copy(Path.of("rules"), root.resolve("rules"));
            copy(Path.of("kb-docs"), root.resolve("kb-docs"));
            return new KnowledgeBaseCopy(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One copy per name for the whole test JVM. Quarkus loads a test class and its test profile in
     * different class loaders, so a static field would give each its own copy; the path is shared
     * through a system property instead.
     */
    public static synchronized KnowledgeBaseCopy shared(String name) {
        String key = "crosscheck.test.kb-copy." + name;
        String existing = System.getProperty(key);
        if (existing != null) {
            return new KnowledgeBaseCopy(Path.of(existing));
        }
        KnowledgeBaseCopy copy = create();
        System.setProperty(key, copy.root.toString());
        return copy;
    }

    public Path rules() {
        return root.resolve("rules");
    }

    public Path docs() {
        return root.resolve("kb-docs");
    }

    /** Puts rules/ and kb-docs/ back as shipped. */
    public void reset() {
        for (String tree : new String[] {"rules", "kb-docs"}) {
            deleteTree(tree);
            restoreShipped(tree);
        }
    }

    /** Deletes a directory of the copy and everything under it (as a checkout that removes it would). */
    public void deleteTree(String relative) {
        try {
            delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a shipped directory ({@code rules} or {@code kb-docs}) into the copy again. */
    public void restoreShipped(String relative) {
        try {
            copy(Path.of(relative), root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String relative, String text) {
        try {
            Files.writeString(root.resolve(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
