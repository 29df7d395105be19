package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The production profile of application.properties (what a deployment runs with) cuts slow clients off, caps
 * connections and sends the browser-hardening headers; {@link SlowClientTest} and {@link SecurityHeadersTest} show
 * the same settings at work, with small values, in a running service.
 */
class ProductionHttpSettingsTest {

    private static SmallRyeConfig production() throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(
                        ProductionHttpSettingsTest.class.getResource("/application.properties"), 250))
                .build();
    }

    @Test
    void slowAndIdleClientsAreCutOffWithinMinutesAndConnectionsAreCapped() throws IOException {
        SmallRyeConfig config = production();
        assertThat(config.getOptionalValue("quarkus.http.idle-timeout", String.class)
                        .map(DurationConverter::parseDuration))
                .hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(config.getOptionalValue("quarkus.http.read-timeout", String.class)
                        .map(DurationConverter::parseDuration))
                .hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(config.getOptionalValue("quarkus.http.limits.max-connections", Integer.class))
                .hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(config.getOptionalValue("quarkus.http.limits.max-header-size", String.class))
                .isPresent();
    }

    @Test
    void everyAnswerCarriesTheHardeningHeadersAndCookiesAreSecure() throws IOException {
        SmallRyeConfig config = production();
        assertThat(config.getOptionalValue("quarkus.http.header.\"Content-Security-Policy\".value", String.class))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(config.getOptionalValue("quarkus.http.header.\"Strict-Transport-Security\".value", String.class))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
        assertThat(config.getOptionalValue("crosscheck.web.secure-cookies", Boolean.class))
                .as("Secure cookies are the default (WebConfig); only dev mode turns them off")
                .isEmpty();
    }
}
