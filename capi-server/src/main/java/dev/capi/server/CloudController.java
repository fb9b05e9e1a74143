package dev.capi.server;

import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.Settings;
import dev.capi.domain.assembly.DomainAssembly;
import dev.capi.domain.assembly.DomainPorts;
import dev.capi.domain.assembly.SweeperSettings;
import dev.capi.domain.assembly.Sweepers;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.events.Pruning;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.ratelimit.RateLimits;
import dev.capi.domain.stacks.StackDefinition;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserDirectory;
import dev.capi.persistence.Database;
import dev.capi.rest.internal.InternalApi;
import dev.capi.rest.internal.metrics.RequestMetrics;
import dev.capi.rest.v3.V3Api;
import dev.capi.rest.v3.support.ApiInfo;
import dev.capi.rest.v3.support.Links;
import dev.capi.rest.v3.support.RequestBodyFilter;
import dev.capi.server.osbapi.HttpServiceBrokerClient;
import dev.capi.server.metrics.ServerGauges;
import dev.capi.server.metrics.TimedBlobStore;
import dev.capi.server.ratelimit.RateLimiting;
import dev.capi.server.runtime.local.BuiltInBuildpacks;
import dev.capi.server.runtime.local.DesiredProcessRestore;
import dev.capi.server.runtime.local.LocalRuntime;
import dev.capi.server.runtime.local.LocalRuntimeSettings;
import dev.capi.server.runtime.local.LogCacheResource;
import dev.capi.server.runtime.local.ReportDelivery;
import dev.capi.server.runtime.local.Router;
import dev.capi.server.tls.TlsMaterial;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The assembled Cloud Controller: database, domain, background work and the JAX-RS applications. Embedding platforms
 * build one with {@link #builder()}, then either {@link #start} its own listener or mount {@link #resourceConfig()}.
 */
public final class CloudController implements AutoCloseable {
    private final Database database;
    private final boolean ownsDatabase;
    private final DomainPorts ports;
    private final DomainAssembly domain;
    private final Sweepers sweepers;
    private final BackgroundWork background;
    private final ResourceConfig resourceConfig;
    private final ResourceConfig internalConfig;
    private final RequestMetrics metrics = new RequestMetrics();
    private final Listeners listeners = new Listeners();
    private final LocalRuntime localRuntime;
    private final ReportDelivery reportDelivery;
    private final Router router;

    private CloudController(Builder b) {
        this.ownsDatabase = b.database == null;
        this.database = b.database != null ? b.database
                : Database.open(Objects.requireNonNull(b.jdbcUrl, "database or jdbcUrl"), b.dbUser, b.dbPassword,
                b.maxPoolSize);
        ServerGauges.register(metrics, database);
        var wakeUp = new JobWakeUp();
        BlobStore blobs = new TimedBlobStore(blobStore(b), metrics);
        this.localRuntime = b.localRuntime == null ? null
                : new LocalRuntime(b.localRuntime, JdbiAdapters.runtimeBits(database, blobs), b.clock);
        this.ports = JdbiAdapters.ports(database, new JdbiAdapters.Outside(blobs, b.clock, b.guids,
                b.userDirectory, b.routerGroups, runtime(b, localRuntime), b.appSettings.withCfApi(b.externalUrl),
                b.buildpackSettings, b.settings.defaultQuotaDefinition(), brokerClient(b), b.brokerSettings), wakeUp);
        this.domain = DomainAssembly.assemble(ports, b.settings);
        domain.platform().stacks().seed(b.stacks, b.defaultStack);
        if (localRuntime != null) {
            var lifecycle = domain.lifecycle();
            this.reportDelivery = new ReportDelivery(localRuntime, lifecycle.droplets(), lifecycle.builds(),
                    lifecycle.tasks(), domain.apps().crashes());
            this.router = new Router(localRuntime, database.jdbi());
            BuiltInBuildpacks.seedOnce(domain.platform().buildpacks(), domain.orgsAndSpaces().permissions()
                            .of(SYSTEM), b.localRuntime.root().resolve("buildpacks-seeded"));
        } else {
            this.reportDelivery = null;
            this.router = null;
        }
        var core = ports.core();
        this.sweepers = Sweepers.assemble(core, ports.lifecycle(), JdbiAdapters.blobOwners(database),
                domain.lifecycle(), b.sweeperSettings);
        this.background = new BackgroundWork(database,
                new JobRunner(core.jobs(), core.transactions(), domain.jobHandlers(), b.clock),
                new Pruning(core.auditEvents(), core.jobs(), core.transactions(), b.clock), sweepers, b.nodeSettings,
                wakeUp, List.of(new BackgroundWork.Poller("service instance last_operation",
                                domain.serviceInstances().poller()::pollDue),
                        new BackgroundWork.Poller("service binding last_operation",
                                domain.serviceBindings().poller()::pollDue)),
                b.brokerSettings.pollInterval());
        this.resourceConfig = application(b, V3Api.resources(), V3Api.providers());
        resourceConfig.register(new RequestBodyFilter(b.maxJsonBodyBytes));
        RateLimiting.register(resourceConfig, b.rateLimits, ports.platform().requestCounts(), b.clock);
        b.extraComponents.forEach(resourceConfig::register);
        if (localRuntime != null) {
            resourceConfig.register(LogCacheResource.class);
            resourceConfig.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    bind(localRuntime.logs()).to(dev.capi.server.runtime.local.AppLogs.class);
                }
            });
        }
        this.internalConfig = application(b, InternalApi.resources(), InternalApi.providers());
        internalConfig.register(RequestBodyFilter.forInternalApi(b.maxJsonBodyBytes));
    }

    /** The embedder's broker client, or the OSBAPI-over-HTTP one with the configured timeout. */
    private static ServiceBrokerClient brokerClient(Builder b) {
        return b.brokerClient != null ? b.brokerClient
                : new HttpServiceBrokerClient(b.brokerSettings.timeout(), b.brokerSettings.timeout());
    }

    /** The principal the server acts as when it seeds its own admin buildpacks. */
    private static final dev.capi.domain.auth.Principal SYSTEM = new dev.capi.domain.auth.Principal("capi-system",
            "capi", null, null, java.util.Set.of(dev.capi.domain.auth.Principal.ADMIN));

    /** The embedder's runtime, else the local one when configured, else the in-process stand-in. */
    private static dev.capi.domain.runtime.Runtime runtime(Builder b, LocalRuntime local) {
        if (b.runtime != null) {
            return b.runtime;
        }
        return local != null ? local : new dev.capi.domain.runtime.InProcessRuntime(b.clock);
    }

    /** The embedder's blobstore, or a local-disk one in the directory it named; never a silent temporary one. */
    private static BlobStore blobStore(Builder b) {
        if (b.blobStore != null) {
            return b.blobStore;
        }
        if (b.blobDirectory != null) {
            return new LocalDiskBlobStore(b.blobDirectory);
        }
        throw new IllegalStateException("No blobstore: call blobStore(...) or blobDirectory(...) on the builder");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One JAX-RS application: its classes, the request log, and the use cases and services bound for injection. */
    private ResourceConfig application(Builder b, List<Class<?>> resources, List<Class<?>> providers) {
        ResourceConfig rc = new ResourceConfig();
        resources.forEach(rc::register);
        providers.forEach(rc::register);
        rc.register(new RequestLogFilter(b.maxJsonBodyBytes, metrics));
        Links links = new Links(b.externalUrl);
        ApiInfo info = new ApiInfo(b.loginUrl != null ? b.loginUrl : b.externalUrl + "/uaa",
                b.uaaUrl != null ? b.uaaUrl : b.externalUrl + "/uaa", "capi", "", "0.1.0",
                "capi: a Cloud Foundry Cloud Controller in Java", b.externalUrl, null, null,
                b.localRuntime != null ? b.externalUrl : null);
        TokenVerifier verifier = Objects.requireNonNull(b.tokenVerifier, "tokenVerifier");
        rc.register(new UseCaseBinder(domain, b.clock));
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(links).to(Links.class);
                bind(info).to(ApiInfo.class);
                bind(verifier).to(TokenVerifier.class);
                bind(metrics).to(RequestMetrics.class);
            }
        });
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return rc;
    }

    /** The internal API's application, for platforms that serve it in their own (mutual-TLS) container. */
    public ResourceConfig internalResourceConfig() {
        return internalConfig;
    }

    /** The JAX-RS application, for platforms that mount it in their own container. */
    public ResourceConfig resourceConfig() {
        return resourceConfig;
    }

    /** The assembled use cases, area by area. */
    public DomainAssembly domain() {
        return domain;
    }

    /** The sweepers the background work runs. */
    public Sweepers sweepers() {
        return sweepers;
    }

    /** Runs every sweeper once, now (they also run at start and periodically once the worker started). */
    public void sweepNow() {
        background.sweep();
    }

    /** The adapters the domain was assembled from. */
    public DomainPorts ports() {
        return ports;
    }

    public Database database() {
        return database;
    }

    /** Starts the background work and a listener on {@code bind:port}; returns the bound port. */
    public int start(String bind, int port) {
        startWorker();
        return listeners.startPublic(resourceConfig, bind, port);
    }

    /**
     * Starts the internal API on {@code bind:port} with mutual TLS: clients must present a certificate signed by the
     * material's CA, or the handshake fails. Returns the bound port.
     */
    public int startInternal(String bind, int port, TlsMaterial tls) {
        return listeners.startInternal(internalConfig, bind, port, tls);
    }

    /**
     * Starts only the background work (when the platform serves {@link #resourceConfig()} itself); with the local
     * runtime also its report delivery, the processes the database says should run, and the router.
     */
    public void startWorker() {
        background.start();
        if (localRuntime != null) {
            reportDelivery.start();
            DesiredProcessRestore.restore(ports.core().transactions(), ports.apps().apps(), ports.apps().processes(),
                    domain.apps().sync());
            router.start();
        }
    }

    /** The local runtime (null when another runtime was given). */
    public LocalRuntime localRuntime() {
        return localRuntime;
    }

    /** The local runtime's router port once started (-1 without a local runtime). */
    public int routerPort() {
        return router == null ? -1 : router.port();
    }

    @Override
    public void close() {
        listeners.close();
        if (localRuntime != null) {
            router.close();
            localRuntime.close();
            reportDelivery.close();
        }
        background.close();
        if (ownsDatabase) {
            database.close();
        }
    }

    /** Configures a Cloud Controller; a database, a blobstore (or its directory) and a token verifier are required. */
    public static final class Builder {
        private Database database;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private int maxPoolSize = 10;
        private TokenVerifier tokenVerifier;
        private UserDirectory userDirectory = UserDirectory.none();
        private RouterGroups routerGroups = RouterGroups.builtIn();
        private BlobStore blobStore;
        private java.nio.file.Path blobDirectory;
        private String externalUrl = "http://localhost:9022";
        private String loginUrl;
        private String uaaUrl;
        private Clock clock = Clock.systemUTC();
        private Guids guids = Guids.random();
        private Settings settings = Settings.defaults();
        private NodeSettings nodeSettings = NodeSettings.defaults();
        private long maxJsonBodyBytes = 1024 * 1024;
        private RateLimits rateLimits = RateLimits.off();
        private SweeperSettings sweeperSettings = SweeperSettings.defaults();
        private ServiceBrokerClient brokerClient;
        private BrokerSettings brokerSettings = BrokerSettings.defaults();
        private final List<Object> extraComponents = new ArrayList<>();
        private List<StackDefinition> stacks = StackDefinition.SAMPLE;
        private String defaultStack = StackDefinition.SAMPLE_DEFAULT;
        private dev.capi.domain.runtime.Runtime runtime;
        private LocalRuntimeSettings localRuntime;
        private dev.capi.domain.apps.AppSettings appSettings = dev.capi.domain.apps.AppSettings.defaults();
        private dev.capi.domain.buildpacks.BuildpackSettings buildpackSettings =
                dev.capi.domain.buildpacks.BuildpackSettings.defaults();

        public Builder database(Database database) {
            this.database = database;
            return this;
        }

        public Builder database(String jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        public Builder maxPoolSize(int size) {
            this.maxPoolSize = size;
            return this;
        }

        /** The identity provider's user directory (names of users the Cloud Controller has not seen yet). */
        public Builder userDirectory(UserDirectory directory) {
            this.userDirectory = directory;
            return this;
        }

        /** The routing tier's router groups (default: one built-in {@code default-tcp} group, ports 1024-1033). */
        public Builder routerGroups(RouterGroups groups) {
            this.routerGroups = groups;
            return this;
        }

        public Builder tokenVerifier(TokenVerifier verifier) {
            this.tokenVerifier = verifier;
            return this;
        }

        /** Whatever stages and runs apps; default: an in-process runtime that reports desired instances RUNNING. */
        public Builder runtime(dev.capi.domain.runtime.Runtime runtime) {
            this.runtime = runtime;
            return this;
        }

        /**
         * Stages and runs apps on this machine (child processes, a router, logs) with the given settings; ignored when
         * {@link #runtime} names another runtime.
         */
        public Builder localRuntime(LocalRuntimeSettings settings) {
            this.localRuntime = settings;
            return this;
        }

        /** App and process defaults (memory, disk, log rate, file descriptors, SSH); default: the reference's. */
        /** Limits on buildpack uploads (default: 1 GiB). */
        public Builder buildpackSettings(dev.capi.domain.buildpacks.BuildpackSettings settings) {
            this.buildpackSettings = settings;
            return this;
        }

        public Builder appSettings(dev.capi.domain.apps.AppSettings settings) {
            this.appSettings = settings;
            return this;
        }

        /** Where bits live (packages, droplets, buildpacks, buildpack caches); this or {@link #blobDirectory}. */
        public Builder blobStore(BlobStore store) {
            this.blobStore = store;
            return this;
        }

        /** Keeps bits in a local-disk blobstore in {@code directory} (created if missing; survives restarts). */
        public Builder blobDirectory(java.nio.file.Path directory) {
            this.blobDirectory = directory;
            return this;
        }

        public Builder externalUrl(String url) {
            this.externalUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        /** The login and UAA URLs the root document links to (default: the built-in issuer under /uaa). */
        public Builder identityUrls(String login, String uaa) {
            this.loginUrl = login;
            this.uaaUrl = uaa;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder guids(Guids guids) {
            this.guids = guids;
            return this;
        }

        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /** Per-user and per-address request limits on the public API (default: off, as in the reference). */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }


        /**
         * How often the sweepers run and when pending packages and builds expire (default: every minute, 900
         * seconds each as the reference's staging timeout; orphan blobs hourly, after a day).
         */
        public Builder sweepers(SweeperSettings settings) {
            this.sweeperSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How capi talks to service brokers: timeouts and last_operation polling. */
        public Builder brokers(BrokerSettings settings) {
            this.brokerSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Replaces the OSBAPI-over-HTTP broker client (tests, or platforms that reach brokers another way). */
        public Builder brokerClient(ServiceBrokerClient client) {
            this.brokerClient = Objects.requireNonNull(client);
            return this;
        }

        /** How often this node looks for due jobs besides those enqueued on it (default: every 500 ms). */
        public Builder jobPollMillis(long millis) {
            this.nodeSettings = nodeSettings.withPollInterval(java.time.Duration.ofMillis(millis));
            return this;
        }

        /**
         * How this node runs jobs and periodic work with the other nodes on its database: name, poll interval,
         * heartbeat and missed heartbeats before another node takes its work over (default: {@link
         * NodeSettings#defaults()}).
         */
        public Builder nodes(NodeSettings settings) {
            this.nodeSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The stacks seeded at start (missing ones are created) and the default one. */
        public Builder stacks(List<StackDefinition> definitions, String defaultStackName) {
            this.stacks = List.copyOf(definitions);
            this.defaultStack = defaultStackName;
            return this;
        }

        /** Extra JAX-RS components served beside the API (e.g. the built-in identity provider's resource). */
        public Builder component(Object component) {
            this.extraComponents.add(component);
            return this;
        }

        public CloudController build() {
            return new CloudController(this);
        }
    }
}
