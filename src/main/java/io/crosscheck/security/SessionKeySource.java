package io.crosscheck.security;

import io.crosscheck.common.config.KeyFile;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The web UI's session key ({@code quarkus.http.auth.session.encryption-key}, which encrypts the session cookie).
 * Set: CROSSCHECK_SESSION_KEY, at least {@value #MIN_LENGTH} characters, or the service refuses to start. Unset: a
 * key generated once into {@code crosscheck.security.session-key-file} (default
 * {@code ~/.config/crosscheck/session.key}, owner-only, never inside the data directory) and read from there at each
 * start, so sessions survive a restart and Quarkus never makes (and logs) a temporary key. With
 * {@code crosscheck.cluster.enabled} the key must be set: a generated key is one node's own.
 *
 * <p>A {@link ConfigSourceFactory} (registered in META-INF/services) because the form mechanism reads the key from
 * the configuration when the HTTP layer starts, before any bean; Quarkus runs factories without
 * {@code @StaticInitSafe} at runtime only, never while building. The key itself is never logged.
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String KEY_FILE = "crosscheck.security.session-key-file";
    static final String DEFAULT_KEY_FILE = "/.config/crosscheck/session.key";
    static final int MIN_LENGTH = 32;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Optional<String> key = value(context, KEY);
        if (key.isPresent()) {
            if (key.get().length() < MIN_LENGTH) {
                throw new IllegalStateException("The session key CROSSCHECK_SESSION_KEY (" + KEY + ") is too short: "
                        + key.get().length() + " characters, at least " + MIN_LENGTH + " are needed");
            }
            return List.of();
        }
        if (value(context, "crosscheck.cluster.enabled")
                .filter("true"::equalsIgnoreCase)
                .isPresent()) {
            throw new IllegalStateException("crosscheck.cluster.enabled needs the session key shared by every node:"
                    + " set CROSSCHECK_SESSION_KEY (at least " + MIN_LENGTH + " characters, the same on every node)");
        }
        Path file = Path.of(value(context, KEY_FILE).orElse(System.getProperty("user.home") + DEFAULT_KEY_FILE));
        KeyFile.insideDataDirectory(file, value(context, "quarkus.datasource.jdbc.url"))
                .ifPresent(dir -> {
                    throw new IllegalStateException("The session key file " + file.toAbsolutePath() + " (" + KEY_FILE
                            + ") is inside the data directory " + dir + ": keep keys apart from the database, or set"
                            + " CROSSCHECK_SESSION_KEY");
                });
        return List.of(new PropertiesConfigSource(
                Map.of(KEY, KeyFile.readOrCreate(file)), "session key file " + file.toAbsolutePath(), 275));
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return Optional.ofNullable(v == null ? null : v.getValue()).filter(s -> !s.isBlank());
    }
}
