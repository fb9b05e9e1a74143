package dev.capi.server;

import dev.capi.domain.DomainServices;
import dev.capi.domain.Ports;
import dev.capi.domain.Repositories;
import dev.capi.domain.isolationsegments.IsolationSegmentRepository;
import dev.capi.domain.securitygroups.SecurityGroupRepository;
import dev.capi.domain.registrycredentials.RegistryCredentialRepository;
import dev.capi.domain.locks.LockRepository;
import dev.capi.domain.stacks.StackDefinition;
import dev.capi.persistence.locks.JdbiLockRepository;
import dev.capi.domain.stacks.StackRepository;
import dev.capi.persistence.stacks.JdbiStackRepository;
import dev.capi.persistence.registrycredentials.JdbiRegistryCredentialRepository;
import dev.capi.domain.Settings;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.jobs.JobWorker;
import dev.capi.domain.jobs.Pruning;
import dev.capi.domain.quotas.OrganizationQuotaRepository;
import dev.capi.domain.quotas.QuotaUsageRepository;
import dev.capi.domain.quotas.SpaceQuotaRepository;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserDirectory;
import dev.capi.persistence.Database;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.events.JdbiAuditEventRepository;
import dev.capi.persistence.featureflags.JdbiFeatureFlagRepository;
import dev.capi.persistence.isolationsegments.JdbiIsolationSegmentRepository;
import dev.capi.persistence.jobs.JdbiJobRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.quotas.JdbiOrganizationQuotaRepository;
import dev.capi.persistence.quotas.JdbiQuotaUsageRepository;
import dev.capi.persistence.quotas.JdbiSpaceQuotaRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.securitygroups.JdbiSecurityGroupRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import dev.capi.persistence.domains.JdbiDomainRepository;
import dev.capi.persistence.routes.JdbiRouteDestinationRepository;
import dev.capi.persistence.routes.JdbiRouteRepository;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.persistence.users.JdbiUserRepository;
import dev.capi.rest.internal.InternalApi;
import dev.capi.rest.v3.V3Api;
import dev.capi.rest.internal.metrics.RequestMetrics;
import dev.capi.server.tls.TlsMaterial;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import dev.capi.rest.v3.support.ApiInfo;
import dev.capi.rest.v3.support.Links;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The assembled Cloud Controller: database, domain, job worker and the JAX-RS application. Embedding platforms
 * build one with {@link #builder()}, then either {@link #start} its own listener or mount {@link #resourceConfig()}.
 */
public final class CloudController implements AutoCloseable {
    private final Database database;
    private final boolean ownsDatabase;
    private final DomainServices domain;
    private final JobWorker worker;
    private final ResourceConfig resourceConfig;
    private final ResourceConfig internalConfig;
    private final RequestMetrics metrics = new RequestMetrics();
    private final Pruning pruning;
    private final java.util.concurrent.ScheduledExecutorService maintenance =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "capi-maintenance");
                t.setDaemon(true);
                return t;
            });
    private HttpServer server;
    private HttpServer internalServer;

    private CloudController(Builder b) {
        this.ownsDatabase = b.database == null;
        this.database = b.database != null ? b.database
                : Database.open(Objects.requireNonNull(b.jdbcUrl, "database or jdbcUrl"), b.dbUser, b.dbPassword,
                b.maxPoolSize);
        var jdbi = database.jdbi();
        var metadata = new JdbiMetadataRepository(jdbi);
        var transactions = new JdbiTransactions(jdbi);
        var jobs = new JdbiJobRepository(jdbi);
        Ports ports = new Ports(transactions, b.clock, b.guids, metadata,
                new JdbiOrganizationRepository(jdbi, metadata, b.settings.defaultQuotaDefinition()),
                new JdbiSpaceRepository(jdbi, metadata),
                new JdbiUserRepository(jdbi, metadata), new JdbiRoleRepository(jdbi),
                new JdbiAuditEventRepository(jdbi), jobs, new JdbiFeatureFlagRepository(jdbi), blobStore(b),
                b.userDirectory, new Repositories()
                .with(RegistryCredentialRepository.class, new JdbiRegistryCredentialRepository(jdbi, metadata))
                .with(StackRepository.class, new JdbiStackRepository(jdbi, metadata))
                .with(dev.capi.domain.apps.AppContents.class, new dev.capi.persistence.apps.JdbiAppContents(jdbi))
                .with(dev.capi.domain.revisions.RevisionRepository.class,
                        new dev.capi.persistence.revisions.JdbiRevisionRepository(jdbi, metadata))
                .with(dev.capi.domain.deployments.DeploymentRepository.class,
                        new dev.capi.persistence.deployments.JdbiDeploymentRepository(jdbi, metadata))
                .with(dev.capi.domain.sidecars.SidecarRepository.class,
                        new dev.capi.persistence.sidecars.JdbiSidecarRepository(jdbi))
                .with(dev.capi.domain.tasks.TaskRepository.class,
                        new dev.capi.persistence.tasks.JdbiTaskRepository(jdbi, metadata))
                .with(dev.capi.domain.droplets.DropletRepository.class,
                        new dev.capi.persistence.droplets.JdbiDropletRepository(jdbi, metadata))
                .with(dev.capi.domain.builds.BuildRepository.class,
                        new dev.capi.persistence.builds.JdbiBuildRepository(jdbi, metadata))
                .with(dev.capi.domain.packages.PackageRepository.class,
                        new dev.capi.persistence.packages.JdbiPackageRepository(jdbi, metadata))
                .with(dev.capi.domain.manifests.ManifestStore.class,
                        new dev.capi.persistence.manifests.JdbiManifestStore(jdbi))
                .with(dev.capi.domain.buildpacks.BuildpackRepository.class,
                        new dev.capi.persistence.buildpacks.JdbiBuildpackRepository(jdbi, metadata))
                .with(LockRepository.class, new JdbiLockRepository(jdbi, metadata))
                .with(dev.capi.domain.envgroups.EnvironmentVariableGroupRepository.class,
                        new dev.capi.persistence.envgroups.JdbiEnvironmentVariableGroupRepository(jdbi))
                .with(dev.capi.domain.apps.AppRepository.class,
                        new dev.capi.persistence.apps.JdbiAppRepository(jdbi, metadata))
                .with(dev.capi.domain.processes.ProcessRepository.class,
                        new dev.capi.persistence.processes.JdbiProcessRepository(jdbi, metadata))
                .with(dev.capi.domain.usage.AppUsageEventRepository.class,
                        new dev.capi.persistence.usage.JdbiAppUsageEventRepository(jdbi))
                .with(dev.capi.domain.usage.ServiceUsageEventRepository.class,
                        new dev.capi.persistence.usage.JdbiServiceUsageEventRepository(jdbi))
                .with(dev.capi.domain.runtime.Runtime.class, b.runtime != null ? b.runtime
                        : new dev.capi.domain.runtime.InProcessRuntime(b.clock))
                .with(dev.capi.domain.apps.AppSettings.class, b.appSettings.withCfApi(b.externalUrl))
                .with(dev.capi.domain.buildpacks.BuildpackSettings.class, b.buildpackSettings)
                .with(OrganizationQuotaRepository.class, new JdbiOrganizationQuotaRepository(jdbi))
                .with(SpaceQuotaRepository.class, new JdbiSpaceQuotaRepository(jdbi))
                .with(QuotaUsageRepository.class, new JdbiQuotaUsageRepository(jdbi))
                .with(IsolationSegmentRepository.class, new JdbiIsolationSegmentRepository(jdbi, metadata))
                .with(SecurityGroupRepository.class, new JdbiSecurityGroupRepository(jdbi))
                .with(RoutingPorts.class, new RoutingPorts(new JdbiDomainRepository(jdbi, metadata),
                        new JdbiRouteRepository(jdbi, metadata), new JdbiRouteDestinationRepository(jdbi),
                        b.routerGroups)));
        this.domain = new DomainServices(ports, b.settings);
        domain.stacks().seed(b.stacks, b.defaultStack);
        this.worker = new JobWorker(jobs, transactions, domain.jobHandlers(), b.clock,
                "node-" + UUID.randomUUID(), b.jobPollMillis);
        domain.jobs().onEnqueue(worker::signal);
        this.pruning = new Pruning(ports.auditEvents(), jobs, transactions, b.clock);
        this.resourceConfig = resourceConfig(b);
        this.internalConfig = internalConfig(b);
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

    private ResourceConfig resourceConfig(Builder b) {
        ResourceConfig rc = application(b, V3Api.resources(), V3Api.providers());
        rc.register(new dev.capi.rest.v3.support.RequestBodyFilter(b.maxJsonBodyBytes));
        b.extraComponents.forEach(rc::register);
        return rc;
    }

    /** The internal API (platform components) as its own application, served on the mutual-TLS listener. */
    private ResourceConfig internalConfig(Builder b) {
        return application(b, InternalApi.resources(), InternalApi.providers());
    }

    /** One JAX-RS application: its classes, the request log, and the shared services bound for injection. */
    private ResourceConfig application(Builder b, List<Class<?>> resources, List<Class<?>> providers) {
        ResourceConfig rc = new ResourceConfig();
        resources.forEach(rc::register);
        providers.forEach(rc::register);
        rc.register(new RequestLogFilter(b.maxJsonBodyBytes, metrics));
        Links links = new Links(b.externalUrl);
        ApiInfo info = new ApiInfo(b.loginUrl != null ? b.loginUrl : b.externalUrl + "/uaa",
                b.uaaUrl != null ? b.uaaUrl : b.externalUrl + "/uaa", "capi", "", "0.1.0",
                "capi: a Cloud Foundry Cloud Controller in Java", b.externalUrl, null, null);
        TokenVerifier verifier = Objects.requireNonNull(b.tokenVerifier, "tokenVerifier");
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(domain).to(DomainServices.class);
                bind(domain.appEnvironment()).to(dev.capi.domain.apps.AppEnvironment.class);
                bind(domain.appFeatures()).to(dev.capi.domain.apps.AppFeatures.class);
                bind(domain.auditEvents()).to(dev.capi.domain.events.AuditEvents.class);
                bind(domain.appStates()).to(dev.capi.domain.apps.AppStates.class);
                bind(domain.appUsageEventQueries()).to(dev.capi.domain.usage.AppUsageEventQueries.class);
                bind(domain.apps()).to(dev.capi.domain.apps.Apps.class);
                bind(domain.auditEventQueries()).to(dev.capi.domain.events.AuditEventQueries.class);
                bind(domain.buildpackCacheClearing()).to(dev.capi.domain.buildpacks.BuildpackCacheClearing.class);
                bind(domain.buildpackCaches()).to(dev.capi.domain.apps.BuildpackCaches.class);
                bind(domain.buildpacks()).to(dev.capi.domain.buildpacks.Buildpacks.class);
                bind(domain.builds()).to(dev.capi.domain.builds.Builds.class);
                bind(domain.clock()).to(java.time.Clock.class);
                bind(domain.currentDroplet()).to(dev.capi.domain.apps.CurrentDroplet.class);
                bind(domain.deployments()).to(dev.capi.domain.deployments.Deployments.class);
                bind(domain.domains()).to(dev.capi.domain.domains.Domains.class);
                bind(domain.droplets()).to(dev.capi.domain.droplets.Droplets.class);
                bind(domain.environmentVariableGroups()).to(dev.capi.domain.envgroups.EnvironmentVariableGroups.class);
                bind(domain.featureFlags()).to(dev.capi.domain.featureflags.FeatureFlags.class);
                bind(domain.isolationSegmentAssignments()).to(dev.capi.domain.isolationsegments.IsolationSegmentAssignments.class);
                bind(domain.isolationSegmentEntitlements()).to(dev.capi.domain.isolationsegments.IsolationSegmentEntitlements.class);
                bind(domain.isolationSegments()).to(dev.capi.domain.isolationsegments.IsolationSegments.class);
                bind(domain.jobs()).to(dev.capi.domain.jobs.Jobs.class);
                bind(domain.locks()).to(dev.capi.domain.locks.Locks.class);
                bind(domain.manifestApply()).to(dev.capi.domain.manifests.ManifestApply.class);
                bind(domain.manifestSource()).to(dev.capi.domain.manifests.ManifestSource.class);
                bind(domain.organizationQuotas()).to(dev.capi.domain.quotas.OrganizationQuotas.class);
                bind(domain.organizations()).to(dev.capi.domain.organizations.Organizations.class);
                bind(domain.packages()).to(dev.capi.domain.packages.Packages.class);
                bind(domain.processes()).to(dev.capi.domain.processes.Processes.class);
                bind(domain.registryCredentials()).to(dev.capi.domain.registrycredentials.RegistryCredentials.class);
                bind(domain.resourcePool()).to(dev.capi.domain.packages.ResourcePool.class);
                bind(domain.revisions()).to(dev.capi.domain.revisions.Revisions.class);
                bind(domain.roleCreate()).to(dev.capi.domain.roles.RoleCreate.class);
                bind(domain.roles()).to(dev.capi.domain.roles.Roles.class);
                bind(domain.routeCreate()).to(dev.capi.domain.routes.RouteCreate.class);
                bind(domain.routeDestinations()).to(dev.capi.domain.routes.RouteDestinations.class);
                bind(domain.routes()).to(dev.capi.domain.routes.Routes.class);
                bind(domain.securityGroups()).to(dev.capi.domain.securitygroups.SecurityGroups.class);
                bind(domain.serviceUsageEvents()).to(dev.capi.domain.usage.ServiceUsageEvents.class);
                bind(domain.sidecars()).to(dev.capi.domain.sidecars.Sidecars.class);
                bind(domain.spaceQuotas()).to(dev.capi.domain.quotas.SpaceQuotas.class);
                bind(domain.spaces()).to(dev.capi.domain.spaces.Spaces.class);
                bind(domain.stacks()).to(dev.capi.domain.stacks.Stacks.class);
                bind(domain.tasks()).to(dev.capi.domain.tasks.Tasks.class);
                bind(domain.usageSummaries()).to(dev.capi.domain.quotas.UsageSummaries.class);
                bind(domain.userCreate()).to(dev.capi.domain.users.UserCreate.class);
                bind(domain.userRegistry()).to(dev.capi.domain.users.UserRegistry.class);
                bind(domain.users()).to(dev.capi.domain.users.Users.class);
                bind(domain.permissionsFactory()).to(dev.capi.domain.auth.PermissionsFactory.class);
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

    /**
     * Starts the internal API on {@code bind:port} with mutual TLS: clients must present a certificate signed by the
     * material's CA, or the handshake fails. Returns the bound port.
     */
    public int startInternal(String bind, int port, TlsMaterial tls) {
        var ssl = new SSLEngineConfigurator(tls.sslContext(), false, true, false);
        internalServer = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("https://" + bind + ":" + port + "/"), internalConfig, true, ssl, false);
        internalServer.getListeners().forEach(l -> l.registerAddOn(new PlainHttpOnly()));
        try {
            internalServer.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return internalServer.getListeners().iterator().next().getPort();
    }

    /** The JAX-RS application, for platforms that mount it in their own container. */
    public ResourceConfig resourceConfig() {
        return resourceConfig;
    }

    public DomainServices domain() {
        return domain;
    }

    public Database database() {
        return database;
    }

    /** Starts the job worker and a Grizzly listener on {@code bind:port}; returns the bound port. */
    public int start(String bind, int port) {
        startWorker();
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + bind + ":" + port + "/"),
                resourceConfig, false);
        server.getListeners().forEach(l -> l.registerAddOn(new PlainHttpOnly()));
        try {
            server.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return server.getListeners().iterator().next().getPort();
    }

    /** Starts only the job worker (when the platform serves {@link #resourceConfig()} itself). */
    public void startWorker() {
        worker.start();
        maintenance.scheduleWithFixedDelay(this::prune, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
    }

    private void prune() {
        try {
            pruning.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CloudController.class).warn("pruning failed", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
        }
        if (internalServer != null) {
            internalServer.shutdownNow();
        }
        maintenance.shutdownNow();
        worker.close();
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
        private long jobPollMillis = 500;
        private long maxJsonBodyBytes = 1024 * 1024;
        private final List<Object> extraComponents = new ArrayList<>();
        private List<StackDefinition> stacks = StackDefinition.SAMPLE;
        private String defaultStack = StackDefinition.SAMPLE_DEFAULT;
        private dev.capi.domain.runtime.Runtime runtime;
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

        public Builder jobPollMillis(long millis) {
            this.jobPollMillis = millis;
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
