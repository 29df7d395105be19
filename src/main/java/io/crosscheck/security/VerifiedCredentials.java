package io.crosscheck.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Database users' Basic credentials, verified once and then remembered, so the screening path does not
 * pay a bcrypt verification per request. Runs before quarkus-security-jpa's provider (which maps the
 * users, {@link AppUser}): a username/password verified within the TTL returns the identity verified
 * then; otherwise the user's bcrypt hash is checked the way security-jpa does it (Elytron, modular
 * crypt format) and the identity (roles, clinic) is remembered. Keys are an HMAC of name and password
 * under a key that lives only in this process, so the cache holds no password. Cleared whenever a user
 * is created.
 */
@ApplicationScoped
public class VerifiedCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private record Entry(SecurityIdentity identity, long expiresAtNanos) {}

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final java.util.concurrent.atomic.AtomicLong verifications = new java.util.concurrent.atomic.AtomicLong();

    VerifiedCredentials(SecurityConfig config) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = config.credentialCacheTtl().toNanos();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * Before quarkus-security-jpa's provider, whose priority is the interface default (1001, above
     * {@code SYSTEM_FIRST}); providers are tried from the highest priority down.
     */
    public static final int PRIORITY = 2_000;

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] password = request.getPassword().getPassword();
        String k = key(name, new String(password));
        Entry e = cache.get(k);
        if (e != null && e.expiresAtNanos - System.nanoTime() > 0) {
            return Uni.createFrom().item(e.identity);
        }
        if (e != null) {
            cache.remove(k, e);
        }
        return context.runBlocking(() -> {
            String[] row = QuarkusTransaction.requiringNew().call(() -> {
                AppUser u = AppUser.byName(name);
                return u == null ? null : new String[] {u.password, u.roles, u.clinicId};
            });
            if (row == null) {
                return null; // not a database user: the next provider decides
            }
            verifications.incrementAndGet();
            if (!verify(row[0], password)) {
                throw new AuthenticationFailedException();
            }
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(name))
                    .addRoles(new HashSet<>(Arrays.asList(row[1].split(","))))
                    .addAttribute(ClinicAugmentor.CLINIC, row[2])
                    .build();
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(k, new Entry(identity, System.nanoTime() + ttlNanos));
            return identity;
        });
    }

    /** The bcrypt check, as quarkus-security-jpa does it (Elytron, modular crypt format). */
    private static boolean verify(String storedHash, char[] password) {
        try {
            Password stored = ModularCrypt.decode(storedHash);
            return new PasswordCredential(stored)
                    .verify(
                            () -> new Provider[] {WildFlyElytronPasswordProvider.getInstance()},
                            new PasswordGuessEvidence(password));
        } catch (InvalidKeySpecException | RuntimeException e) {
            return false;
        }
    }

    /** How many bcrypt verifications this process has done (for tests: not one per request). */
    public long verifications() {
        return verifications.get();
    }

    /** Forgets every verified credential (a user was created, changed or removed). */
    public void clear() {
        cache.clear();
    }

    private String key(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
