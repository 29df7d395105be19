package io.crosscheck.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the in-memory H2 of the tests there is no file to force: durable commits do nothing, and cost nothing. */
@QuarkusTest
class DurableCommitsInMemoryTest {

    @Inject
    DurableCommits durable;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void anInMemoryDatabaseIsNeverForced() throws Exception {
        DurableCommitsTest.Recorded recorded = DurableCommitsTest.record(() -> {
            for (int i = 0; i < 5; i++) {
                DurableCommitsTest.screen();
            }
        });
        assertThat(recorded.requests())
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.getInt("status")).isEqualTo(201));
        assertThat(durable.forcing()).isFalse();
        assertThat(durable.forces()).isZero();
        assertThat(recorded.forces()).isEmpty();
    }
}
