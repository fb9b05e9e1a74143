package dev.capi.tck.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static dev.capi.tck.support.Json.obj;
import static dev.capi.tck.support.Json.rel;

/**
 * The system under test, reached over HTTP only: an external Cloud Controller given by {@code -Dcapi.tck.url}
 * ({@code capi.tck.admin-user}, {@code capi.tck.admin-password}; optionally {@code capi.tck.admin-read-only-user},
 * {@code capi.tck.global-auditor-user} and their {@code -password}), or capi started in-process.
 */
public final class Tck {
    private static volatile Tck instance;

    private final String baseUrl;
    private final TckServer embedded;
    private final Cf admin;
    private final String adminUsername;
    private final String adminPassword;
    private final String uaaUrl;
    private final Map<Role, Cf> globalActors = new EnumMap<>(Role.class);
    private final Map<String, Cf> logins = new ConcurrentHashMap<>();
    private final Created created = new Created();

    private Tck() {
        this(System.getProperty("capi.tck.url"), System.getProperty("capi.tck.admin-user", "admin"),
                System.getProperty("capi.tck.admin-password"), true);
    }

    /**
     * The kit against {@code url} with the given admin credentials, or the embedded server when url is blank. With
     * {@code followAdvertised}, a target that advertises its API under another address ({@code links.self} of
     * {@code GET /}, e.g. localhost for 127.0.0.1) is used under that address, since every link it writes starts
     * with it; the kit's own faulty proxy must not be bypassed that way.
     */
    private Tck(String url, String adminUser, String adminPassword, boolean followAdvertised) {
        if (url != null && !url.isBlank()) {
            embedded = null;
            String given = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            baseUrl = followAdvertised ? advertised(given) : given;
        } else {
            embedded = TckServer.start();
            baseUrl = embedded.baseUrl();
            adminUser = "admin";
            adminPassword = embedded.adminPassword();
        }
        this.adminUsername = adminUser;
        this.adminPassword = adminPassword;
        Cf anonymous = new Cf(baseUrl, null, "anonymous");
        uaaUrl = anonymous.get("/").body().path("links").path("uaa").path("href").asText();
        admin = login(adminUser, adminPassword);
        globalActors.put(Role.ADMIN, admin);
        globalActors.put(Role.ADMIN_READ_ONLY, globalUser("admin-read-only", Set.of("cloud_controller.admin_read_only")));
        globalActors.put(Role.GLOBAL_AUDITOR, globalUser("global-auditor", Set.of("cloud_controller.global_auditor")));
    }

    /**
     * Points the kit at another server until {@link #restore} (the kit's own mutation test runs it against a
     * faulty proxy inside the build); returns the kit that was in use.
     */
    /** The address the target advertises for its API when it answers there, else the one given. */
    private static String advertised(String given) {
        String self = new Cf(given, null, "anonymous").get("/").body().path("links").path("self").path("href")
                .asText("");
        self = self.endsWith("/") ? self.substring(0, self.length() - 1) : self;
        if (self.isEmpty() || self.equals(given)) {
            return given;
        }
        try {
            if (new Cf(self, null, "anonymous").get("/").status() == 200) {
                System.out.println("the target advertises its API at " + self + " (links.self of GET /): the kit"
                        + " uses that address, as every link the target writes starts with it");
                return self;
            }
        } catch (RuntimeException unreachable) {
            // fall through: links will not match the address given
        }
        System.out.println("warning: the target advertises its API at " + self + ", which does not answer from"
                + " here; link checks compare with " + given + " and will fail");
        return given;
    }

    public static synchronized Tck redirect(String url, String adminUser, String adminPassword) {
        Tck previous = instance;
        instance = new Tck(url, adminUser, adminPassword, false);
        return previous;
    }

    public static synchronized void restore(Tck previous) {
        instance = previous;
    }

    /** The kit, when a test has already started it (the runner's cleanup must not start it). */
    public static Tck current() {
        return instance;
    }

    public static Tck get() {
        if (instance == null) {
            synchronized (Tck.class) {
                if (instance == null) {
                    instance = new Tck();
                }
            }
        }
        return instance;
    }

