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

    interface InitialAdmin {
        @WithDefault("admin")
        String username();

        /** No default: set it (CROSSCHECK_ADMIN_PASSWORD) or a random one is printed once. */
        Optional<String> password();

        @WithDefault("admin")
        String roles();
    }
}
