package io.crosscheck.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verified-credential cache, so the screening path does not pay a bcrypt verification per request.
 * Runs before quarkus-security-jpa's provider: a username/password verified (by bcrypt) within the
 * TTL returns the identity verified then; anything else falls through to the bcrypt check
 * ({@code null} passes to the next provider). Keys are an HMAC of name and password under a key that
 * lives only in this process, so the cache holds no password. Cleared whenever a user changes.
 */
@ApplicationScoped
public class VerifiedCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private record Entry(SecurityIdentity identity, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long ttlNanos;

    VerifiedCredentials(SecurityConfig config) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = config.credentialCacheTtl().toNanos();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String k = key(request.getUsername(), new String(request.getPassword().getPassword()));
        Entry e = cache.get(k);
        if (e != null && e.expiresAtNanos - System.nanoTime() > 0) {
            return Uni.createFrom().item(e.identity);
        }
        if (e != null) {
            cache.remove(k, e);
        }
        return Uni.createFrom().nullItem();
    }

    /** Remembers an identity just verified by bcrypt for the Basic credentials it was verified with. */
    void remember(String basicHeader, SecurityIdentity identity) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(basicHeader.substring("Basic ".length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(identity.getPrincipal().getName())) {
            return;
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key(decoded.substring(0, colon), decoded.substring(colon + 1)), new Entry(identity, System.nanoTime() + ttlNanos));
    }

    /** Forgets every verified credential (a user was created, changed or removed). */
    public void clear() {
        cache.clear();
    }

    private String key(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
