package io.fms.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the bench does to the stack's Postgres between systems, and what it reads from it: a {@code CHECKPOINT} (the
 * dirty pages of the run before are written now, not during the next system's run) and a {@code VACUUM} (its dead
 * rows are not the next system's work); and the durability settings every system runs with.
 */
final class PostgresHousekeeping {

    private PostgresHousekeeping() {}

    /**
     * The login for the reset: {@code CHECKPOINT} needs a superuser (or {@code pg_checkpoint}), and only a table's
     * owner or a superuser can {@code VACUUM} it. The local stack's Postgres trusts its superuser on loopback.
     */
    static final String ADMIN_USER_VARIABLE = "FMS_BENCH_POSTGRES_ADMIN_USER";

    static final String ADMIN_USER_DEFAULT = "postgres";

    /** Answers what ran, or why it could not (the figures are then still measured, and the report says so). */
    static String reset(Stack stack) {
        long start = Clock.now();
        String admin = System.getenv().getOrDefault(ADMIN_USER_VARIABLE, ADMIN_USER_DEFAULT);
        try (Connection db = DriverManager.getConnection(stack.postgresUrl(), admin, "");
                Statement statement = db.createStatement()) {
            statement.execute("CHECKPOINT");
            statement.execute("VACUUM");
            return String.format(Locale.ROOT, "CHECKPOINT + VACUUM (%.1f s)", (Clock.now() - start) / 1e9);
        } catch (SQLException asAdmin) {
            // Without the superuser, the stack's own login vacuums what it owns (every table of FMS and the baselines).
            try (Connection db = DriverManager.getConnection(
                            stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword());
                    Statement statement = db.createStatement()) {
                statement.execute("VACUUM");
                return String.format(
                        Locale.ROOT,
                        "VACUUM (%.1f s); no CHECKPOINT: %s could not log in (%s)",
                        (Clock.now() - start) / 1e9,
                        admin,
                        asAdmin.getMessage().lines().findFirst().orElse(""));
            } catch (SQLException e) {
                return "not reset: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
    }

    /** fsync and synchronous_commit as the server has them (a system could only lower synchronous_commit per session). */
    static Map<String, String> durability(Stack stack) {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(
                        stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword());
                Statement statement = db.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_sync_method"}) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    settings.put("postgres_" + setting, result.getString(1));
                }
            }
        } catch (SQLException e) {
            settings.put("postgres", "not read: " + e.getMessage());
        }
        settings.put("redis_appendfsync", RedisProbe.config(stack.redisHost(), stack.redisPort(), "appendfsync"));
        settings.put("redis_appendonly", RedisProbe.config(stack.redisHost(), stack.redisPort(), "appendonly"));
        return settings;
    }
}
