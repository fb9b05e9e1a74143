package dev.capi.server;

import dev.capi.blobstore.BlobStoreUnusableException;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.buildpacks.BuildpackSettings;
import dev.capi.persistence.Database;
import dev.capi.persistence.identity.JdbiAccountStore;
import dev.capi.persistence.identity.JdbiSigningKeyStore;
import dev.capi.server.identity.AccountDirectory;
import dev.capi.server.identity.BuiltInIdentityProvider;
import dev.capi.server.identity.JwtTokenVerifier;
import dev.capi.server.identity.PasswordHasher;
import dev.capi.server.identity.SigningKeys;
import dev.capi.server.logging.ServerLogging;
import dev.capi.server.runtime.HttpRuntime;
import dev.capi.server.runtime.local.LocalRuntimeSettings;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The standalone server: configuration, the embedded defaults (H2 in the data dir, built-in token issuer), the
 * admin account, one listener, and a clean shutdown on SIGTERM.
 */
public final class StandaloneServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneServer.class);

    /** Daemon threads for the CPU-bound work of a first start; idle (and gone after a minute) once started. */
    private static final ExecutorService STARTUP = startupThreads();

    private final ServerConfig config;
    private final CompletableFuture<TlsMaterial> tlsMaterial;
    private final CloudController controller;
    private final Database database;
    private final String adminPassword;
    private final BuiltInIdentityProvider identity;
    private final BlobStore blobStore;
    private int port;
    private int internalPort;

    public StandaloneServer(ServerConfig config) {
        this(config, null);
    }

    /**
     * A server whose apps run on {@code runtime} instead of the configured one (tests and demos that need no real
     * staging); null: the configured runtime (the external one, else the local runtime).
     */
    public StandaloneServer(ServerConfig config, dev.capi.domain.runtime.Runtime runtime) {
        this.config = config;
        ServerLogging.install(config.logFormat());
        createDirectories(config.dataDir());
        // first, so that a remote blobstore refusing the credentials stops the boot before anything else starts
        this.blobStore = Blobstores.open(config.blobstore(), config.dataDir());
        // CPU-bound first-start work (the internal CA's three RSA keys, the token signing key, the admin password's
        // PBKDF2 hash) runs on the other cores while the database opens and its schema is checked or migrated
        this.tlsMaterial = CompletableFuture.supplyAsync(this::internalTls, STARTUP);
        String issuerUrl = config.externalUrl() + "/uaa";
        CompletableFuture<SigningKeys> signingKeyFile = config.builtInIssuer() && config.signingKeyFile() != null
                ? CompletableFuture.supplyAsync(() -> SigningKeys.loadOrCreateFile(Path.of(config.signingKeyFile())),
                STARTUP) : null;
        this.adminPassword = config.builtInIssuer() ? adminPassword(config) : null;
        CompletableFuture<String> adminHash = adminPassword != null && !adminPassword.isEmpty()
                ? CompletableFuture.supplyAsync(() -> PasswordHasher.hash(adminPassword), STARTUP) : null;
        long t0 = System.nanoTime();
        this.database = Database.open(config.effectiveDatabaseUrl(), config.databaseUser(),
                config.databasePassword(), 10);
        long t1 = System.nanoTime();
        var builder = CloudController.builder().database(database).externalUrl(config.externalUrl())
                .blobStore(blobStore)
                .settings(dev.capi.domain.Settings.defaults().withAppsDomain(config.appsDomain()))
                .buildpackSettings(new BuildpackSettings(config.buildpackMaxUploadBytes()))
                .rateLimits(config.rateLimits()).sweepers(config.sweepers()).brokers(config.brokers())
                .nodes(config.nodes());
        if (runtime != null) {
            builder.runtime(runtime);
        } else if (config.externalRuntime()) {
            URI runtimeUrl = URI.create(config.runtimeUrl());
            builder.runtime(new HttpRuntime(runtimeUrl, config.internalUrl(),
                    "https".equals(runtimeUrl.getScheme()) ? await(tlsMaterial).sslContext() : null));
        } else {
            builder.localRuntime(LocalRuntimeSettings.under(config.runtimeDirectory())
                    .withRouter(config.bind(), config.routerPort()));
        }
        long t2 = System.nanoTime();
        if (config.builtInIssuer()) {
            var accounts = new JdbiAccountStore(database.jdbi());
            // the operator's key file, else the key every node shares through the database
            SigningKeys signingKeys = signingKeyFile != null ? await(signingKeyFile)
                    : SigningKeys.shared(new JdbiSigningKeyStore(database.jdbi(), Clock.systemUTC()),
                    config.dataDir().resolve("keys"));
            this.identity = new BuiltInIdentityProvider(accounts, signingKeys, issuerUrl, Clock.systemUTC(),
                    List.of());
            builder.userDirectory(new AccountDirectory(accounts));
            if (adminHash == null) {
                identity.ensureAdmin(config.adminUser(), adminPassword);
            } else {
                identity.ensureAdminWithHash(config.adminUser(), await(adminHash));
            }
            builder.tokenVerifier(identity.tokenVerifier()).component(identity.uaaEndpoints())
                    .identityUrls(issuerUrl, issuerUrl);
        } else {
            this.identity = null;
            String uaa = config.uaaUrl() != null ? config.uaaUrl() : config.uaaTokenKeysUrl()
                    .replaceAll("/token_keys/?$", "");
            builder.tokenVerifier(JwtTokenVerifier.remote(URI.create(config.uaaTokenKeysUrl())))
                    .identityUrls(uaa, uaa);
        }
        long t3 = System.nanoTime();
        this.controller = builder.build();
        long t4 = System.nanoTime();
        LOG.info("startup: database and schema {} ms, identity {} ms, assembly and seeding {} ms",
                millis(t0, t1), millis(t2, t3), millis(t3, t4));
    }

    /** The value of startup work done in parallel; its failure as the sequential code would have thrown it. */
    private static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Starts listening (public API, then the mutual-TLS internal API); returns the public port. */
    public int start() {
        long t0 = System.nanoTime();
        port = controller.start(config.bind(), config.port());
        long t1 = System.nanoTime();
        TlsMaterial tls = await(tlsMaterial);
        long t2 = System.nanoTime();
        internalPort = controller.startInternal(config.bind(), config.internalPort(), tls);
        long t3 = System.nanoTime();
        LOG.info("startup: public listener {} ms, internal TLS material {} ms, internal listener {} ms",
                millis(t0, t1), millis(t1, t2), millis(t2, t3));
        LOG.info("capi internal API on https://{}:{} (mutual TLS, CA {})", config.bind(), internalPort,
                tls.caCertificate());
        LOG.info("capi listening on http://{}:{} (external URL {})", config.bind(), port, config.externalUrl());
        if (controller.routerPort() > 0) {
            LOG.info("capi router on http://{}:{} (apps at http://<host>.{}:{})", config.bind(),
                    controller.routerPort(), config.appsDomain(), controller.routerPort());
        }
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

    /** The local runtime's router port once started (-1 with another runtime). */
    public int routerPort() {
        return controller.routerPort();
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

    private static ExecutorService startupThreads() {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        var pool = new java.util.concurrent.ThreadPoolExecutor(3, 3, 60, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "capi-startup-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
        if (blobStore instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("cannot close the blobstore client", e);
            }
        }
    }

    /** {@code java -jar capi-server.jar [--config FILE]}. */
    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            }
        }
        ServerConfig config;
        try {
            config = ServerConfig.load(configFile, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("capi: invalid configuration: " + e.getMessage());
            System.exit(1);
            return;
        }
        StandaloneServer server;
        try {
            server = new StandaloneServer(config);
        } catch (BlobStoreUnusableException e) {
            System.err.println("capi: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        server.start();
        ProcessHandle.current().info().startInstant().ifPresent(started -> LOG.info("startup: serving {} ms after "
                + "the JVM started", java.time.Duration.between(started, java.time.Instant.now()).toMillis()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            server.close();
            stopped.countDown();
        }, "capi-shutdown"));
        stopped.await();
    }
}
