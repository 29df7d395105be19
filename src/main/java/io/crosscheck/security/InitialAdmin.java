package io.crosscheck.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator at the first start (no user in the database): the name and password
 * come from configuration ({@code crosscheck.security.initial-admin.*}, e.g. CROSSCHECK_ADMIN_PASSWORD);
 * without a configured password a random one is generated and printed once on the console. There is no
 * built-in password.
 */
@ApplicationScoped
public class InitialAdmin {
    private static final Logger LOG = Logger.getLogger(InitialAdmin.class);

    private final SecurityConfig config;

    InitialAdmin(SecurityConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (AppUser.count() > 0) {
            return;
        }
        SecurityConfig.InitialAdmin admin = config.initialAdmin();
        String password = admin.password().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        AppUser user = new AppUser();
        user.username = admin.username();
        user.password = BcryptUtil.bcryptHash(password);
        user.roles = admin.roles();
        user.clinicId = config.defaultClinic();
        user.createdAt = Instant.now();
        user.persist();
        if (generated) {
            // printed once, on the console only, so the first start of a fresh clone is usable
            System.out.println("\n=== Crosscheck: first administrator created: user '" + user.username + "', password '"
                    + password + "' (shown once; set CROSSCHECK_ADMIN_PASSWORD to choose it) ===\n");
        }
        LOG.infof("First administrator '%s' created (roles %s)", user.username, user.roles);
    }
}
