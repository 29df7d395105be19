package io.crosscheck.cdshooks.smart;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs a clinician into the web UI after a SMART launch: the same encrypted session cookie the form login sets
 * (Quarkus' {@link PersistentLoginManager}, built from the form mechanism's own settings, {@code quarkus.http.auth.form.*},
 * and the session key, {@code quarkus.http.auth.session.encryption-key}). The form mechanism reads it back as for any
 * form login: the user name in the cookie is looked up as a trusted identity (roles and clinic from the database).
 * Without a configured session key (the form mechanism then uses a random key of its own) no session can be issued.
 */
@ApplicationScoped
public class SmartSession {

    private final PersistentLoginManager manager;

    SmartSession() {
        VertxHttpConfig http =
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class);
        FormAuthConfig form = http.auth().form();
        this.manager = http.encryptionKey()
                .filter(k -> !k.isBlank())
                .map(key -> new PersistentLoginManager(
                        key,
                        form.cookieName(),
                        form.timeout().toMillis(),
                        form.newCookieInterval().toMillis(),
                        form.httpOnlyCookie(),
                        form.cookieSameSite().name(),
                        form.cookiePath().orElse(null),
                        form.cookieMaxAge().map(Duration::toSeconds).orElse(-1L),
                        form.cookieDomain().orElse(null)))
                .orElse(null);
    }

    /** Whether sessions can be issued (a session key is configured, the same on every node). */
    public boolean available() {
        return manager != null;
    }

    /** Adds the session cookie of {@code username} to the response. */
    public void signIn(String username, RoutingContext context, boolean secure) {
        if (manager == null) {
            throw new IllegalStateException("no session key configured (quarkus.http.auth.session.encryption-key)");
        }
        manager.save(
                QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(username))
                        .build(),
                context,
                null,
                secure);
    }
}
