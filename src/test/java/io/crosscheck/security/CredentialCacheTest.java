package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.TestUsers;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A verified username/password is remembered, so the screening path pays no bcrypt check per request:
 * counted, not timed. {@link FallThrough} sits between the cache and quarkus-security-jpa's provider
 * (which hashes on every call) and counts every request the cache did not answer.
 */
@QuarkusTest
class CredentialCacheTest {

    @Inject
    VerifiedCredentials credentials;

    @Inject
    FallThrough fallThrough;

    @Test
    void twentyRequestsWithTheSameCredentialsPayOneBcryptCheckAndNeverReachTheJpaProvider() {
        TestUsers.ensureUser("cache-physio", "cache-physio-pw", List.of("physio"), "default");
        long verificationsBefore = credentials.verifications();
        long fallThroughBefore = fallThrough.calls.get();

        for (int i = 0; i < 20; i++) {
            given().auth()
                    .preemptive()
                    .basic("cache-physio", "cache-physio-pw")
                    .get("/api/v1/vocabulary")
                    .then()
                    .statusCode(200);
        }

        assertThat(credentials.verifications() - verificationsBefore).isLessThanOrEqualTo(1);
        assertThat(fallThrough.calls.get() - fallThroughBefore).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeAndIsNeverRemembered() {
        TestUsers.ensureUser("cache-author", "cache-author-pw", List.of("author"), "default");
        given().auth()
                .preemptive()
                .basic("cache-author", "cache-author-pw")
                .get("/api/v1/knowledge-base")
                .then()
                .statusCode(200);
        long before = credentials.verifications();

        for (int i = 0; i < 3; i++) {
            given().auth()
                    .preemptive()
                    .basic("cache-author", "not-the-password")
                    .get("/api/v1/knowledge-base")
                    .then()
                    .statusCode(401);
        }

        assertThat(credentials.verifications() - before).isEqualTo(3);
        given().auth()
                .preemptive()
                .basic("cache-author", "cache-author-pw")
                .get("/api/v1/knowledge-base")
                .then()
                .statusCode(200);
    }

    /** Counts username/password requests that reach the providers after the cache; decides nothing. */
    @ApplicationScoped
    public static class FallThrough implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        final AtomicLong calls = new AtomicLong();

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return (VerifiedCredentials.PRIORITY + 1001) / 2;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
            calls.incrementAndGet();
            return Uni.createFrom().nullItem();
        }
    }
}
