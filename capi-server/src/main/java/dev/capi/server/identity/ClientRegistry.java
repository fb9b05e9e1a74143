package dev.capi.server.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in issuer's OAuth clients: {@code cf} (empty secret; password and refresh_token) and the configured extras. */
public final class ClientRegistry {
    private final Map<String, OAuthClient> clients = new LinkedHashMap<>();

    /** The {@code cf} client plus {@code extraClients}; ids must be unique (not {@code cf}), client_credentials clients need a secret. */
    public ClientRegistry(List<OAuthClient> extraClients) {
        OAuthClient cf = OAuthClient.cf();
        clients.put(cf.id(), cf);
        for (OAuthClient client : extraClients) {
            if (client.id() == null || client.id().isBlank()) {
                throw new IllegalArgumentException("An OAuth client needs an id");
            }
            if (client.grantTypes().contains("client_credentials") && client.secret().isEmpty()) {
                throw new IllegalArgumentException("OAuth client " + client.id()
                        + " has the client_credentials grant and needs a secret");
            }
            if (clients.putIfAbsent(client.id(), client) != null) {
                throw new IllegalArgumentException("Duplicate OAuth client id: " + client.id());
            }
        }
    }

    public Optional<OAuthClient> find(String id) {
        return Optional.ofNullable(id == null ? null : clients.get(id));
    }

    /** The client with this id when the secret matches (constant time), else empty. */
    public Optional<OAuthClient> authenticate(String id, String secret) {
        return find(id).filter(c -> c.secretMatches(secret));
    }

    public Collection<OAuthClient> all() {
        return List.copyOf(clients.values());
    }
}
