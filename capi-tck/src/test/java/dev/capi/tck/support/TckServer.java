package dev.capi.tck.support;

import dev.capi.server.ServerConfig;
import dev.capi.server.StandaloneServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The TCK's bootstrap, and the only TCK class that may touch server classes: starts capi in-process (a fresh data
 * dir; H2, or a fresh randomly named PostgreSQL database when {@code CAPI_TEST_POSTGRES_URL} is set) and stops it
 * (removing the data dir and dropping that database) when the JVM exits.
 */
final class TckServer {
    static final String POSTGRES_URL_ENV = "CAPI_TEST_POSTGRES_URL";
    /** A small buildpack upload limit, so that the TCK can upload something larger. */
    static final long EMBEDDED_BUILDPACK_MAX_BYTES = 1024 * 1024;

    private final StandaloneServer server;
    private final String baseUrl;
    private final String adminPassword;
    private final String database;

    private TckServer(StandaloneServer server, String baseUrl, String adminPassword, String database) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.database = database;
    }

    static TckServer start() {
        try {
            int port = freePort();
            Path dataDir = Files.createTempDirectory("capi-tck-");
            String adminPassword = "tck-" + UUID.randomUUID();
            Map<String, String> env = new HashMap<>();
            env.put("CAPI_PORT", Integer.toString(port));
            env.put("CAPI_INTERNAL_PORT", Integer.toString(freePort()));
            env.put("CAPI_DATA_DIR", dataDir.toString());
            env.put("CAPI_ADMIN_PASSWORD", adminPassword);
            env.put("CAPI_BUILDPACK_MAX_UPLOAD_BYTES", Long.toString(EMBEDDED_BUILDPACK_MAX_BYTES));
            env.put("CAPI_BROKER_POLL_INTERVAL_SECONDS", "1");
            env.put("CAPI_BROKER_TIMEOUT_SECONDS", "15");
            String pg = System.getenv(POSTGRES_URL_ENV);
            String databaseName = null;
            String databaseLabel = "H2";
            if (pg != null && !pg.isBlank()) {
                databaseName = "capi_tck_" + UUID.randomUUID().toString().replace("-", "");
                execute(pg, "CREATE DATABASE " + databaseName);
                env.put("CAPI_DATABASE_URL", withDatabase(pg, databaseName));
                databaseLabel = "PostgreSQL database " + databaseName;
            }
            // the TCK checks the API's contract, so apps "run" on the in-process stand-in: no staging, no router
            StandaloneServer server = new StandaloneServer(ServerConfig.load(null, env),
                    new dev.capi.domain.runtime.InProcessRuntime());
            server.start();
            TckServer tck = new TckServer(server, "http://localhost:" + port, adminPassword, databaseName);
            String dropTarget = databaseName;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteRecursively(dataDir);
                if (dropTarget != null) {
                    execute(pg, "DROP DATABASE IF EXISTS " + dropTarget + " WITH (FORCE)");
                }
            }));
            System.out.println("TCK: embedded capi on " + tck.baseUrl + " (" + databaseLabel + ")");
            return tck;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded server: " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The internal listener's base URL. */
    String internalUrl() {
        return "https://localhost:" + server.internalPort();
    }

    /** The data dir's generated TLS files: ca.crt, client.crt, client.key. */
    java.nio.file.Path tlsDir() {
        return server.internalTls().caCertificate().getParent();
    }

    String adminPassword() {
        return adminPassword;
    }

    /** Runs {@code work} on a connection to the embedded server's database (the benchmark's bulk seeding). */
    void withDatabase(Tck.DatabaseWork work) throws java.sql.SQLException {
        try (var handle = server.controller().database().jdbi().open()) {
            work.run(handle.getConnection());
        }
    }

    /** Creates an identity with global scopes (admin_read_only, global_auditor) in the built-in issuer. */
    void createUserWithScopes(String username, String password, Set<String> scopes) {
        server.identity().createUser(username, password, "uaa", username + "@example.com", scopes);
    }

    /** The data dir (H2 files, blobs, keys) goes with the run, as the PostgreSQL database does. */
    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("TCK: cannot remove " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
