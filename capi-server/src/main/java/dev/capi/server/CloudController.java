package dev.capi.server;

import dev.capi.domain.DomainServices;
import dev.capi.domain.Ports;
import dev.capi.domain.Settings;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.blobstore.local.LocalDiskBlobStore;
import dev.capi.domain.jobs.JobWorker;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserDirectory;
import dev.capi.persistence.Database;
import dev.capi.persistence.JdbiTransactions;
import dev.capi.persistence.events.JdbiAuditEventRepository;
import dev.capi.persistence.featureflags.JdbiFeatureFlagRepository;
import dev.capi.persistence.jobs.JdbiJobRepository;
import dev.capi.persistence.metadata.JdbiMetadataRepository;
import dev.capi.persistence.organizations.JdbiOrganizationRepository;
import dev.capi.persistence.roles.JdbiRoleRepository;
import dev.capi.persistence.spaces.JdbiSpaceRepository;
import dev.capi.persistence.domains.JdbiDomainRepository;
import dev.capi.persistence.routes.JdbiRouteDestinationRepository;
import dev.capi.persistence.routes.JdbiRouteRepository;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.routes.AppLookup;
import dev.capi.domain.routes.RouteQuotas;
import dev.capi.domain.routes.RoutingPorts;
import dev.capi.persistence.users.JdbiUserRepository;
import dev.capi.rest.v3.V3Api;
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
    private HttpServer server;

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
                new JdbiOrganizationRepository(jdbi, metadata), new JdbiSpaceRepository(jdbi, metadata),
                new JdbiUserRepository(jdbi, metadata), new JdbiRoleRepository(jdbi),
                new JdbiAuditEventRepository(jdbi), jobs, new JdbiFeatureFlagRepository(jdbi), blobStore(b),
                b.userDirectory, new RoutingPorts(new JdbiDomainRepository(jdbi, metadata),
                        new JdbiRouteRepository(jdbi, metadata), new JdbiRouteDestinationRepository(jdbi),
                        b.routerGroups, b.appLookup, RouteQuotas.unlimited()));
        this.domain = new DomainServices(ports, b.settings);
        this.worker = new JobWorker(jobs, transactions, domain.jobHandlers(), b.clock,
                "node-" + UUID.randomUUID(), b.jobPollMillis);
        domain.jobs().onEnqueue(worker::signal);
        this.resourceConfig = resourceConfig(b);
    }

    private static BlobStore blobStore(Builder b) {
        if (b.blobStore != null) {
            return b.blobStore;
        }
        try {
            return new LocalDiskBlobStore(java.nio.file.Files.createTempDirectory("capi-blobs-"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a temporary blobstore: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private ResourceConfig resourceConfig(Builder b) {
        ResourceConfig rc = new ResourceConfig();
        V3Api.resources().forEach(rc::register);
        V3Api.providers().forEach(rc::register);
        rc.register(new RequestLogFilter(b.maxJsonBodyBytes));
        b.extraComponents.forEach(rc::register);
        Links links = new Links(b.externalUrl);
        ApiInfo info = new ApiInfo(b.loginUrl != null ? b.loginUrl : b.externalUrl + "/uaa",
                b.uaaUrl != null ? b.uaaUrl : b.externalUrl + "/uaa", "capi", "", "0.1.0",
                "capi: a Cloud Foundry Cloud Controller in Java", b.externalUrl, null, null);
        TokenVerifier verifier = Objects.requireNonNull(b.tokenVerifier, "tokenVerifier");
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(domain).to(DomainServices.class);
                bind(links).to(Links.class);
                bind(info).to(ApiInfo.class);
                bind(verifier).to(TokenVerifier.class);
            }
        });
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return rc;
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
        worker.start();
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
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
        }
        worker.close();
        if (ownsDatabase) {
            database.close();
        }
    }

    /** Configures a Cloud Controller; only a database and a token verifier are required. */
    public static final class Builder {
        private Database database;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private int maxPoolSize = 10;
        private TokenVerifier tokenVerifier;
        private UserDirectory userDirectory = UserDirectory.none();
        private RouterGroups routerGroups = RouterGroups.builtIn();
        private AppLookup appLookup = AppLookup.none();
        private BlobStore blobStore;
        private String externalUrl = "http://localhost:9022";
        private String loginUrl;
        private String uaaUrl;
        private Clock clock = Clock.systemUTC();
        private Guids guids = Guids.random();
        private Settings settings = Settings.defaults();
        private long jobPollMillis = 500;
        private long maxJsonBodyBytes = 1024 * 1024;
        private final List<Object> extraComponents = new ArrayList<>();

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

        /** How routing sees apps (until the apps resource wires its own lookup). */
        public Builder appLookup(AppLookup lookup) {
            this.appLookup = lookup;
            return this;
        }

        public Builder tokenVerifier(TokenVerifier verifier) {
            this.tokenVerifier = verifier;
            return this;
        }

        /** Where bits live; default: a local-disk store in a new temporary directory. */
        public Builder blobStore(BlobStore store) {
            this.blobStore = store;
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
