package io.crosscheck.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscheck.cdshooks.config.PublicBaseUrlAccess;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The base URL of CDS Hooks audiences and links outside dev and test: the configured one, or none at all (the calls
 * are then refused before authentication; CdsHooksApiTest shows the Host header ignored in test).
 */
class PublicBaseUrlTest {

    @Test
    void outsideDevAndTestWithoutAConfiguredUrlThereIsNoBaseUrlAndNoFallBackToTheRequest() {
        var production = PublicBaseUrlAccess.create(Optional.empty(), false);
        assertThat(production.available()).isFalse();
        assertThatThrownBy(() -> production.of(null)).hasMessageContaining("crosscheck.ehr.public-base-url");
    }

    @Test
    void aConfiguredUrlIsUsedAsIsWithoutATrailingSlash() {
        var configured = PublicBaseUrlAccess.create(Optional.of("https://crosscheck.example.org/"), false);
        assertThat(configured.available()).isTrue();
        assertThat(configured.of(null)).isEqualTo("https://crosscheck.example.org");
    }
}
