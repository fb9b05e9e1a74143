package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** {@code grant_type=password}: a user's username and password (in an origin) for a token with its groups. */
final class PasswordGrant implements TokenGrant {
    /** A valid hash no password matches in practice: the work done for unknown usernames. */
    private static final String UNKNOWN_USER_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

    private final AccountStore accounts;
    private final TokenResponse tokens;

    PasswordGrant(AccountStore accounts, TokenResponse tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public String type() {
        return "password";
    }

    @Override
    public Response grant(OAuthClient client, MultivaluedMap<String, String> form) {
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        String origin = origin(form.getFirst("origin"), form.getFirst("login_hint"));
        if (username == null || password == null) {
            return UaaJson.error(401, "unauthorized", "Bad credentials");
        }
        var account = accounts.findByUsername(username, origin);
        // hash even for unknown users, so response times do not tell which usernames exist
        String hash = account.map(Account::passwordHash).orElse(UNKNOWN_USER_HASH);
        if (!PasswordHasher.matches(password, hash) || account.isEmpty()) {
            return UaaJson.error(401, "unauthorized", "Bad credentials");
        }
        Account a = account.get();
        return tokens.issue(new TokenIssuer.Subject(a.guid(), a.username(), a.origin(), a.email(), client.id(),
                a.groups(), type()), form.getFirst("scope"), true);
    }

    /** The {@code origin} form field, else a {@code login_hint} of {@code {"origin":"..."}}, else {@code uaa}. */
    private static String origin(String origin, String loginHint) {
        if (origin != null && !origin.isBlank()) {
            return origin;
        }
        if (loginHint == null || loginHint.isBlank()) {
            return BuiltInIdentityProvider.UAA_ORIGIN;
        }
        JsonNode hint = UaaJson.parse(loginHint);
        return hint != null && hint.path("origin").isTextual() ? hint.path("origin").asText()
                : BuiltInIdentityProvider.UAA_ORIGIN;
    }
}
