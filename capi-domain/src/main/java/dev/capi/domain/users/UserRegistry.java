package dev.capi.domain.users;

import dev.capi.domain.auth.Principal;
import dev.capi.domain.support.Transactions;
import dev.capi.model.Metadata;
import dev.capi.model.User;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Creates the Cloud Controller user row of a token's principal on first sight, as the reference does, and keeps
 * the row's username and origin (the cache that username filters and roles by username read) in step with the
 * token: a user created by guid alone learns its name at its first request.
 */
public final class UserRegistry {
    private final UserRepository users;
    private final Transactions tx;
    private final Clock clock;

    public UserRegistry(UserRepository users, Transactions tx, Clock clock) {
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    public User ensure(Principal principal) {
        String name = username(principal);
        return tx.inTransaction(() -> users.find(principal.userGuid()).map(u -> refresh(u, name, principal.origin()))
                .orElseGet(() -> {
                    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    var user = new User(principal.userGuid(), now, now, name, name, name == null ? null
                            : principal.origin(), Metadata.empty());
                    users.insert(user);
                    return user;
                }));
    }

    /** The token's user name; clients (whose guid is their client id) have none, as in the reference. */
    private static String username(Principal principal) {
        return principal.userGuid().equals(principal.clientId()) ? null : principal.userName();
    }

    private User refresh(User user, String name, String origin) {
        if (name == null || (Objects.equals(user.username(), name) && Objects.equals(user.origin(), origin))) {
            return user;
        }
        var updated = new User(user.guid(), user.createdAt(), user.updatedAt(), name, name, origin,
                user.metadata());
        users.update(updated);
        return updated;
    }
}
