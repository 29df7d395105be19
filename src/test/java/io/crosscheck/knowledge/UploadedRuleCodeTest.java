package io.crosscheck.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.support.Candidates;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploaded candidate whose rule runs Java is refused at file:line:column, and the Java never runs (ADR 0006). */
@QuarkusTest
class UploadedRuleCodeTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void aCandidateWhoseConsequenceRunsJavaIsRefusedAtTheTokenAndNothingRuns(@TempDir Path tmp) throws IOException {
        Path marker = tmp.resolve("marker");
        String before = given().get("/api/v1/knowledge-base").then().extract().path("version");
        Path rules = Candidates.copyOfRules(tmp.resolve("candidate"));
        Files.writeString(rules.resolve("safety/probe.drl"), """
                package rules.safety;
                import io.crosscheck.engine.facts.*;

                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                    ruleflow-group "safety"
                when
                    ClientContext()
                then
                    java.nio.file.Files.writeString( java.nio.file.Path.of( "MARKER" ), "ran" );
                end
                """.replace("MARKER", marker.toString()));

        given().contentType("application/zip")
                .body(TestUsers.zip(rules, Path.of("kb-docs")))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(equalTo("rules/safety/probe.drl:10:5")))
                .body("errors.message", hasItem(startsWith("'java' is not allowed here: a consequence may only")));

        assertThat(marker).doesNotExist();
        given().get("/api/v1/knowledge-base").then().body("version", equalTo(before));
    }
}
