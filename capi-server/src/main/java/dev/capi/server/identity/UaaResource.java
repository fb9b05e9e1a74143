package dev.capi.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.capi.domain.auth.Principal;
import dev.capi.domain.errors.CfException;
import dev.capi.domain.identity.Account;
import dev.capi.rest.v3.support.JsonSupport;
import dev.capi.rest.v3.support.Public;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The UAA subset clients use, served under {@code /uaa}: the token endpoint (password, client_credentials and
 * refresh_token grants), token keys, the login info with prompts, and the SCIM user calls of cf create-user and
 * cf delete-user. Errors are UAA's ({@code {"error": ..., "error_description": ...}}), not the V3 document.
 */
@Path("/uaa")
@Public
public final class UaaResource {
    /** A valid hash no password matches in practice: the work done for unknown usernames. */
    private static final String UNKNOWN_USER_HASH = PasswordHasher.hash(java.util.UUID.randomUUID().toString());

    private final BuiltInIdentityProvider idp;
    private final SigningKeys keys;
    private final String baseUrl;

    UaaResource(BuiltInIdentityProvider idp, SigningKeys keys, String baseUrl) {
        this.idp = idp;
        this.keys = keys;
        this.baseUrl = baseUrl;
    }

    @POST
    @Path("oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
        String[] credentials = clientCredentials(authorization, form);
        OAuthClient client = credentials == null ? null
                : idp.clients().authenticate(credentials[0], credentials[1]).orElse(null);
        if (client == null) {
            return error(401, "invalid_client", "Bad client credentials");
        }
        String grant = form.getFirst("grant_type");
        if (grant == null) {
            return error(400, "invalid_request", "A grant type must be provided");
        }
        if (!client.grantTypes().contains(grant)) {
            return error(400, "unsupported_grant_type", "Unauthorized grant type: " + grant);
        }
        return switch (grant) {
            case "password" -> passwordGrant(client, form);
            case "client_credentials" -> tokens(new TokenIssuer.Subject(null, null, null, null, client.id(),
                    client.authorities(), grant), form.getFirst("scope"), false);
            case "refresh_token" -> refreshGrant(client, form);
            default -> error(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        };
    }

    private Response passwordGrant(OAuthClient client, MultivaluedMap<String, String> form) {
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        String origin = origin(form.getFirst("origin"), form.getFirst("login_hint"));
        if (username == null || password == null) {
            return error(401, "unauthorized", "Bad credentials");
        }
        var account = idp.accounts().findByUsername(username, origin);
        // hash even for unknown users, so response times do not tell which usernames exist
        String hash = account.map(Account::passwordHash).orElse(UNKNOWN_USER_HASH);
        if (!PasswordHasher.matches(password, hash) || account.isEmpty()) {
            return error(401, "unauthorized", "Bad credentials");
        }
        return tokens(subject(account.get(), client, "password"), form.getFirst("scope"), true);
    }

    /** The {@code origin} form field, else a {@code login_hint} of {@code {"origin":"..."}}, else {@code uaa}. */
    private static String origin(String origin, String loginHint) {
        if (origin != null && !origin.isBlank()) {
            return origin;
        }
        if (loginHint == null || loginHint.isBlank()) {
            return BuiltInIdentityProvider.UAA_ORIGIN;
        }
        JsonNode hint = parse(loginHint);
        return hint != null && hint.path("origin").isTextual() ? hint.path("origin").asText()
                : BuiltInIdentityProvider.UAA_ORIGIN;
    }

    private Response refreshGrant(OAuthClient client, MultivaluedMap<String, String> form) {
        String refreshToken = form.getFirst("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            return error(400, "invalid_request", "Missing refresh_token");
        }
        try {
            JWTClaimsSet claims = idp.verifier().verifiedClaims(refreshToken, TokenIssuer.REFRESH_AUDIENCE);
            if (!client.id().equals(claims.getStringClaim("client_id"))) {
                return error(401, "invalid_token", "Invalid refresh token (client mismatch)");
            }
            String userId = claims.getStringClaim("user_id");
            var account = userId == null ? java.util.Optional.<Account>empty() : idp.accounts().findByGuid(userId);
            if (account.isEmpty()) {
                return error(401, "invalid_token", "Invalid refresh token: user no longer exists");
            }
            // the scopes granted at login, less any the account has lost since
            List<String> granted = claims.getStringListClaim("scope");
            Set<String> scopes = new java.util.HashSet<>(account.get().groups());
            scopes.retainAll(granted == null ? Set.of() : Set.copyOf(granted));
            Account a = account.get();
            return tokens(new TokenIssuer.Subject(a.guid(), a.username(), a.origin(), a.email(), client.id(),
                    scopes, "refresh_token"), form.getFirst("scope"), true);
        } catch (CfException | ParseException e) {
            return error(401, "invalid_token", "Invalid refresh token");
        }
    }

    private static TokenIssuer.Subject subject(Account a, OAuthClient client, String grant) {
        return new TokenIssuer.Subject(a.guid(), a.username(), a.origin(), a.email(), client.id(), a.groups(), grant);
    }

    /** The token response; a requested {@code scope} narrows the granted scopes (400 invalid_scope beyond them). */
    private Response tokens(TokenIssuer.Subject granted, String requestedScope, boolean withRefresh) {
        TokenIssuer.Subject subject = granted;
        if (requestedScope != null && !requestedScope.isBlank()) {
            Set<String> requested = Set.of(requestedScope.trim().split("\\s+"));
            if (!granted.scopes().containsAll(requested)) {
                Set<String> missing = new java.util.TreeSet<>(requested);
                missing.removeAll(granted.scopes());
                return error(400, "invalid_scope", "Invalid scope: " + String.join(" ", missing)
                        + ". Did you know that you can get default scopes by simply sending no value?");
            }
            subject = new TokenIssuer.Subject(granted.userGuid(), granted.userName(), granted.origin(),
                    granted.email(), granted.clientId(), requested, granted.grantType());
        }
        ObjectNode body = JsonSupport.object();
        String access = idp.issuer().accessToken(subject);
        body.put("access_token", access);
        body.put("token_type", "bearer");
        if (withRefresh) {
            body.put("refresh_token", idp.issuer().refreshToken(subject));
        }
        body.put("expires_in", TokenIssuer.ACCESS_LIFETIME.toSeconds() - 1);
        body.put("scope", String.join(" ", new java.util.TreeSet<>(subject.scopes())));
        body.put("jti", jti(access));
        return Response.fromResponse(json(200, body)).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }

    private static String jti(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Basic auth header first, then client_id/client_secret form fields. */
    private static String[] clientCredentials(String authorization, MultivaluedMap<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String id = form.getFirst("client_id");
        return id == null ? null : new String[]{id, form.getFirst("client_secret")};
    }

    @GET
    @Path("token_keys")
    public Response tokenKeys() {
        ObjectNode body = JsonSupport.object();
        var array = body.putArray("keys");
        for (JWK key : keys.publicKeys().getKeys()) {
            array.add(keyJson(key));
        }
        return json(200, body);
    }

    @GET
    @Path("token_key")
    public Response tokenKey() {
        return json(200, keyJson(keys.publicKeys().getKeys().get(0)));
    }

    private static ObjectNode keyJson(JWK key) {
        ObjectNode node = (ObjectNode) parse(key.toJSONString());
        node.put("alg", "RS256");
        node.put("use", "sig");
        try {
            var pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.UTF_8))
                    .encodeToString(key.toRSAKey().toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----";
            node.put("value", pem);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return node;
    }

    @GET
    @Path("login")
    public Response login() {
        return info();
    }

    @GET
    @Path("info")
    public Response info() {
        ObjectNode body = JsonSupport.object();
        body.putObject("app").put("version", "capi-builtin");
        ObjectNode links = body.putObject("links");
        links.put("uaa", baseUrl);
        links.put("login", baseUrl);
        body.put("zone_name", "uaa");
        ObjectNode prompts = body.putObject("prompts");
        prompts.putArray("username").add("text").add("Email");
        prompts.putArray("password").add("password").add("Password");
        return json(200, body);
    }

    @POST
    @Path("Users")
    @Consumes(MediaType.WILDCARD)
    public Response createUser(@HeaderParam("Authorization") String authorization, String rawBody) {
        Response denied = requireScope(authorization, "scim.write");
        if (denied != null) {
            return denied;
        }
        JsonNode body = parse(rawBody);
        if (body != null && body.has("origin") && !body.path("origin").isTextual()) {
            return error(400, "invalid_scim_resource", "The origin must be a string.");
        }
        if (body == null || !body.path("userName").isTextual() || body.path("userName").asText().isBlank()) {
            return error(400, "invalid_scim_resource", "A username must be provided.");
        }
        String username = body.path("userName").asText();
        String origin = body.path("origin").asText("");
        origin = origin.isBlank() ? BuiltInIdentityProvider.UAA_ORIGIN : origin;
        if (idp.accounts().findByUsername(username, origin).isPresent()) {
            return error(409, "scim_resource_already_exists", "Username already in use: " + username);
        }
        String email = body.path("emails").path(0).path("value").asText(username);
        String password = body.path("password").isTextual() ? body.path("password").asText() : null;
        Account account;
        try {
            account = idp.createUser(username, password, origin, email);
        } catch (RuntimeException e) {
            if (idp.accounts().findByUsername(username, origin).isPresent()) {
                // created concurrently: the unique (username, origin) constraint caught it
                return error(409, "scim_resource_already_exists", "Username already in use: " + username);
            }
            throw e;
        }
        return json(201, scimUser(account));
    }

    @GET
    @Path("Users")
    public Response listUsers(@HeaderParam("Authorization") String authorization, @QueryParam("filter") String filter) {
        Response denied = requireScope(authorization, "scim.read");
        return denied != null ? denied : list(filter, false);
    }

    @GET
    @Path("ids/Users")
    public Response listIds(@HeaderParam("Authorization") String authorization, @QueryParam("filter") String filter) {
        Response denied = requireScope(authorization, "scim.read", "scim.userids");
        return denied != null ? denied : list(filter, true);
    }

    @GET
    @Path("Users/{id}")
    public Response getUser(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Response denied = requireScope(authorization, "scim.read");
        if (denied != null) {
            return denied;
        }
        return idp.accounts().findByGuid(id).map(a -> json(200, scimUser(a)))
                .orElseGet(() -> error(404, "scim_resource_not_found", "User " + id + " does not exist"));
    }

    @DELETE
    @Path("Users/{id}")
    public Response deleteUser(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        Response denied = requireScope(authorization, "scim.write");
        if (denied != null) {
            return denied;
        }
        var account = idp.accounts().findByGuid(id);
        if (account.isEmpty()) {
            return error(404, "scim_resource_not_found", "User " + id + " does not exist");
        }
        idp.accounts().delete(id);
        return json(200, scimUser(account.get()));
    }

    private Response list(String filter, boolean idsOnly) {
        List<Account> matches;
        try {
            matches = filter == null || filter.isBlank() ? idp.accounts().list()
                    : ScimFilter.parse(filter).select(idp.accounts());
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_filter", e.getMessage());
        }
        ObjectNode body = JsonSupport.object();
        var resources = body.putArray("resources");
        for (Account a : matches) {
            if (idsOnly) {
                resources.addObject().put("id", a.guid()).put("userName", a.username()).put("origin", a.origin());
            } else {
                resources.add(scimUser(a));
            }
        }
        body.put("startIndex", 1);
        body.put("itemsPerPage", Math.max(100, matches.size()));
        body.put("totalResults", matches.size());
        body.putArray("schemas").add("urn:scim:schemas:core:1.0");
        return json(200, body);
    }

    /** null when the bearer token carries one of {@code scopes} (or is an admin's); else UAA's 401/403. */
    private Response requireScope(String authorization, String... scopes) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return error(401, "unauthorized", "Full authentication is required to access this resource");
        }
        Principal principal;
        try {
            principal = idp.verifier().verify(authorization.substring(7).trim());
        } catch (CfException e) {
            return error(401, "invalid_token", "The token is invalid");
        }
        Set<String> held = principal.scopes();
        if (held.contains(Principal.ADMIN) || Arrays.stream(scopes).anyMatch(held::contains)) {
            return null;
        }
        return error(403, "insufficient_scope", "Insufficient scope for this resource");
    }

    private static ObjectNode scimUser(Account a) {
        ObjectNode user = JsonSupport.object();
        user.put("id", a.guid());
        user.put("externalId", "");
        String created = DateTimeFormatter.ISO_INSTANT.format(a.createdAt());
        user.putObject("meta").put("version", 0).put("created", created).put("lastModified", created);
        user.put("userName", a.username());
        user.putObject("name");
        user.putArray("emails").addObject().put("value", a.email() == null ? a.username() : a.email())
                .put("primary", true);
        var groups = user.putArray("groups");
        new java.util.TreeSet<>(a.groups()).forEach(g -> groups.addObject().put("value", g).put("display", g)
                .put("type", "DIRECT"));
        user.putArray("approvals");
        user.put("active", true);
        user.put("verified", true);
        user.put("origin", a.origin());
        user.put("zoneId", "uaa");
        user.putArray("schemas").add("urn:scim:schemas:core:1.0");
        return user;
    }

    private static JsonNode parse(String raw) {
        try {
            return raw == null ? null : JsonSupport.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Response error(int status, String error, String description) {
        ObjectNode body = JsonSupport.object();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    private static Response json(int status, JsonNode body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonSupport.write(body)).build();
    }
}
