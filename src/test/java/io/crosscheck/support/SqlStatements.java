package io.crosscheck.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Every SQL statement Hibernate sends while {@link #during} runs, on any thread (a request is served on a worker
 * thread): counts what a request really costs in statements. Passes each statement on unchanged, and records nothing
 * outside {@link #during}.
 */
@PersistenceUnitExtension
@Singleton
public class SqlStatements implements StatementInspector {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            SEEN.add(sql);
        }
        return sql;
    }

    /** The statements sent while {@code action} ran (one recording at a time). */
    public static synchronized List<String> during(Runnable action) {
        SEEN.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(SEEN);
    }
}
