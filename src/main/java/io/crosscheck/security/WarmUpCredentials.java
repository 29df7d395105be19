package io.crosscheck.security;

import io.crosscheck.common.access.Role;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The identity of the start-up request warm-up (io.crosscheck.performance): HTTP Basic with the name
 * {@value #PRINCIPAL} and a random password that exists only in this process's memory, accepted only while the
 * warm-up runs ({@link #open()} to {@link #close()}) and only from a loopback address. The identity may screen
 * (physio role) in the clinic {@value #CLINIC}, which no user belongs to; every transaction it opens is rolled back
 * (io.crosscheck.performance.WarmUpRollback), so it reads and writes nothing that stays. Any other name or password
 * goes on to {@link VerifiedCredentials}; after {@link #close()} the name is an unknown user like any other.
 */
@ApplicationScoped
public class WarmUpCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The warm-up's user name; no database user can sign in under it while the warm-up runs. */
    public static final String PRINCIPAL = io.crosscheck.common.access.Caller.WARM_UP;

    /** The warm-up's clinic: no user belongs to it, so it sees no client data. */
    public static final String CLINIC = "system-warm-up";

    private final SecureRandom random = new SecureRandom();
    private volatile byte[] password;

    /** Opens the warm-up: a new random password, returned as the value of an Authorization header. */
    public synchronized String open() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        password = text.getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString((PRINCIPAL + ":" + text).getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the warm-up: the password is forgotten and never accepted again. */
    public synchronized void close() {
        password = null;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // before VerifiedCredentials, which refuses every name it does not know
        return 3000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] expected = password;
        if (!PRINCIPAL.equals(request.getUsername())) {
            return Uni.createFrom().nullItem();
        }
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        if (expected == null
                || !MessageDigest.isEqual(expected, given)
                || !loopback(HttpSecurityUtils.getRoutingContextAttribute(request))) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(PRINCIPAL))
                        .addRole(Role.PHYSIO)
                        .addAttribute(ClinicAugmentor.CLINIC, CLINIC)
                        .build());
    }

    private static boolean loopback(RoutingContext context) {
        if (context == null) {
            return false;
        }
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
