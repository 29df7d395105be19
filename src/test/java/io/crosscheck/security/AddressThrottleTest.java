package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Password spraying from one address: after the address limit of failed sign-ins (here 5, spread over different
 * names, so no account reaches its own limit) every password from that address is refused, the right one of another
 * account too; the window ages out.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(AddressThrottleTest.FiveFailures.class)
class AddressThrottleTest {

    public static class FiveFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crosscheck.security.lockout.address-max-failures", "5");
        }
    }

    @Test
    void anAddressWithTooManyFailedSignInsIsRefusedEvenTheRightPasswordOfAnotherAccount() {
        TestUsers.ensureUser("throttle-victim", "throttle-password-1", List.of("physio"), "default");
        for (int i = 0; i < 5; i++) {
            assertThat(given().auth()
                            .preemptive()
                            .basic(i % 2 == 0 ? "sprayed-" + i : "throttle-victim-" + i, "Summer2026!")
                            .get("/api/v1/vocabulary")
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(given().auth()
                        .preemptive()
                        .basic("throttle-victim", "throttle-password-1")
                        .get("/api/v1/vocabulary")
                        .statusCode())
                .isEqualTo(401);
        assertThat(given().auth()
                        .none()
                        .redirects()
                        .follow(false)
                        .formParam("j_username", "throttle-victim")
                        .formParam("j_password", "throttle-password-1")
                        .post("/j_security_check")
                        .getCookie("crosscheck-session"))
                .isNull();
    }

    @Test
    void theWindowAgesOutAndOtherAddressesAreNotAffected() {
        MutableClock clock = new MutableClock();
        AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("10.0.0.1")).isFalse();
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.blocked("10.0.0.1")).isTrue();
        assertThat(throttle.blocked("10.0.0.2")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
