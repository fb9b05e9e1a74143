package dev.capi.server;

import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.assembly.DomainAssembly;
import dev.capi.domain.assembly.DomainPorts;
import dev.capi.domain.assembly.Sweepers;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.events.Pruning;
import dev.capi.domain.jobs.JobRunner;
import dev.capi.domain.jobs.JobWakeUp;
import dev.capi.domain.osbapi.ServiceBrokerClient;
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
import dev.capi.server.runtime.local.LogCacheResource;
import dev.capi.server.runtime.local.ReportDelivery;
import dev.capi.server.runtime.local.Router;
import dev.capi.server.tls.TlsMaterial;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

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

    CloudController(CloudControllerBuilder b) {
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
    private static ServiceBrokerClient brokerClient(CloudControllerBuilder b) {
        return b.brokerClient != null ? b.brokerClient
                : new HttpServiceBrokerClient(b.brokerSettings.timeout(), b.brokerSettings.timeout());
    }

    /** The principal the server acts as when it seeds its own admin buildpacks. */
    private static final dev.capi.domain.auth.Principal SYSTEM = new dev.capi.domain.auth.Principal("capi-system",
            "capi", null, null, java.util.Set.of(dev.capi.domain.auth.Principal.ADMIN));

    /** The embedder's runtime, else the local one when configured, else the in-process stand-in. */
    private static dev.capi.domain.runtime.Runtime runtime(CloudControllerBuilder b, LocalRuntime local) {
        if (b.runtime != null) {
            return b.runtime;
        }
        return local != null ? local : new dev.capi.domain.runtime.InProcessRuntime(b.clock);
    }

    /** The embedder's blobstore, or a local-disk one in the directory it named; never a silent temporary one. */
    private static BlobStore blobStore(CloudControllerBuilder b) {
        if (b.blobStore != null) {
            return b.blobStore;
        }
        if (b.blobDirectory != null) {
            return new LocalDiskBlobStore(b.blobDirectory);
        }
        throw new IllegalStateException("No blobstore: call blobStore(...) or blobDirectory(...) on the builder");
    }

    public static CloudControllerBuilder builder() {
        return new CloudControllerBuilder();
    }

    /** One JAX-RS application: its classes, the request log, and the use cases and services bound for injection. */
    private ResourceConfig application(CloudControllerBuilder b, List<Class<?>> resources, List<Class<?>> providers) {
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
}
