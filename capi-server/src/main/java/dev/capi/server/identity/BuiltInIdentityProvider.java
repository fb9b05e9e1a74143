package dev.capi.server.identity;

import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The standalone server's identity provider and the assembly's one entry point to it: accounts, the signing key,
 * the token issuer and verifier, the OAuth clients, and the UAA-compatible HTTP endpoints ({@code /uaa/...}) the cf
 * CLI and cf-java-client log in with.
 */
public final class BuiltInIdentityProvider {
    /** The origin of accounts that log in with a password here (UAA's internal user store). */
    public static final String UAA_ORIGIN = "uaa";
    public static final Set<String> USER_GROUPS =
            Set.of("cloud_controller.read", "cloud_controller.write", "openid", "uaa.user", "password.write");
    public static final Set<String> ADMIN_GROUPS = Set.of("cloud_controller.admin", "cloud_controller.read",
            "cloud_controller.write", "openid", "uaa.user", "scim.read", "scim.write", "password.write");

    private final AccountStore accounts;
    private final Clock clock;
    private final TokenIssuer issuer;
    private final JwtTokenVerifier verifier;
    private final ClientRegistry clients;
    private final UaaEndpoints endpoints;

    /**
     * An identity provider whose signing key lives in {@code keysDir} (created there at first start; in memory only
     * when null), issuing tokens as {@code issuerBaseUrl} (e.g. {@code http://localhost:9022/uaa}).
     */
    public BuiltInIdentityProvider(AccountStore accounts, Path keysDir, String issuerBaseUrl, Clock clock,
                                   List<OAuthClient> extraClients) {
        this(accounts, keysDir == null ? SigningKeys.ephemeral() : SigningKeys.loadOrCreate(keysDir), issuerBaseUrl,
                clock, extraClients);
    }

    /** An identity provider signing with {@code keys} (e.g. loaded or created beforehand, in parallel with other work). */
    public BuiltInIdentityProvider(AccountStore accounts, SigningKeys keys, String issuerBaseUrl, Clock clock,
                                   List<OAuthClient> extraClients) {
        this.accounts = accounts;
        this.clock = clock;
        String base = issuerBaseUrl.replaceAll("/+$", "");
        this.issuer = new TokenIssuer(keys, base, clock);
        this.verifier = JwtTokenVerifier.local(keys, TokenIssuer.issuerOf(base), clock);
        this.clients = new ClientRegistry(extraClients);
        this.endpoints = new UaaEndpoints(this, keys, base);
    }

    /** Verifies the tokens this provider issues (signature, expiry, audience, issuer). */
    public TokenVerifier tokenVerifier() {
        return verifier;
    }

    /** The JAX-RS feature serving {@code /uaa/...}, to register beside the API. */
    public UaaEndpoints uaaEndpoints() {
        return endpoints;
    }

    /** Creates the admin account in origin {@code uaa}, or resets its password and groups to the configured ones. */
    public Account ensureAdmin(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The admin account needs a password");
        }
        return ensureAdminWithHash(username, PasswordHasher.hash(password));
    }

    /**
     * {@link #ensureAdmin} with the password already hashed by {@link PasswordHasher#hash} (the standalone server hashes
     * it while the schema is being checked: PBKDF2 costs a few hundred milliseconds of startup).
     */
    public Account ensureAdminWithHash(String username, String passwordHash) {
        if (passwordHash == null || passwordHash.isEmpty()) {
            throw new IllegalArgumentException("The admin account needs a password");
        }
        Optional<Account> existing = accounts.findByUsername(username, UAA_ORIGIN)
                .filter(a -> a.username().equals(username));
        if (existing.isPresent()) {
            Account a = existing.get();
            Account updated = new Account(a.guid(), a.username(), a.origin(), a.email(), passwordHash, ADMIN_GROUPS,
                    a.createdAt());
            accounts.update(updated);
            return updated;
        }
        return createHashed(username, passwordHash, UAA_ORIGIN, username, ADMIN_GROUPS);
    }

    /** Creates an ordinary user (cloud_controller.read/write, openid, uaa.user, password.write). */
    public Account createUser(String username, String password, String origin, String email) {
        return createUser(username, password, origin, email, Set.of());
    }

    /** Creates an ordinary user with extra scopes besides the ordinary ones. */
    public Account createUser(String username, String password, String origin, String email, Set<String> extra) {
        Set<String> groups = new HashSet<>(USER_GROUPS);
        groups.addAll(extra);
        return create(username, password, origin, email, groups);
    }

    private Account create(String username, String password, String origin, String email, Set<String> groups) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is required");
        }
        return createHashed(username, password == null ? null : PasswordHasher.hash(password), origin, email, groups);
    }

    private Account createHashed(String username, String passwordHash, String origin, String email,
                                 Set<String> groups) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is required");
        }
        Account account = new Account(UUID.randomUUID().toString(), username,
                origin == null || origin.isBlank() ? UAA_ORIGIN : origin, email, passwordHash, groups,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        accounts.create(account);
        return account;
    }

    AccountStore accounts() {
        return accounts;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    JwtTokenVerifier verifier() {
        return verifier;
    }

    ClientRegistry clients() {
        return clients;
    }

    Clock clock() {
        return clock;
    }
}
