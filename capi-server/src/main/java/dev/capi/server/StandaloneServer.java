package dev.capi.server;

import dev.capi.domain.buildpacks.BuildpackSettings;
import dev.capi.persistence.Database;
import dev.capi.persistence.identity.JdbiAccountStore;
import dev.capi.server.identity.AccountDirectory;
import dev.capi.server.identity.BuiltInIdentityProvider;
import dev.capi.server.identity.JwtTokenVerifier;
import dev.capi.server.logging.ServerLogging;
import dev.capi.server.runtime.HttpRuntime;
import dev.capi.server.tls.LocalCertificateAuthority;
import dev.capi.server.tls.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: configuration, the embedded defaults (H2 in the data dir, built-in token issuer), the
 * admin account, one listener, and a clean shutdown on SIGTERM.
 */
public final class StandaloneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    private final ServerConfig config;
    private final CloudController controller;
    private final Database database;
    private final String adminPassword;
    private final BuiltInIdentityProvider identity;
    private int port;
    private int internalPort;

    public StandaloneServer(ServerConfig config) {
        this.config = config;
        ServerLogging.install(config.logFormat());
        createDirectories(config.dataDir());
        this.database = Database.open(config.effectiveDatabaseUrl(), config.databaseUser(),
                config.databasePassword(), 10);
        var builder = CloudController.builder().database(database).externalUrl(config.externalUrl())
                .blobDirectory(config.blobDirectory())
                .settings(dev.capi.domain.Settings.defaults().withAppsDomain(config.appsDomain()))
                .buildpackSettings(new BuildpackSettings(config.buildpackMaxUploadBytes()))
                .rateLimits(config.rateLimits()).sweepers(config.sweepers());
        if (config.externalRuntime()) {
            URI runtime = URI.create(config.runtimeUrl());
            builder.runtime(new HttpRuntime(runtime, config.internalUrl(),
                    "https".equals(runtime.getScheme()) ? internalTls().sslContext() : null));
        }
        if (config.builtInIssuer()) {
            String issuerUrl = config.externalUrl() + "/uaa";
            var accounts = new JdbiAccountStore(database.jdbi());
            this.identity = new BuiltInIdentityProvider(accounts,
                    config.dataDir().resolve("keys"), issuerUrl, Clock.systemUTC(), List.of());
            builder.userDirectory(new AccountDirectory(accounts));
            this.adminPassword = adminPassword(config);
            identity.ensureAdmin(config.adminUser(), adminPassword);
            builder.tokenVerifier(identity.tokenVerifier()).component(identity.uaaEndpoints())
                    .identityUrls(issuerUrl, issuerUrl);
        } else {
            this.adminPassword = null;
            this.identity = null;
            String uaa = config.uaaUrl() != null ? config.uaaUrl() : config.uaaTokenKeysUrl()
                    .replaceAll("/token_keys/?$", "");
            builder.tokenVerifier(JwtTokenVerifier.remote(URI.create(config.uaaTokenKeysUrl())))
                    .identityUrls(uaa, uaa);
        }
        this.controller = builder.build();
    }

    /** Starts listening (public API, then the mutual-TLS internal API); returns the public port. */
    public int start() {
        port = controller.start(config.bind(), config.port());
        TlsMaterial tls = internalTls();
        internalPort = controller.startInternal(config.bind(), config.internalPort(), tls);
        LOG.info("capi internal API on https://{}:{} (mutual TLS, CA {})", config.bind(), internalPort,
                tls.caCertificate());
        LOG.info("capi listening on http://{}:{} (external URL {})", config.bind(), port, config.externalUrl());
        return port;
    }

    /**
     * The internal listener's TLS material: configured PEM files, or the private CA's files created under
     * {@code <data dir>/tls} (ca.crt, server.crt/key, client.crt/key) on first start.
     */
    public TlsMaterial internalTls() {
        if (config.internalTlsCert() != null && config.internalTlsKey() != null && config.internalTlsCa() != null) {
            return new TlsMaterial(Path.of(config.internalTlsCa()), Path.of(config.internalTlsCert()),
                    Path.of(config.internalTlsKey()));
        }
        return LocalCertificateAuthority.ensure(config.dataDir().resolve("tls"), "localhost", "127.0.0.1",
                config.bind());
    }

    public int internalPort() {
        return internalPort;
    }

    public CloudController controller() {
        return controller;
    }

    /** The built-in identity provider (null with an external UAA). */
    public BuiltInIdentityProvider identity() {
        return identity;
    }

    /** The admin password in force (null with an external UAA). */
    public String adminPassword() {
        return adminPassword;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data dir " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The configured admin password, or one generated at first start, kept in the data dir and printed once. */
    private static String adminPassword(ServerConfig config) {
        if (config.adminPassword() != null && !config.adminPassword().isBlank()) {
            return config.adminPassword();
        }
        Path file = config.dataDir().resolve("admin-password");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            Files.writeString(file, generated + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays with default permissions
            }
            System.out.println("Generated admin password for user '" + config.adminUser() + "': " + generated
                    + " (kept in " + file + ")");
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the admin password in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        controller.close();
        database.close();
    }

    /** {@code java -jar capi-server.jar [--config FILE]}. */
    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            }
        }
        ServerConfig config = ServerConfig.load(configFile, System.getenv());
        StandaloneServer server = new StandaloneServer(config);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
            stopped.countDown();
        }, "capi-shutdown"));
        stopped.await();
    }
}
