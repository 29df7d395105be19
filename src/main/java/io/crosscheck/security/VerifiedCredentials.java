package io.crosscheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Every username/password sign-in of database users ({@link AppUser}), HTTP Basic and the login form alike. Runs
 * before quarkus-security-jpa's provider and decides every name itself: an unknown name is refused here, after the
 * same bcrypt work as a known one.
 *
 * <p>In order: an address with too many failures is refused ({@link AddressThrottle}); the user's row is read (one
 * primary-key read per request, so a disable, a lock or a new password set on any node counts at once); a disabled or
 * locked account is refused like a wrong password; a username/password verified within the TTL with the same stored
 * hash returns the identity verified then (no bcrypt); otherwise the bcrypt hash is checked the way security-jpa does
 * it (Elytron, modular crypt format), a wrong password counted ({@link AccountGuard}). The cache is keyed by an HMAC of
 * name and password under a key that lives only in this process, so it holds no password.
 */
@ApplicationScoped
public class VerifiedCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private record Entry(SecurityIdentity identity, String passwordHash, long expiresAtNanos) {}

    /** A bcrypt hash of a random password: unknown names are checked against it, so they cost what known ones do. */
    private static final String DECOY = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(
            java.util.UUID.randomUUID().toString());

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final AtomicLong verifications = new AtomicLong();
    private final AccountGuard guard;
    private final AddressThrottle throttle;

    VerifiedCredentials(SecurityConfig config, AccountGuard guard, AddressThrottle throttle) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = config.credentialCacheTtl().toNanos();
        this.guard = guard;
        this.throttle = throttle;
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
        String address = address(request);
        if (throttle.blocked(address)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            Optional<AccountGuard.Account> found = guard.account(name);
            if (found.isEmpty()) {
                verify(DECOY, password);
                throttle.failed(address);
                throw new AuthenticationFailedException();
            }
            AccountGuard.Account account = found.get();
            if (account.refusedAt(guard.now())) {
                verify(account.passwordHash(), password); // the same work as any refusal: a lock is not told apart
                throttle.failed(address);
                throw new AuthenticationFailedException();
            }
            String k = key(name, new String(password));
            Entry e = cache.get(k);
            if (e != null
                    && e.expiresAtNanos - System.nanoTime() > 0
                    && e.passwordHash.equals(account.passwordHash())) {
                guard.succeeded(name, account);
                return e.identity;
            }
            if (e != null) {
                cache.remove(k, e);
            }
            verifications.incrementAndGet();
            if (!verify(account.passwordHash(), password)) {
                throttle.failed(address);
                guard.failed(name, address);
                throw new AuthenticationFailedException();
            }
            guard.succeeded(name, account);
            SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(name))
                    .addRoles(new HashSet<>(Arrays.asList(account.roles().split(","))))
                    .addAttribute(ClinicAugmentor.CLINIC, account.clinic())
                    .build();
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(k, new Entry(identity, account.passwordHash(), System.nanoTime() + ttlNanos));
            return identity;
        });
    }

    /** The client's address, from the connection (never a forwarded header); null when not over HTTP. */
    private static String address(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (context == null) {
            return null;
        }
        SocketAddress remote = context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    /** The bcrypt check, as quarkus-security-jpa does it (Elytron, modular crypt format). */
    static boolean verify(String storedHash, char[] password) {
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
