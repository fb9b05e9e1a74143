package dev.capi.persistence;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases persistence tests run on: a fresh in-memory H2, and a fresh randomly named PostgreSQL database
 * (dropped on close) when {@code CAPI_TEST_POSTGRES_URL} is set; otherwise PostgreSQL tests are skipped.
 */
public enum TestDatabases {
    H2, POSTGRES;

    public static final String POSTGRES_URL_ENV = "CAPI_TEST_POSTGRES_URL";

    /** A migrated database that cleans up after itself. */
    public Opened open() {
        if (this == H2) {
            String url = "jdbc:h2:mem:capi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            return new Opened(Database.open(url, "sa", "", 4), () -> { });
        }
        String admin = System.getenv(POSTGRES_URL_ENV);
        Assumptions.assumeTrue(admin != null && !admin.isBlank(),
                "skipped: no PostgreSQL configured (set " + POSTGRES_URL_ENV + ")");
        String name = "capi_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + migratedTemplate(admin));
        String url = withDatabase(admin, name);
        Database db = Database.open(url, null, null, 4);
        return new Opened(db, () -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static String template;

    /**
     * A database migrated once per test JVM (random name, dropped when the JVM exits) that each test database copies:
     * PostgreSQL copies it in a fraction of the time the migration takes, and the copy, whose schema fingerprint is
     * recorded, opens without running Liquibase.
     */
    private static synchronized String migratedTemplate(String admin) {
        if (template == null) {
            String name = "capi_template_" + UUID.randomUUID().toString().replace("-", "");
            execute(admin, "CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            Database.open(withDatabase(admin, name), null, null, 1).close();
            template = name;
        }
        return template;
    }

    /** Replaces the database name in a PostgreSQL JDBC URL, keeping its parameters. */
    public static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** An open test database and what drops it. */
    public record Opened(Database database, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            dropper.run();
        }
    }
}