    /**
     * Whether the kit plays the target's runtime: the embedded server runs the in-process runtime, which reports
     * uploaded droplets RUNNING whatever their bits and lets the kit stage through the internal API. A real target
     * (capi's local runtime, Diego) stages and runs apps itself, so tests built on fake bits skip there.
     */
    public boolean playsTheRuntime() {
        return embedded != null;
    }

    /** The reason tests built on fake bits give when they skip against a target with a real runtime. */
    public static final String REAL_RUNTIME = "the target stages and runs apps itself: this test needs the in-process"
            + " runtime of the embedded server (fake droplets, the kit as stager)";

    public String baseUrl() {
        return baseUrl;
    }

    /** Work on the embedded server's database; only the benchmark's bulk seeding uses it. */
    @FunctionalInterface
    public interface DatabaseWork {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /** Whether the server under test is the embedded one (whose database the benchmark may seed directly). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's buildpack upload limit, or empty against another server (whose limit is unknown). */
    public java.util.OptionalLong buildpackMaxUploadBytes() {
        return embedded == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(TckServer.EMBEDDED_BUILDPACK_MAX_BYTES);
    }

    /** Runs {@code work} on the embedded server's database; refused against an external server. */
    public void withEmbeddedDatabase(DatabaseWork work) throws java.sql.SQLException {
        if (embedded == null) {
            throw new IllegalStateException("bulk seeding needs the embedded server");
        }
        embedded.withDatabase(work);
    }

    public String uaaUrl() {
        return uaaUrl;
    }

    /** The admin credentials, for real clients (cf-java-client) that log in themselves. */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Cf admin() {
        return admin;
    }

    /**
     * The internal API as a platform component calls it: with the client certificate signed by its CA. External
     * servers: {@code -Dcapi.tck.internal-url}, {@code -Dcapi.tck.internal-ca}, {@code -Dcapi.tck.internal-cert},
     * {@code -Dcapi.tck.internal-key} (PEM; PKCS#8 key). Null when not configured.
     */
    public Cf internal() {
        return internalClient(true);
    }

    /** The internal API called with a client that presents no certificate (must be refused at the handshake). */
    public Cf internalWithoutCertificate() {
        return internalClient(false);
    }

    private Cf internalClient(boolean withCertificate) {
        String url;
        java.nio.file.Path ca;
        java.nio.file.Path cert;
        java.nio.file.Path key;
        if (embedded != null) {
            url = embedded.internalUrl();
            ca = embedded.tlsDir().resolve("ca.crt");
            cert = embedded.tlsDir().resolve("client.crt");
            key = embedded.tlsDir().resolve("client.key");
        } else {
            url = System.getProperty("capi.tck.internal-url");
            if (url == null) {
                return null;
            }
            ca = java.nio.file.Path.of(System.getProperty("capi.tck.internal-ca"));
            cert = java.nio.file.Path.of(System.getProperty("capi.tck.internal-cert"));
            key = java.nio.file.Path.of(System.getProperty("capi.tck.internal-key"));
        }
        return new Cf(url, null, withCertificate ? "internal" : "internal-without-certificate",
                TlsClients.client(ca, withCertificate ? cert : null, withCertificate ? key : null));
    }

    public Cf anonymous() {
        return new Cf(baseUrl, null, "anonymous");
    }

    public Cf withToken(String token) {
        return new Cf(baseUrl, token, "token");
    }

    /**
     * The prefix every name this run creates starts with ({@code -Dcapi.tck.prefix}, or {@code tck} and six random hex
     * digits): the end-of-run cleanup removes what carries it.
     */
    public static final String RUN_PREFIX = System.getProperty("capi.tck.prefix",
            "tck" + UUID.randomUUID().toString().substring(0, 6));

