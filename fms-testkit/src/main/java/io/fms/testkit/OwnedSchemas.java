package io.fms.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates another service's schema the way that service does: its own Flyway migrations, from its module in this
 * repository, into its own schema. A test that plays the part of a neighbouring service (the API reading the
 * processor's bookings, the processor reading the API's catalog) then reads exactly the tables that service
 * makes, never a hand-kept copy that can drift from them.
 */
public final class OwnedSchemas {

    private OwnedSchemas() {}

    /**
     * Migrates {@code schema} from {@code ../<module>/src/main/resources/db/migration}; tests run in their module's
     * directory, beside the others. Idempotent, as Flyway is.
     */
    public static void migrate(DataSource dataSource, String module, String schema) {
        Path migrations = Path.of("..", module, "src", "main", "resources", "db", "migration")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("no migrations of " + module + " at " + migrations);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }
}
