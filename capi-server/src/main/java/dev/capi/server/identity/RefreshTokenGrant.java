package dev.capi.server.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.identity.Account;
import dev.capi.domain.identity.AccountStore;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code grant_type=refresh_token}: a refresh token issued to the same client buys a new access token with the
 * scopes granted at login, less any the account has lost since.
 */
final class RefreshTokenGrant implements TokenGrant {
    private final AccountStore accounts;
    private final JwtTokenVerifier verifier;
    private final TokenResponse tokens;

    RefreshTokenGrant(AccountStore accounts, JwtTokenVerifier verifier, TokenResponse tokens) {
        this.accounts = accounts;
        this.verifier = verifier;
        this.tokens = tokens;
    }

    @Override
    public String type() {
        return "refresh_token";
    }

    @Override
    public Response grant(OAuthClient client, MultivaluedMap<String, String> form) {
        String refreshToken = form.getFirst("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            return UaaJson.error(400, "invalid_request", "Missing refresh_token");
        }
        try {
            JWTClaimsSet claims = verifier.verifiedClaims(refreshToken, TokenIssuer.REFRESH_AUDIENCE);
            if (!client.id().equals(claims.getStringClaim("client_id"))) {
                return UaaJson.error(401, "invalid_token", "Invalid refresh token (client mismatch)");
            }
            String userId = claims.getStringClaim("user_id");
            Optional<Account> account = userId == null ? Optional.empty() : accounts.findByGuid(userId);
            if (account.isEmpty()) {
                return UaaJson.error(401, "invalid_token", "Invalid refresh token: user no longer exists");
            }
            // the scopes granted at login, less any the account has lost since
            List<String> granted = claims.getStringListClaim("scope");
            Set<String> scopes = new HashSet<>(account.get().groups());
            scopes.retainAll(granted == null ? Set.of() : Set.copyOf(granted));
            Account a = account.get();
            return tokens.issue(new TokenIssuer.Subject(a.guid(), a.username(), a.origin(), a.email(), client.id(),
                    scopes, type()), form.getFirst("scope"), true);
        } catch (CfException | ParseException e) {
            return UaaJson.error(401, "invalid_token", "Invalid refresh token");
        }
    }
}
