package io.crosscheck.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A secret key kept in a file of its own, generated once (32 random bytes, hex) and readable by the owner only
 * (0600, in a 0700 directory). Key files live outside the data directory: a copy of {@code data/} or of the
 * database (a backup, a volume snapshot, someone who can write the database) must not carry the keys that make
 * its audit chain and its sessions trustworthy. Used by the session key and the audit key; no key ever reaches a
 * log, only the file's path does.
 */
public final class KeyFile {

    /** Where generated keys go by default: the service user's configuration directory, not the data directory. */
    public static final String DEFAULT_DIR = "${user.home}/.config/crosscheck";

    private KeyFile() {}

    /** The file's key (trimmed); generated first when the file does not exist. */
    public static String readOrCreate(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            if (!Files.exists(abs)) {
                create(abs);
            }
            String key = Files.readString(abs, StandardCharsets.UTF_8).trim();
            if (key.isEmpty()) {
                throw new IllegalStateException("the key file " + abs + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + abs + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new random key atomically (a temporary file linked into place): a concurrent start reads it whole. */
    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
        }
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Path tmp = Files.createTempFile(dir, ".key", ".tmp");
        try {
            ownerOnly(tmp, "rw-------");
            Files.writeString(tmp, HexFormat.of().formatHex(k) + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException another) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the directory's own access control applies
        }
    }

    /**
     * The directories a key file must not be in: {@code data/} of the working directory (the service's writable
     * files) and the directory of an embedded H2 file database named by {@code jdbcUrl}.
     */
    public static Set<Path> dataDirectories(Optional<String> jdbcUrl) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(real(Path.of("data")));
        jdbcUrl.filter(u -> u.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:"))
                .map(u -> u.substring("jdbc:h2:file:".length()).split(";", 2)[0])
                .map(p -> p.startsWith("~") ? System.getProperty("user.home") + p.substring(1) : p)
                .map(p -> Path.of(p).toAbsolutePath().normalize().getParent())
                .ifPresent(d -> dirs.add(real(d)));
        return dirs;
    }

    /** The data directory {@code file} lies in, if any. */
    public static Optional<Path> insideDataDirectory(Path file, Optional<String> jdbcUrl) {
        Path f = real(file);
        return dataDirectories(jdbcUrl).stream().filter(f::startsWith).findFirst();
    }

    /** The absolute path with symbolic links resolved as far as the path exists. */
    static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
