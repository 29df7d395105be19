package io.crosscheck.cli;

import io.crosscheck.audit.AuditChain;
import io.crosscheck.audit.AuditCheckpointFile;
import io.crosscheck.audit.config.AuditConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crosscheck audit-check}: verifies the audit log's HMAC chain in the database against its
 * checkpoints and, with {@code --expect-head}, a head published earlier (the service's log line {@code audit head
 * seq=<n> mac=<hex>}), read-only, and names the first broken entry; entries left unsealed longer than
 * {@code --max-pending-age} fail it too. Exit 0 intact, 1 broken or unreadable, 2 usage error.
 */
@Command(
        name = "audit-check",
        mixinStandardHelpOptions = true,
        description = "Verify the audit log's HMAC chain and checkpoints; name the first broken entry.")
public final class AuditCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            defaultValue = "jdbc:h2:file:./data/crosscheck;IFEXISTS=TRUE",
            description =
                    "the service's database (default: ${DEFAULT-VALUE}; stop the service first for the embedded H2 file)")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "crosscheck", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "", description = "database password (default: empty)")
    String password;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            defaultValue = AuditConfig.DEFAULT_KEY_FILE,
            description =
                    "HMAC key file, used when CROSSCHECK_AUDIT_KEY is not set (default: ${DEFAULT-VALUE}, where the"
                            + " service generates it)")
    Path keyFile;

    @Option(
            names = "--checkpoint-file",
            paramLabel = "FILE",
            defaultValue = AuditConfig.DEFAULT_CHECKPOINT_FILE,
            description =
                    "chain head checkpointed outside the database (default: ${DEFAULT-VALUE}; ignored when absent)")
    Path checkpointFile;

    @Option(
            names = "--expect-head",
            paramLabel = "SEQ:MAC",
            converter = HeadConverter.class,
            description = "a head published earlier (the log line 'audit head seq=<n> mac=<hex>' as <n>:<hex>): the"
                    + " chain must still contain it; a chain rewritten with the key, or truncated, does not")
    AuditChain.Head expectHead;

    @Option(
            names = "--max-pending-age",
            paramLabel = "DURATION",
            defaultValue = "PT1M",
            description = "an entry unsealed for longer fails the check (ISO-8601, default: ${DEFAULT-VALUE})")
    Duration maxPendingAge;

    /** Reads {@code <seq>:<mac>}. */
    static final class HeadConverter implements CommandLine.ITypeConverter<AuditChain.Head> {
        @Override
        public AuditChain.Head convert(String value) {
            try {
                return AuditChain.Head.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String env = System.getenv("CROSSCHECK_AUDIT_KEY");
        byte[] key;
        if (env != null && !env.isBlank()) {
            key = env.getBytes(StandardCharsets.UTF_8);
        } else if (Files.isRegularFile(keyFile)) {
            key = Files.readString(keyFile, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        } else {
            err.println("audit-check: no key: set CROSSCHECK_AUDIT_KEY or --key-file");
            return 1;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setReadOnly(true);
            AuditChain.Verdict verdict = new AuditChain(key)
                    .verifyAgainst(
                            db,
                            new AuditChain.Expectations(
                                    AuditCheckpointFile.read(checkpointFile),
                                    expectHead,
                                    maxPendingAge,
                                    Instant.now()));
            out.println(verdict.describe());
            out.flush();
            return verdict.valid() ? 0 : 1;
        } catch (SQLException e) {
            err.println("audit-check: cannot read the database: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
    }
}
