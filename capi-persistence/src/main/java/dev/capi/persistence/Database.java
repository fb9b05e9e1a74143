package dev.capi.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.capi.persistence.support.StatementCounter;
import dev.capi.persistence.support.TimeColumns;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The database: a connection pool, the Liquibase schema applied at start, and a configured Jdbi. */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    public static final String CHANGELOG = "db/changelog/master.xml";
    /** Liquibase reports every change set at INFO; keep a reference so the level sticks. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = quietLiquibase();

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.jdbi = Jdbi.create(dataSource);
        TimeColumns.register(jdbi);
        jdbi.setSqlLogger(new StatementCounter());
        // list SQL binds every parameter it renders; a requirement that short-circuits ("1=0") leaves some unused
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
    }

    private static java.util.logging.Logger quietLiquibase() {
        var logger = java.util.logging.Logger.getLogger("liquibase");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** Opens a pooled database at a JDBC URL (H2 or PostgreSQL) and migrates its schema. */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("capi");
        Database db = new Database(new HikariDataSource(config), jdbcUrl.startsWith("jdbc:postgresql:"));
        db.migrate();
        return db;
    }

    /** Wraps a data source the embedding platform owns, and migrates its schema. */
    public static Database of(DataSource dataSource, boolean postgres) {
        Database db = new Database(dataSource, postgres);
        db.migrate();
        return db;
    }

    /**
     * Applies the changelogs, unless a previous start recorded that these very changelogs (same fingerprint) were
     * applied in full: then Liquibase, whose check alone costs a second or more, is not even loaded.
     */
    private void migrate() {
        long start = System.nanoTime();
        Optional<String> fingerprint = SchemaFingerprint.of(Database.class.getClassLoader());
        if (fingerprint.isPresent() && applied(fingerprint.get())) {
            LOG.info("startup: schema up to date (fingerprint {}), checked in {} ms", fingerprint.get().substring(0, 12),
                    (System.nanoTime() - start) / 1_000_000);
            return;
        }
        liquibaseUpdate();
        fingerprint.ifPresent(this::record);
        LOG.info("startup: schema check and migration {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether a start has recorded these changelogs as applied (false without the table: an older schema). */
    private boolean applied(String fingerprint) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT fingerprint FROM schema_fingerprints WHERE fingerprint = ?")) {
            select.setString(1, fingerprint);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Records that the changelogs with this fingerprint are applied (another node may just have done the same). */
    private void record(String fingerprint) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO schema_fingerprints (fingerprint) VALUES (?)")) {
            insert.setString(1, fingerprint);
            insert.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            // already there (another node recorded it first): nothing to do
            LOG.debug("schema fingerprint not recorded: {}", e.getMessage());
        }
    }

    private void liquibaseUpdate() {
        try (Connection c = dataSource.getConnection()) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database)) {
                // Liquibase's progress and summary go to its log (quiet below WARNING), not to standard output,
                // which stays the operator log's alone (one JSON object per line with CAPI_LOG_FORMAT=json).
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                        "liquibase.command.showSummaryOutput", "LOG"), () -> liquibase.update(""));
            }
        } catch (SQLException | liquibase.exception.LiquibaseException e) {
            throw new IllegalStateException("Could not migrate the database schema: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not migrate the database schema: " + e.getMessage(), e);
        }
    }

    /** The connection pool's counts now, when the pool is capi's own (an embedder's data source: empty). */
    public java.util.Optional<PoolUsage> poolUsage() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            var pool = hikari.getHikariPoolMXBean();
            return java.util.Optional.of(new PoolUsage(pool.getActiveConnections(), pool.getIdleConnections(),
                    pool.getTotalConnections(), pool.getThreadsAwaitingConnection(), hikari.getMaximumPoolSize()));
        }
        return java.util.Optional.empty();
    }

    /** Connections in use, idle, open, threads waiting for one, and the pool's maximum. */
    public record PoolUsage(int active, int idle, int total, int waiting, int maximum) {
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pooled connections themselves, for libraries that take a data source (the job scheduler). */
    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing the pool on shutdown; nothing left to do
            }
        }
    }
}
