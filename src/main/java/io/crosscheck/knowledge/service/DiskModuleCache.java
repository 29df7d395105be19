package io.crosscheck.knowledge.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Compiled modules as files {@code <dir>/<key>.jar} (under data/ by default), written atomically. */
public final class DiskModuleCache implements CompiledModuleCache {
    private static final Logger LOG = Logger.getLogger(DiskModuleCache.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:._-]{1,200}");

    private final Path dir;

    public DiskModuleCache(Path dir) {
        this.dir = dir;
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(key.replace(':', '_') + ".jar");
    }

    @Override
    public Optional<byte[]> find(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Compiled module cache: cannot read %s (%s); compiling", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, String kbVersion, byte[] module) {
        Path file = file(key);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "module", ".tmp");
            Files.write(tmp, module);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("Compiled module cache: cannot write %s (%s)", file, e.getMessage());
        }
    }
}