    /** A name unique to this run. */
    public static String unique(String prefix) {
        return RUN_PREFIX + "-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Why a test that needs {@code role} is skipped: the kit could not obtain it. */
    public static String missingRoleReason(Role role) {
        String option = role.name().toLowerCase().replace('_', '-');
        return "role " + role + " unavailable: give its credentials (--" + option + "-user, --" + option
                + "-password); the kit cannot create global-scope users through SCIM";
    }

    /** What this run created in the target (orgs, SCIM users), for {@link Cleanup}. */
    public Created created() {
        return created;
    }

    /** Logs in with the password grant (client {@code cf}, empty secret) at the server's {@code links.uaa}. */
    public Cf login(String username, String password) {
        return logins.computeIfAbsent(username + "\u0000" + password, k -> {
            ApiResponse r = Cf.postForm(uaaUrl + "/oauth/token",
                    Map.of("grant_type", "password", "username", username, "password", password), "cf", "");
            if (r.status() != 200) {
                throw new IllegalStateException("login of " + username + " failed: " + r);
            }
            return new Cf(baseUrl, r.body().path("access_token").asText(), username)
                    .relogin(() -> freshToken(username, password));
        });
    }

    private String freshToken(String username, String password) {
        ApiResponse r = Cf.postForm(uaaUrl + "/oauth/token",
                Map.of("grant_type", "password", "username", username, "password", password), "cf", "");
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return r.body().path("access_token").asText();
    }

    /** Creates an account in the identity provider (SCIM), the Cloud Controller user, and logs it in. */
    public Cf newUser(String prefix) {
        String username = unique(prefix);
        String password = "pw-" + UUID.randomUUID();
        ApiResponse scim = admin.post(uaaUrl + "/Users", obj("userName", username, "password", password,
                "origin", "uaa", "emails", List.of(Map.of("value", username + "@example.com", "primary", true))));
        if (scim.status() != 201) {
            throw new IllegalStateException("SCIM create of " + username + " failed: " + scim);
        }
        String guid = scim.body().path("id").asText();
        created.user(guid);
        ApiResponse user = admin.post("/v3/users", obj("guid", guid));
        if (user.status() != 201) {
            throw new IllegalStateException("POST /v3/users failed: " + user);
        }
        return login(username, password);
    }

    /** The Cloud Controller user guid behind a client (from its token, via GET /v3/roles-free means: the JWT). */
    public static String userGuid(Cf cf) {
        String[] parts = cf.token().split("\\.");
        JsonNode claims = Json.parse(new String(java.util.Base64.getUrlDecoder().decode(parts[1])));
        return claims.path("user_id").asText(claims.path("client_id").asText());
    }

    private Cf globalUser(String prefix, Set<String> scopes) {
        if (embedded != null) {
            String username = unique(prefix);
            String password = "pw-" + UUID.randomUUID();
            embedded.createUserWithScopes(username, password, scopes);
            return login(username, password);
        }
        String user = System.getProperty("capi.tck." + prefix + "-user");
        String password = System.getProperty("capi.tck." + prefix + "-password");
        return user == null ? null : login(user, password);
    }

    public JsonNode createOrg() {
        ApiResponse r = admin.post("/v3/organizations", obj("name", unique("org")));
        if (r.status() != 201) {
            throw new IllegalStateException("org create failed: " + r);
        }
        created.org(r.body().path("guid").asText());
        return r.body();
    }

    public JsonNode createSpace(String orgGuid) {
        ApiResponse r = admin.post("/v3/spaces", obj("name", unique("space"),
                "relationships", obj("organization", rel(orgGuid))));
        if (r.status() != 201) {
            throw new IllegalStateException("space create failed: " + r);
        }
        return r.body();
    }

    /** Grants a role by user guid (org roles take the org guid, space roles the space guid). */
    public void grant(Cf user, String roleType, String targetGuid) {
        String relation = roleType.startsWith("space_") ? "space" : "organization";
        ApiResponse r = admin.post("/v3/roles", obj("type", roleType, "relationships",
                obj("user", rel(userGuid(user)), relation, rel(targetGuid))));
        if (r.status() != 201) {
            throw new IllegalStateException("role " + roleType + " failed: " + r);
        }
    }

    /** A client for {@code role} around a fresh or given org/space (space roles also get organization_user). */
    Cf actor(Role role, String orgGuid, String spaceGuid) {
        if (globalActors.containsKey(role)) {
            return globalActors.get(role);
        }
        Cf user = newUser(role.name().toLowerCase().replace('_', '-'));
        if (role.roleType() != null) {
            if (role.isSpaceRole()) {
                grant(user, "organization_user", orgGuid);
                grant(user, role.roleType(), spaceGuid);
            } else {
                grant(user, role.roleType(), orgGuid);
            }
        }
        return user;
    }

    /** A fresh org and space with one client per role. */
    public Actors actors() {
        String org = createOrg().path("guid").asText();
        String space = createSpace(org).path("guid").asText();
        return new Actors(this, org, space);
    }
}
