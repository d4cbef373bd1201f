package io.fms.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Postgres 17 (the zonky binaries from Maven Central) with its data kept between runs, and the application's role
 * and database as infra/lib/stack.env names them ({@code fms} / {@code fms}, database {@code fms} owned by that
 * role).
 *
 * <p>Usage: {@code java io.fms.infra.PostgresNode <data directory>}; port {@code FMS_LOCAL_POSTGRES_PORT} (default in
 * infra/lib/stack.env).
 */
public final class PostgresNode {

    private static final StackAddresses ADDRESSES = StackAddresses.fromEnvironment();
    /** The login the services default to is the role created here, whatever this process's environment says. */
    static final String ROLE = ADDRESSES.fileValue("FMS_POSTGRES_USER");

    static final String PASSWORD = ADDRESSES.fileValue("FMS_POSTGRES_PASSWORD");
    static final String DATABASE = ADDRESSES.postgresDatabase();

    /**
     * The superuser keeps initdb's trust on loopback (zonky checks readiness as it, without a password); everyone
     * else proves the password, so a wrong {@code FMS_POSTGRES_PASSWORD} fails here as it would in production.
     */
    private static final List<String> HBA = List.of(
            "# Written by io.fms.infra.PostgresNode on every start; edits are overwritten.",
            "local all all trust",
            "host all postgres 127.0.0.1/32 trust",
            "host all postgres ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private PostgresNode() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Launch.dataDir(args, "postgres");
        int port = ADDRESSES.postgresPort();
        stopOrphanedPostmaster(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's defaults trade durability for test speed; here a commit must survive a crash, because
                // the local stack is where developers kill processes to see the invariants hold.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()))
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        createRoleAndDatabase(postgres);
        Launch.ready("Postgres on localhost:" + port + ", database " + DATABASE + ", user " + ROLE);
        Launch.runUntilTerminated("postgres", () -> close(postgres));
    }

    private static void createRoleAndDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN");
                System.out.println("Created role " + ROLE);
            }
            // Set on every start, so the documented password holds even if someone changed it.
            statement.execute("ALTER ROLE " + ROLE + " WITH LOGIN PASSWORD '" + PASSWORD + "'");
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                System.out.println("Created database " + DATABASE);
            }
        }
    }

    private static void writeHba(Path dataDir) {
        try {
            Files.write(dataDir.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it), holding the port and the
     * data directory. If no launcher holds the directory's lock, such a postmaster is ours to stop.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileOutputStream lockStream =
                        new FileOutputStream(dataDir.resolve("epg-lock").toFile());
                FileLock lock = lockStream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("another PostgresNode is using " + dataDir);
            }
        }
        Optional<ProcessHandle> postmaster = PidFiles.process(pidFile, command -> command.endsWith("postgres"));
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        System.out.println("Stopping orphaned postmaster " + pid + " left by an earlier run");
        // SIGINT is Postgres' "fast" shutdown: it disconnects clients instead of waiting for them.
        new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                .inheritIO()
                .start()
                .waitFor();
        postmaster.get().onExit().get(60, TimeUnit.SECONDS);
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
