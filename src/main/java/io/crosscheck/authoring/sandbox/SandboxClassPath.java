package io.crosscheck.authoring.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The service's class path as a list of files, for starting the sandboxed check and for its policy.
 * Three shapes are known: the packaged fast-jar ({@code quarkus-app/quarkus-run.jar}, whose application and
 * libraries live in {@code app/}, {@code lib/main/} and {@code lib/boot/} beside it, as {@code bin/crosscheck}
 * uses them), a manifest-only jar (surefire's booter: its {@code Class-Path} lists the entries) and a plain
 * class path (an IDE, {@code java -cp}).
 */
final class SandboxClassPath {

    private SandboxClassPath() {}

    /** The running JVM's class path, expanded as described. */
    static List<Path> ofThisJvm() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                expand(Path.of(e).toAbsolutePath().normalize(), entries);
            }
        }
        return List.copyOf(entries);
    }

    private static void expand(Path entry, Set<Path> into) {
        if (entry.getFileName() != null
                && entry.getFileName().toString().equals("quarkus-run.jar")
                && Files.isDirectory(entry.resolveSibling("lib"))) {
            Path app = entry.getParent();
            for (String dir : List.of("app", "lib/main", "lib/boot")) {
                into.addAll(jarsIn(app.resolve(dir)));
            }
            return;
        }
        into.add(entry);
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            for (Path p : manifestClassPath(entry)) {
                into.add(p);
            }
        }
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null || cp.isBlank()) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (String ref : cp.trim().split("\\s+")) {
                URI uri = jar.getParent().toUri().resolve(ref);
                if ("file".equals(uri.getScheme())) {
                    out.add(Path.of(uri).toAbsolutePath().normalize());
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
