package dev.capi.server.identity;

import dev.capi.domain.auth.TokenVerifier;
import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The standalone server's identity provider: accounts, the signing key, the token issuer and verifier, and the
 * UAA-compatible HTTP resource ({@code /uaa/...}) the cf CLI and cf-java-client log in with.
 */
public final class BuiltInIdentityProvider {
    public static final Set<String> USER_GROUPS =
            Set.of("cloud_controller.read", "cloud_controller.write", "openid", "uaa.user", "password.write");
    public static final Set<String> ADMIN_GROUPS = Set.of("cloud_controller.admin", "cloud_controller.read",
            "cloud_controller.write", "openid", "uaa.user", "scim.read", "scim.write", "password.write");

    private final AccountStore accounts;
    private final Clock clock;
    private final TokenIssuer issuer;
    private final JwtTokenVerifier verifier;
    private final Map<String, OAuthClient> clients = new HashMap<>();
    private final UaaResource resource;

    public BuiltInIdentityProvider(AccountStore accounts, Path keysDir, String issuerBaseUrl, Clock clock,
                                   List<OAuthClient> extraClients) {
        this(accounts, keysDir == null ? SigningKeys.ephemeral() : SigningKeys.loadOrCreate(keysDir), issuerBaseUrl,
                clock, extraClients);
    }

    BuiltInIdentityProvider(AccountStore accounts, SigningKeys keys, String issuerBaseUrl, Clock clock,
                            List<OAuthClient> extraClients) {
        this.accounts = accounts;
        this.clock = clock;
        this.issuer = new TokenIssuer(keys, issuerBaseUrl, clock);
        this.verifier = JwtTokenVerifier.local(keys, clock);
        clients.put("cf", OAuthClient.cf());
        extraClients.forEach(c -> clients.put(c.id(), c));
        this.resource = new UaaResource(this, keys, issuerBaseUrl);
    }

    public TokenVerifier tokenVerifier() {
        return verifier;
    }

    /** The JAX-RS resource to register beside the API. */
    public Object uaaResource() {
        return resource;
    }

    /** Creates the admin account, or resets its password and groups to the configured ones. */
    public Account ensureAdmin(String username, String password) {
        var existing = accounts.findByUsername(username, "uaa");
        if (existing.isPresent()) {
            Account a = existing.get();
            Account updated = new Account(a.guid(), a.username(), a.origin(), a.email(),
                    PasswordHasher.hash(password), ADMIN_GROUPS, a.createdAt());
            accounts.update(updated);
            return updated;
        }
        return create(username, password, "uaa", username, ADMIN_GROUPS);
    }

    /** Creates an ordinary user (cloud_controller.read/write), plus any extra scopes. */
    public Account createUser(String username, String password, String origin, String email, Set<String> extra) {
        Set<String> groups = new HashSet<>(USER_GROUPS);
        groups.addAll(extra);
        return create(username, password, origin, email, groups);
    }

    Account create(String username, String password, String origin, String email, Set<String> groups) {
        Account account = new Account(UUID.randomUUID().toString(), username, origin, email,
                password == null ? null : PasswordHasher.hash(password), groups,
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

    OAuthClient client(String id) {
        return clients.get(id);
    }

    Clock clock() {
        return clock;
    }
}
