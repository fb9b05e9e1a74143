package dev.capi.server;

import dev.capi.domain.Settings;
import dev.capi.domain.assembly.SweeperSettings;
import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.blobs.BlobStore;
import dev.capi.domain.domains.RouterGroups;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.osbapi.ServiceBrokerClient;
import dev.capi.domain.ratelimit.RateLimits;
import dev.capi.domain.stacks.StackDefinition;
import dev.capi.domain.support.Guids;
import dev.capi.domain.users.UserDirectory;
import dev.capi.persistence.Database;
import dev.capi.server.runtime.local.LocalRuntimeSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Configures a Cloud Controller; a database, a blobstore (or its directory) and a token verifier are required. */
public final class CloudControllerBuilder {
    Database database;
    String jdbcUrl;
    String dbUser;
    String dbPassword;
    int maxPoolSize = 10;
    TokenVerifier tokenVerifier;
    UserDirectory userDirectory = UserDirectory.none();
    RouterGroups routerGroups = RouterGroups.builtIn();
    BlobStore blobStore;
    java.nio.file.Path blobDirectory;
    String externalUrl = "http://localhost:9022";
    String loginUrl;
    String uaaUrl;
    Clock clock = Clock.systemUTC();
    Guids guids = Guids.random();
    Settings settings = Settings.defaults();
    NodeSettings nodeSettings = NodeSettings.defaults();
    long maxJsonBodyBytes = 1024 * 1024;
    RateLimits rateLimits = RateLimits.off();
    SweeperSettings sweeperSettings = SweeperSettings.defaults();
    ServiceBrokerClient brokerClient;
    BrokerSettings brokerSettings = BrokerSettings.defaults();
    final List<Object> extraComponents = new ArrayList<>();
    List<StackDefinition> stacks = StackDefinition.SAMPLE;
    String defaultStack = StackDefinition.SAMPLE_DEFAULT;
    dev.capi.domain.runtime.Runtime runtime;
    LocalRuntimeSettings localRuntime;
    dev.capi.domain.apps.AppSettings appSettings = dev.capi.domain.apps.AppSettings.defaults();
    dev.capi.domain.buildpacks.BuildpackSettings buildpackSettings =
            dev.capi.domain.buildpacks.BuildpackSettings.defaults();

    public CloudControllerBuilder database(Database database) {
        this.database = database;
        return this;
    }

    public CloudControllerBuilder database(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.dbUser = user;
        this.dbPassword = password;
        return this;
    }

    public CloudControllerBuilder maxPoolSize(int size) {
        this.maxPoolSize = size;
        return this;
    }

    /** The identity provider's user directory (names of users the Cloud Controller has not seen yet). */
    public CloudControllerBuilder userDirectory(UserDirectory directory) {
        this.userDirectory = directory;
        return this;
    }

    /** The routing tier's router groups (default: one built-in {@code default-tcp} group, ports 1024-1033). */
    public CloudControllerBuilder routerGroups(RouterGroups groups) {
        this.routerGroups = groups;
        return this;
    }

    public CloudControllerBuilder tokenVerifier(TokenVerifier verifier) {
        this.tokenVerifier = verifier;
        return this;
    }

    /** Whatever stages and runs apps; default: an in-process runtime that reports desired instances RUNNING. */
    public CloudControllerBuilder runtime(dev.capi.domain.runtime.Runtime runtime) {
        this.runtime = runtime;
        return this;
    }

    /**
     * Stages and runs apps on this machine (child processes, a router, logs) with the given settings; ignored when
     * {@link #runtime} names another runtime.
     */
    public CloudControllerBuilder localRuntime(LocalRuntimeSettings settings) {
        this.localRuntime = settings;
        return this;
    }

    /** Limits on buildpack uploads (default: 1 GiB). */
    public CloudControllerBuilder buildpackSettings(dev.capi.domain.buildpacks.BuildpackSettings settings) {
        this.buildpackSettings = settings;
        return this;
    }

    /** App and process defaults (memory, disk, log rate, file descriptors, SSH); default: the reference's. */
    public CloudControllerBuilder appSettings(dev.capi.domain.apps.AppSettings settings) {
        this.appSettings = settings;
        return this;
    }

    /** Where bits live (packages, droplets, buildpacks, buildpack caches); this or {@link #blobDirectory}. */
    public CloudControllerBuilder blobStore(BlobStore store) {
        this.blobStore = store;
        return this;
    }

    /** Keeps bits in a local-disk blobstore in {@code directory} (created if missing; survives restarts). */
    public CloudControllerBuilder blobDirectory(java.nio.file.Path directory) {
        this.blobDirectory = directory;
        return this;
    }

    public CloudControllerBuilder externalUrl(String url) {
        this.externalUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    /** The login and UAA URLs the root document links to (default: the built-in issuer under /uaa). */
    public CloudControllerBuilder identityUrls(String login, String uaa) {
        this.loginUrl = login;
        this.uaaUrl = uaa;
        return this;
    }

    public CloudControllerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public CloudControllerBuilder guids(Guids guids) {
        this.guids = guids;
        return this;
    }

    public CloudControllerBuilder settings(Settings settings) {
        this.settings = settings;
        return this;
    }

    /** Per-user and per-address request limits on the public API (default: off, as in the reference). */
    public CloudControllerBuilder rateLimits(RateLimits limits) {
        this.rateLimits = Objects.requireNonNull(limits, "limits");
        return this;
    }


    /**
     * How often the sweepers run and when pending packages and builds expire (default: every minute, 900
     * seconds each as the reference's staging timeout; orphan blobs hourly, after a day).
     */
    public CloudControllerBuilder sweepers(SweeperSettings settings) {
        this.sweeperSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** How capi talks to service brokers: timeouts and last_operation polling. */
    public CloudControllerBuilder brokers(BrokerSettings settings) {
        this.brokerSettings = Objects.requireNonNull(settings);
        return this;
    }

    /** Replaces the OSBAPI-over-HTTP broker client (tests, or platforms that reach brokers another way). */
    public CloudControllerBuilder brokerClient(ServiceBrokerClient client) {
        this.brokerClient = Objects.requireNonNull(client);
        return this;
    }

    /** How often this node looks for due jobs besides those enqueued on it (default: every 500 ms). */
    public CloudControllerBuilder jobPollMillis(long millis) {
        this.nodeSettings = nodeSettings.withPollInterval(java.time.Duration.ofMillis(millis));
        return this;
    }

    /**
     * How this node runs jobs and periodic work with the other nodes on its database: name, poll interval,
     * heartbeat and missed heartbeats before another node takes its work over (default: {@link
     * NodeSettings#defaults()}).
     */
    public CloudControllerBuilder nodes(NodeSettings settings) {
        this.nodeSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** The stacks seeded at start (missing ones are created) and the default one. */
    public CloudControllerBuilder stacks(List<StackDefinition> definitions, String defaultStackName) {
        this.stacks = List.copyOf(definitions);
        this.defaultStack = defaultStackName;
        return this;
    }

    /** Extra JAX-RS components served beside the API (e.g. the built-in identity provider's resource). */
    public CloudControllerBuilder component(Object component) {
        this.extraComponents.add(component);
        return this;
    }

    public CloudController build() {
        return new CloudController(this);
    }
}
