package dev.capi.domain.identity;

import java.time.Instant;
import java.util.Set;

/** An account of the built-in identity provider: credentials and the scopes (groups) its tokens carry. */
public record Account(String guid, String username, String origin, String email, String passwordHash,
                      Set<String> groups, Instant createdAt) {
    public Account {
        groups = Set.copyOf(groups);
    }
}
