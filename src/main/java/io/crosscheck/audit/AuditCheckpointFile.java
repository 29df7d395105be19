package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Head;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The checkpoint of the {@link AuditChain} kept outside the database: one line, {@code <seq> <hash>},
 * replaced atomically at every seal, so a chain rewritten in the database alone is still caught.
 */
public final class AuditCheckpointFile {

    private AuditCheckpointFile() {}

    /** The head the file names; null when there is no file. */
    public static Head read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            return new Head(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable audit checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, Head head) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".audit-head", ".tmp");
            Files.writeString(tmp, head.seq() + " " + head.hash() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
