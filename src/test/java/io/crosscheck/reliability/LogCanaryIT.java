package io.crosscheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After the unit and API tests (surefire) have run, none of the canaries {@link LogCanaryTest}
 * planted in request fields appears in the service's log of the whole run: target/crosscheck-unit-tests.log,
 * which every service start of the unit/API run appends to, plus the packaged-jar tests' logs under target/
 * (@QuarkusIntegrationTest deletes its log file before each start, so that one holds the last start only).
 */
class LogCanaryIT {

    @Test
    void noCanaryPlantedInARequestFieldIsInTheLogOfTheTestRun() throws Exception {
        assertThat(LogCanaryTest.CANARIES)
                .as("run the unit tests first (mvn verify)")
                .exists();
        List<String> canaries = Files.readAllLines(LogCanaryTest.CANARIES);
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            files.filter(f -> f.getFileName().toString().matches(".*\\.log(\\.\\d+)?"))
                    .forEach(logs::add);
        }
        assertThat(logs).as("the unit/API test run's log").contains(Path.of("target", "crosscheck-unit-tests.log"));
        List<String> found = new ArrayList<>();
        long bytes = 0;
        int starts = 0;
        for (Path log : logs) {
            String text = Files.readString(log);
            bytes += text.length();
            starts += text.split("Profile test activated", -1).length - 1;
            for (String c : canaries) {
                if (text.contains(c)) {
                    found.add(c + " in " + log);
                }
            }
        }
        // the log must be the whole run's: every service start of the run appends to it
        assertThat(starts).as("service starts recorded in the searched logs").isGreaterThanOrEqualTo(3);
        System.out.printf(
                "log canaries: %d canaries searched in %d log file(s), %d characters, %d service starts: %d found%n",
                canaries.size(), logs.size(), bytes, starts, found.size());
        assertThat(found).isEmpty();
    }
}
