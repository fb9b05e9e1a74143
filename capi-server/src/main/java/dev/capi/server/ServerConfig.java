package dev.capi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capi.domain.assembly.SweeperSettings;
import dev.capi.domain.osbapi.BrokerSettings;
import dev.capi.domain.ratelimit.RateLimits;
import dev.capi.server.logging.LogFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The standalone server's configuration: an optional YAML file, overridden key by key by {@code CAPI_*}
 * environment variables (see the README for every key).
 */
public record ServerConfig(int port, String bind, String externalUrl, Path dataDir, String databaseUrl,
                           String databaseUser, String databasePassword, String adminUser, String adminPassword,
                           int internalPort, String uaaTokenKeysUrl, String uaaUrl, String appsDomain,
                           String internalTlsCa, String internalTlsCert, String internalTlsKey,
                           String runtimeUrl, String internalUrl, long buildpackMaxUploadBytes,
                           LogFormat logFormat, RateLimits rateLimits, SweeperSettings sweepers,
                           BrokerSettings brokers, BlobstoreConfig blobstore, int routerPort,
                           String signingKeyFile, NodeSettings nodes) {

    /** Reads {@code yamlFile} (may be null) and applies the environment on top. */
    public static ServerConfig load(Path yamlFile, Map<String, String> env) {
        JsonNode yaml = readYaml(yamlFile);
        int port = Integer.parseInt(value(env, "CAPI_PORT", yaml, "port", "9022"));
        String bind = value(env, "CAPI_BIND", yaml, "bind", "127.0.0.1");
        String externalUrl = value(env, "CAPI_EXTERNAL_URL", yaml, "external_url", "http://localhost:" + port);
        Path dataDir = Path.of(value(env, "CAPI_DATA_DIR", yaml, "data_dir", "./capi-data")).toAbsolutePath();
        String dbUrl = value(env, "CAPI_DATABASE_URL", yaml, "database/url", null);
        String dbUser = value(env, "CAPI_DATABASE_USER", yaml, "database/user", null);
        String dbPassword = value(env, "CAPI_DATABASE_PASSWORD", yaml, "database/password", null);
        String adminUser = value(env, "CAPI_ADMIN_USER", yaml, "admin/user", "admin");
        String adminPassword = value(env, "CAPI_ADMIN_PASSWORD", yaml, "admin/password", null);
        int internalPort = Integer.parseInt(value(env, "CAPI_INTERNAL_PORT", yaml, "internal_port", "9023"));
        String tokenKeys = value(env, "CAPI_UAA_TOKEN_KEYS_URL", yaml, "uaa/token_keys_url", null);
        String uaaUrl = value(env, "CAPI_UAA_URL", yaml, "uaa/url", null);
        String appsDomain = value(env, "CAPI_APPS_DOMAIN", yaml, "apps_domain", "apps.localhost");
        int routerPort = Integer.parseInt(value(env, "CAPI_ROUTER_PORT", yaml, "router/port", "9080"));
        String tlsCa = value(env, "CAPI_INTERNAL_TLS_CA", yaml, "internal_tls/ca", null);
        String tlsCert = value(env, "CAPI_INTERNAL_TLS_CERT", yaml, "internal_tls/cert", null);
        String tlsKey = value(env, "CAPI_INTERNAL_TLS_KEY", yaml, "internal_tls/key", null);
        String runtimeUrl = value(env, "CAPI_RUNTIME_URL", yaml, "runtime/url", null);
        String internalUrl = value(env, "CAPI_INTERNAL_URL", yaml, "internal_url", "https://localhost:" + internalPort);
        long buildpackMax = Long.parseLong(value(env, "CAPI_BUILDPACK_MAX_UPLOAD_BYTES", yaml,
                "buildpacks/max_upload_bytes", Long.toString(1024L * 1024 * 1024)));
        LogFormat logFormat = LogFormat.parse(value(env, "CAPI_LOG_FORMAT", yaml, "log_format", "text"));
        RateLimits rateLimits = RateLimits.configured(
                value(env, "CAPI_RATE_LIMIT_GENERAL", yaml, "rate_limit/general", null),
                value(env, "CAPI_RATE_LIMIT_UNAUTHENTICATED", yaml, "rate_limit/unauthenticated", null),
                value(env, "CAPI_RATE_LIMIT_RESET_MINUTES", yaml, "rate_limit/reset_minutes", null));
        SweeperSettings defaults = SweeperSettings.defaults();
        SweeperSettings sweepers = defaults
                .withExpirations(seconds(env, "CAPI_PENDING_PACKAGES_EXPIRATION_SECONDS", yaml,
                                "pending_packages/expiration_in_seconds", defaults.pendingPackagesExpiration(), 0),
                        seconds(env, "CAPI_PENDING_BUILDS_EXPIRATION_SECONDS", yaml,
                                "pending_builds/expiration_in_seconds", defaults.pendingBuildsExpiration(), 0))
                .withInterval(seconds(env, "CAPI_SWEEP_INTERVAL_SECONDS", yaml, "sweep_interval_seconds",
                        defaults.interval(), 1))
                .withOrphanBlobs(defaults.orphanBlobsInterval(), seconds(env, "CAPI_ORPHAN_BLOBS_GRACE_SECONDS", yaml,
                        "orphan_blobs/grace_seconds", defaults.orphanBlobsGrace(), 0));
        BrokerSettings brokerDefaults = BrokerSettings.defaults();
        BrokerSettings brokers = brokerDefaults
                .withTimeout(seconds(env, "CAPI_BROKER_TIMEOUT_SECONDS", yaml, "brokers/timeout_seconds",
                        brokerDefaults.timeout(), 1))
                .withPollInterval(seconds(env, "CAPI_BROKER_POLL_INTERVAL_SECONDS", yaml,
                        "brokers/poll_interval_seconds", brokerDefaults.pollInterval(), 1));
        BlobstoreConfig blobstore = BlobstoreConfig.of(value(env, "CAPI_BLOBSTORE", yaml, "blobstore/type", null),
                value(env, "CAPI_S3_ENDPOINT", yaml, "blobstore/s3/endpoint", null),
                value(env, "CAPI_S3_REGION", yaml, "blobstore/s3/region", null),
                value(env, "CAPI_S3_ACCESS_KEY", yaml, "blobstore/s3/access_key", null),
                value(env, "CAPI_S3_SECRET_KEY", yaml, "blobstore/s3/secret_key", null),
                value(env, "CAPI_S3_BUCKET_PREFIX", yaml, "blobstore/s3/bucket_prefix", null),
                value(env, "CAPI_WEBDAV_URL", yaml, "blobstore/webdav/url", null),
                value(env, "CAPI_WEBDAV_USER", yaml, "blobstore/webdav/user", null),
                value(env, "CAPI_WEBDAV_PASSWORD", yaml, "blobstore/webdav/password", null),
                value(env, "CAPI_WEBDAV_SECRET", yaml, "blobstore/webdav/secret", null));
        String signingKeyFile = value(env, "CAPI_TOKEN_SIGNING_KEY_FILE", yaml, "token_signing_key_file", null);
        NodeSettings nodeDefaults = NodeSettings.defaults();
        String nodeName = value(env, "CAPI_NODE_NAME", yaml, "node/name", nodeDefaults.name());
        Duration heartbeat = seconds(env, "CAPI_NODE_HEARTBEAT_SECONDS", yaml, "node/heartbeat_seconds",
                nodeDefaults.heartbeat(), 1);
        int missed = count(env, "CAPI_NODE_MISSED_HEARTBEATS", yaml, "node/missed_heartbeats",
                nodeDefaults.missedHeartbeats(), 4);
        NodeSettings nodes;
        try {
            nodes = nodeDefaults.withName(nodeName).withHeartbeat(heartbeat, missed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CAPI_NODE_NAME (node.name): " + e.getMessage(), e);
        }
        return new ServerConfig(port, bind, trimSlash(externalUrl), dataDir, dbUrl, dbUser, dbPassword, adminUser,
                adminPassword, internalPort, tokenKeys, uaaUrl == null ? null : trimSlash(uaaUrl), appsDomain,
                tlsCa, tlsCert, tlsKey, runtimeUrl, trimSlash(internalUrl), buildpackMax, logFormat, rateLimits,
                sweepers, brokers, blobstore, routerPort, signingKeyFile, nodes);
    }

    /** Where the standalone server keeps bits with the local blobstore: {@code <data dir>/blobs}, kept across restarts. */
    public Path blobDirectory() {
        return dataDir.resolve("blobs");
    }

    /** The JDBC URL to use: the configured one, or an H2 file database in the data dir. */
    public String effectiveDatabaseUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("capi") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Where the local runtime works: {@code <data dir>/runtime} (staging, droplets, instances, tasks). */
    public Path runtimeDirectory() {
        return dataDir.resolve("runtime");
    }

    /** Whether apps are staged and run by an external runtime (else the local one). */
    public boolean externalRuntime() {
        return runtimeUrl != null && !runtimeUrl.isBlank();
    }

    /** Whether the built-in token issuer runs (no external UAA configured). */
    public boolean builtInIssuer() {
        return uaaTokenKeysUrl == null || uaaTokenKeysUrl.isBlank();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static JsonNode readYaml(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A whole number of seconds, at least {@code min}; anything else stops the boot with the key's name. */
    private static Duration seconds(Map<String, String> env, String envKey, JsonNode yaml, String yamlPath,
                                    Duration fallback, long min) {
        String raw = value(env, envKey, yaml, yamlPath, null);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(envKey + " (" + yamlPath.replace('/', '.') + ") must be a whole number of "
                + "seconds, at least " + min + ": " + raw);
    }

    /** A whole number, at least {@code min}; anything else stops the boot with the key's name. */
    private static int count(Map<String, String> env, String envKey, JsonNode yaml, String yamlPath, int fallback,
                             int min) {
        String raw = value(env, envKey, yaml, yamlPath, null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(envKey + " (" + yamlPath.replace('/', '.') + ") must be a whole number, "
                + "at least " + min + ": " + raw);
    }

    private static String value(Map<String, String> env, String envKey, JsonNode yaml, String yamlPath,
                                String fallback) {
        String fromEnv = env.get(envKey);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (yaml != null) {
            JsonNode node = yaml.at("/" + yamlPath);
            if (!node.isMissingNode() && !node.isNull()) {
                return node.asText();
            }
        }
        return fallback;
    }
}
