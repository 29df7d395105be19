package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the knowledge base text from the rules and docs directories on disk, or from the copy
 * packaged in the jar under {@code crosscheck-kb/} so the service runs from any directory.
 */
public final class KnowledgeSourceReader {

    static final String PACKAGED_ROOT = "crosscheck-kb";

    public KnowledgeSource fromDirectories(Path rulesDir, Path docsDir) {
        Map<String, String> files = new TreeMap<>();
        readTree(rulesDir, KnowledgeSource.RULES, files);
        if (Files.isDirectory(docsDir)) {
            readTree(docsDir, KnowledgeSource.DOCS, files);
        }
        return new KnowledgeSource(rulesDir.toAbsolutePath().normalize().toString(), files);
    }

    public KnowledgeSource packaged() {
        URL url = getClass().getClassLoader().getResource(PACKAGED_ROOT + "/rules");
        if (url == null) {
            throw new IllegalStateException("no packaged knowledge base on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return read(fs.provider().getPath(uri).getParent());
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KnowledgeSource read(Path root) {
        Map<String, String> files = new TreeMap<>();
        readTree(root.resolve("rules"), KnowledgeSource.RULES, files);
        readTree(root.resolve("kb-docs"), KnowledgeSource.DOCS, files);
        return new KnowledgeSource("packaged:" + PACKAGED_ROOT, files);
    }

    private static void readTree(Path dir, String prefix, Map<String, String> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                into.put(prefix + rel, Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
