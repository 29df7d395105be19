package io.crosscheck.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "crosscheck.security")
public interface SecurityConfig {

    /** The first administrator, created at first start when no user exists. */
    InitialAdmin initialAdmin();

    /** The clinic of users and clients in the embedded setup. */
    @WithDefault("default")
    String defaultClinic();

    /** The token claim naming the caller's clinic when OpenID Connect is on. */
    @WithDefault("clinic")
    String clinicClaim();

    /**
     * Where the web UI's session key is generated once and read when CROSSCHECK_SESSION_KEY is not set (owner-only,
     * refused inside the data directory). Read by {@link SessionKeySource} before any bean exists.
     */
    @WithDefault(io.crosscheck.common.config.KeyFile.DEFAULT_DIR + "/session.key")
    String sessionKeyFile();

    /** How long a verified username/password stays verified (no bcrypt per request). */
    @WithDefault("PT5M")
    Duration credentialCacheTtl();

    /** Guessing passwords: per-account lockout (in the database) and per-address throttling (per node). */
    Lockout lockout();

    interface Lockout {
        /** Wrong passwords within {@link #window()} that lock an account. */
        @WithDefault("10")
        int maxFailures();

        /** The window failures are counted in, from the first failure. */
        @WithDefault("PT15M")
        Duration window();

        /** How long a locked account refuses every password, the right one too. */
        @WithDefault("PT15M")
        Duration duration();

        /**
         * Failed sign-ins from one client address within {@link #window()} after which that address is refused
         * every password until its failures age out (counted per node).
         */
        @WithDefault("50")
        int addressMaxFailures();
    }

    interface InitialAdmin {
        @WithDefault("admin")
        String username();

        /** No default: set it (CROSSCHECK_ADMIN_PASSWORD) or a random one is printed once. */
        Optional<String> password();

        @WithDefault("admin")
        String roles();
    }
}
